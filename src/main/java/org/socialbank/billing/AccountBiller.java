package org.socialbank.billing;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.ProviderAnswer;

/**
 * The switch that pays other countries' billers by the customer's account number at the biller
 * (issue 15 s1.13: "交电费 1234567890", "payer EDF 12345678901234"), one for every biller of the
 * {@link BillerRegistry}. Exactly one bean: {@code socialbank.billing.account-biller.url} makes it
 * the HTTP protocol of {@code docs/account-biller-protocol.md}, else the embedded sandbox.
 *
 * <p><b>An implementation MUST be idempotent by {@link Order#id()}</b>: the same order sent twice
 * pays once and answers the same; once {@link #status} answered {@link ProviderAnswer#NOT_RECEIVED}
 * for an id, it MUST refuse that id for good (a late {@link #pay} with it pays nothing; see the
 * protocol). It bounds every call with {@link #timeout()} and answers rather
 * than throws ({@link ProviderAnswer.Unknown} when it cannot tell); a throw is read as Unknown.
 * Never called inside a database transaction.
 */
public interface AccountBiller {

    /** Why nothing can be paid on an account: the biller does not know it. */
    String UNKNOWN_ACCOUNT = "unknown_account";
    /** Why nothing can be paid on an account: nothing is due on it now. */
    String NOTHING_DUE = "nothing_due";
    /** Why nothing can be paid on an account: the biller did not answer (or not in its protocol). */
    String UNAVAILABLE = "biller_unavailable";

    /** The longest one call may take before it answers Unknown. */
    Duration timeout();

    /** What is due on the account at the biller, or why nothing can be paid. */
    Inquiry inquire(String billerId, String account);

    /** Pays what is due: Succeeded with the biller's trace number, Failed, or Unknown. */
    ProviderAnswer pay(Order order);

    /** Where a payment is: Succeeded, Failed ({@link ProviderAnswer#NOT_RECEIVED} when it never arrived) or Unknown. */
    ProviderAnswer status(UUID paymentId);

    /** A biller's answer to an inquiry. */
    sealed interface Inquiry permits Due, NotDue {}

    /** What is due: the amount in the biller's currency, the due date and the holder as the biller masks it. */
    record Due(long amountMinor, CurrencyCode currency, LocalDate dueDate, String holderMasked) implements Inquiry {
        public Due {
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(dueDate, "dueDate");
            Objects.requireNonNull(holderMasked, "holderMasked");
            if (amountMinor <= 0) {
                throw new IllegalArgumentException("amountMinor must be positive");
            }
            if (holderMasked.isBlank() || holderMasked.length() > ProviderAnswer.TEXT_LENGTH_MAX) {
                throw new IllegalArgumentException(
                        "holderMasked must be 1.." + ProviderAnswer.TEXT_LENGTH_MAX + " characters");
            }
        }
    }

    /** Nothing to pay: {@link #UNKNOWN_ACCOUNT}, {@link #NOTHING_DUE}, {@link #UNAVAILABLE} or the biller's own code. */
    record NotDue(String code) implements Inquiry {
        public NotDue {
            Objects.requireNonNull(code, "code");
            code = code.length() > ProviderAnswer.TEXT_LENGTH_MAX
                    ? code.substring(0, ProviderAnswer.TEXT_LENGTH_MAX)
                    : code;
        }
    }

    /** One payment; {@code id} is the bank's idempotency key for it. */
    record Order(UUID id, String billerId, String account, long amountMinor, CurrencyCode currency) {
        public Order {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(billerId, "billerId");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(currency, "currency");
            if (amountMinor <= 0) {
                throw new IllegalArgumentException("amountMinor must be positive");
            }
        }
    }
}
