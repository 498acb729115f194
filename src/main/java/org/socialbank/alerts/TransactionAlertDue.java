package org.socialbank.alerts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.shared.CurrencyCode;

/**
 * An alert to send now, published in the transaction that decided it, with everything the chat
 * needs: the conversation engine writes it to its outbox in the same transaction, so an alert is
 * queued exactly when its row commits as {@code sent}.
 *
 * @param counterparty a masked name ("Bob B."), or {@code bank:<account kind>} for the bank's own accounts
 * @param chatIdentity the private chat chosen for it, never on a public network
 */
public record TransactionAlertDue(UUID alertId, AlertKind kind, long amountMinor, CurrencyCode currency,
        long balanceAfterMinor, String counterparty, Instant postedAt, ZoneId zone, Language language,
        IdentityId chatIdentity, Network channel, String recipient) {
}
