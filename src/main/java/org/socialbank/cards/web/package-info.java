/** The cards API: a customer's cards, a card's statements and repayments, lock and unlock. */
package org.socialbank.cards.web;
