package org.socialbank.billing;

import java.time.Instant;
import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerStatus;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.payments.risk.Attempt;
import org.socialbank.payments.risk.Decision;
import org.socialbank.payments.risk.PaymentPolicy;
import org.socialbank.payments.risk.Reject;
import org.socialbank.payments.risk.StepUp;
import org.socialbank.shared.CurrencyCode;
import org.springframework.stereotype.Component;

/**
 * What every billing payment asks before it is recorded, the same for card transfers, top-ups,
 * Iranian and account bills: is its customer an active customer, and what does the payments
 * module's risk policy say, billing's own totals ({@link BillHistory}) being its history. What a
 * step-up decision does is each kind's rule.
 */
@Component
class BillingRisk {

    /** The code of a payment the risk policy wants stepped up, where its kind offers no step-up yet. */
    static final String CONFIRMATION_REQUIRED = "confirmation_required";

    private final Directory directory;
    private final PaymentPolicy policy;
    private final JdbcSpending spending;

    BillingRisk(Directory directory, PaymentPolicy policy, JdbcSpending spending) {
        this.directory = directory;
        this.policy = policy;
        this.spending = spending;
    }

    /** The customer, if an active one. */
    Optional<CustomerView> active(CustomerId customer) {
        return directory.customer(customer).filter(c -> c.customer().status() == CustomerStatus.ACTIVE);
    }

    /** The risk policy's decision on a payment of {@code amountMinor} by {@code customer}. */
    Decision assess(
            CustomerId customer,
            CustomerView view,
            String channel,
            long amountMinor,
            CurrencyCode currency,
            Instant now) {
        return policy.assess(
                new Attempt(
                        customer,
                        view.customer().kycLevel(),
                        channel,
                        amountMinor,
                        currency,
                        false,
                        false,
                        Optional.empty(),
                        now),
                new BillHistory(spending));
    }

    /**
     * The refusal's code of a decision, for a kind without a step-up: a rejection's own code, a
     * step-up {@value #CONFIRMATION_REQUIRED}; null when the payment may go.
     */
    static String refusal(Decision decision) {
        return decision instanceof Reject reject
                ? reject.code()
                : decision instanceof StepUp ? CONFIRMATION_REQUIRED : null;
    }
}
