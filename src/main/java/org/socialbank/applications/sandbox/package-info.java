/**
 * The embedded sandbox underwriting: a small affordability rule set behind the
 * {@link org.socialbank.applications.Underwriting} SPI.
 */
package org.socialbank.applications.sandbox;
