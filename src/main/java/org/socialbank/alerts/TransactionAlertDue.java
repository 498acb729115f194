package org.socialbank.alerts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/**
 * An alert to send now, published in the transaction that decided it, with everything the chat
 * needs: the conversation engine writes it to its outbox in the same transaction, so an alert is
 * queued exactly when its row commits as {@code sent}.
 *
 * @param counterparty a masked name ("Bob B."), or {@code bank:<account kind>} for the bank's own accounts
 * @param chatIdentity the chat chosen for it: a private chat, or on X the account itself (a DM, never a tweet)
 * @param messageId the outbox row's id to write it under: a platform's refusal comes back by it, and
 *     the alert moves on to her next chat (issue 17, 1.8)
 */
public record TransactionAlertDue(
        UUID alertId,
        AlertKind kind,
        long amountMinor,
        CurrencyCode currency,
        long balanceAfterMinor,
        String counterparty,
        Instant postedAt,
        ZoneId zone,
        Language language,
        IdentityId chatIdentity,
        Network channel,
        String recipient,
        UUID messageId) {

    public TransactionAlertDue {
        java.util.Objects.requireNonNull(messageId, "messageId");
    }
}
