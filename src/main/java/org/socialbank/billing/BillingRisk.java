package org.socialbank.billing;

import java.time.Instant;
import java.util.Optional;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerStatus;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.payments.Payments;
import org.socialbank.payments.risk.Attempt;
import org.socialbank.payments.risk.Decision;
import org.socialbank.payments.risk.PaymentPolicy;
import org.socialbank.payments.risk.Reject;
import org.socialbank.payments.risk.StepUp;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Network;
import org.springframework.stereotype.Component;

/**
 * What every billing payment asks before it is recorded, the same for card transfers, top-ups,
 * Iranian and account bills: is its customer an active customer, and what does the payments
 * module's risk policy say, billing's own totals ({@link BillHistory}) being its history. A payment
 * asked for in a chat carries when that chat was linked, so a newly linked chat's payments are
 * held as P2P payments are (security review #4); the API ({@code api}) links nothing. What a
 * step-up decision does is each kind's rule.
 */
@Component
class BillingRisk {

    /** The code of a payment the risk policy wants stepped up, where its kind offers no step-up yet. */
    static final String CONFIRMATION_REQUIRED = "confirmation_required";
    /**
     * The same for a payment held only because its chat is new (linked within the window, or none
     * of its payments confirmed on the bank's page yet): the customer is told what lifts it.
     */
    static final String NEW_CHANNEL_UNCONFIRMED = "new_channel_unconfirmed";

    private final Directory directory;
    private final ChannelIdentities identities;
    private final PaymentPolicy policy;
    private final JdbcSpending spending;
    private final Payments payments;

    BillingRisk(
            Directory directory,
            ChannelIdentities identities,
            PaymentPolicy policy,
            JdbcSpending spending,
            Payments payments) {
        this.directory = directory;
        this.identities = identities;
        this.policy = policy;
        this.spending = spending;
        this.payments = payments;
    }

    /** The customer, if an active one. */
    Optional<CustomerView> active(CustomerId customer) {
        return directory.customer(customer).filter(c -> c.customer().status() == CustomerStatus.ACTIVE);
    }

    /**
     * Locks the customer's limits until the transaction ends: the payments module's per-payer row,
     * the one a P2P payment locks before its own check (docs/payment-limits.md). Without it, payments
     * of one customer asked for at once all read the same totals and all fit in the last of a limit
     * (review 2026-12-07 money #1). First in the transaction that records the payment, before any
     * total is read and before anything else is locked (the ledger's accounts), so that every path
     * locks in one order: the customer, then the ledger.
     */
    void lockLimits(CustomerId customer) {
        payments.lockPayer(customer);
    }

    /**
     * The risk policy's decision on a payment of {@code amountMinor} by {@code customer}, the
     * customer's limits locked first ({@link #lockLimits}): called inside the transaction that then
     * records the payment. Bills go to billers, top-ups to operators: never a new payee, never a
     * customer.
     */
    Decision assess(
            CustomerId customer,
            CustomerView view,
            String channel,
            long amountMinor,
            CurrencyCode currency,
            Instant now) {
        lockLimits(customer);
        return policy.assess(
                new Attempt(
                        customer,
                        view.customer().kycLevel(),
                        channel,
                        amountMinor,
                        currency,
                        false,
                        false,
                        Network.fromWireName(channel).flatMap(n -> identities.linkedAt(customer, n)),
                        now),
                new BillHistory(spending, payments));
    }

    /**
     * The refusal's code of a decision, for a kind without a step-up: a rejection's own code, a
     * step-up {@value #CONFIRMATION_REQUIRED} ({@value #NEW_CHANNEL_UNCONFIRMED} when only the
     * chat's newness held it); null when the payment may go.
     */
    static String refusal(Decision decision) {
        if (decision instanceof Reject reject) {
            return reject.code();
        }
        if (decision instanceof StepUp stepUp) {
            return StepUp.FIRST_AFTER_NEW_CHANNEL.equals(stepUp.reason())
                    ? NEW_CHANNEL_UNCONFIRMED
                    : CONFIRMATION_REQUIRED;
        }
        return null;
    }
}
