/**
 * The embedded sandbox rewards partner behind the {@link org.socialbank.loyalty.Rewards} SPI: a small
 * catalogue and vouchers whose failure or lost answer a test can ask for.
 */
package org.socialbank.loyalty.sandbox;
