package org.socialbank.alerts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/**
 * An alert's SMS, its last resort, failed for good, and the customer has a chat that can reach her
 * (review 2026-12-07 alert follow-up): published once per failure, in the transaction that records
 * she is told, so the conversation engine writes the notice to its outbox there. It carries no
 * amount and no balance: only what kind of alert, when, and the last two digits of the number.
 *
 * @param unconfirmed true when the SMS is UNKNOWN (nobody could confirm it reached her: it may
 *     well have), false when it FAILED (reread 2026-12-08): the notice says which
 * @param phoneEnding the last two digits of the number the SMS was for
 * @param chatIdentity her first reachable chat in her order (on X the account itself, a DM)
 */
public record AlertSmsFailed(
        UUID alertId,
        AlertKind kind,
        Instant postedAt,
        ZoneId zone,
        Language language,
        boolean unconfirmed,
        String phoneEnding,
        IdentityId chatIdentity,
        Network channel,
        String recipient) {}
