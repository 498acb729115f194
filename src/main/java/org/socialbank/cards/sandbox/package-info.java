/**
 * The embedded sandbox card processor: it generates purchases (and takes any transaction a test or
 * the demo hands it) and delivers them through the {@link org.socialbank.cards.CardProcessor} feed.
 */
package org.socialbank.cards.sandbox;
