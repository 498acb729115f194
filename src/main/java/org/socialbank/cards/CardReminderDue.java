package org.socialbank.cards;

import java.time.LocalDate;
import java.util.Locale;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * A message to a credit card's holder about a statement, published in the transaction that
 * recorded it (so a listener writing the chat outbox there sends it exactly once).
 *
 * @param amountMinor what is left to repay of the statement (or, for the auto-repayment kinds,
 *     what was or would have been repaid; for {@code OVERDUE}, the unpaid minimum)
 * @param minimumMinor the statement's minimum not yet repaid
 */
public record CardReminderDue(
        CustomerId customerId,
        Kind kind,
        String maskedNumber,
        CurrencyCode currency,
        long amountMinor,
        long minimumMinor,
        LocalDate dueDate) {

    public enum Kind {
        /** Three days (configurable) before the due date. */
        DUE_SOON,
        /** The same, with auto-repayment of the balance on. */
        DUE_SOON_AUTO_FULL,
        /** The same, with auto-repayment of the minimum on. */
        DUE_SOON_AUTO_MINIMUM,
        /** On the due date: auto-repaid. */
        AUTO_REPAID,
        /** On the due date: the chosen account held too little, nothing was repaid. */
        AUTO_SHORT,
        /** On the due date: the auto-repayment could not be made (the account is gone, for one). */
        AUTO_FAILED,
        /** After the grace period, the minimum not repaid. */
        OVERDUE;

        /** The message key of its text. */
        public String messageKey() {
            return "cards.reminder." + name().toLowerCase(Locale.ROOT);
        }
    }
}
