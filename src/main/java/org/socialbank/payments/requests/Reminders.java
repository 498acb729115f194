package org.socialbank.payments.requests;

import java.time.Instant;
import java.util.List;

/**
 * What a reminder round did.
 *
 * @param reminded the open requests whose payers are reminded now
 * @param tooSoon the open requests reminded less than the reminder interval ago (skipped)
 * @param nextAt when the earliest skipped one may be reminded again; null when none was skipped
 */
public record Reminders(SplitId splitId, List<RequestId> reminded, List<RequestId> tooSoon, Instant nextAt) {

    public Reminders {
        reminded = List.copyOf(reminded);
        tooSoon = List.copyOf(tooSoon);
    }
}
