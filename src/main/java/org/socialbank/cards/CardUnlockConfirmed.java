package org.socialbank.cards;

import org.socialbank.directory.CustomerId;

/** A card was unlocked after its holder confirmed it on the bank's page; the chat is told. */
public record CardUnlockConfirmed(CustomerId customerId, String maskedNumber) {}
