package org.socialbank.payments;

import java.time.Clock;
import java.util.List;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerStatus;
import org.socialbank.directory.Directory;
import org.socialbank.payments.jdbc.JdbcPayments;
import org.socialbank.payments.jdbc.PaymentHistory;
import org.socialbank.payments.risk.PaymentPolicy;
import org.socialbank.shared.CurrencyCode;
import org.springframework.stereotype.Service;

/**
 * The payer's limits as they stand now (issue 13: "my limits" in the chats): each limit of the
 * risk policy that a payment in a currency and channel would meet, with what is used of it, read
 * from the same totals the policy reads when it decides. Reads only.
 */
@Service
public class PaymentLimits {

    private final PaymentPolicy policy;
    private final Directory directory;
    private final JdbcPayments store;
    private final Clock clock;

    PaymentLimits(PaymentPolicy policy, Directory directory, JdbcPayments store, Clock clock) {
        this.policy = policy;
        this.directory = directory;
        this.store = store;
        this.clock = clock;
    }

    /**
     * The limits, in the order a payment meets them (per payment, then the period that resets last);
     * empty for a payer who is not an active customer, or a currency that cannot be paid in.
     *
     * @param channel where the payment would be asked for ({@code telegram}, {@code webchat}, {@code api}...)
     */
    public List<PaymentLimit> of(CustomerId payer, CurrencyCode currency, String channel) {
        return directory
                .customer(payer)
                .filter(c -> c.customer().status() == CustomerStatus.ACTIVE)
                .map(c -> policy
                        .standings(
                                payer,
                                c.customer().kycLevel(),
                                channel,
                                currency,
                                clock.instant(),
                                new PaymentHistory(store))
                        .stream()
                        .map(s -> new PaymentLimit(
                                s.rule(), s.limitMinor(), s.usedMinor(), s.resetsAt(), s.channel(), currency))
                        .toList())
                .orElse(List.of());
    }
}
