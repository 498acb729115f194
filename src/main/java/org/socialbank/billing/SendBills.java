package org.socialbank.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.RejectionCode;
import org.socialbank.ledger.Resolution;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Talks to the biller about reserved payments, never inside a transaction, and books what it
 * said: Paid posts the pending transfer (COMPLETED), Refused voids it (FAILED: the money is back),
 * Unknown leaves the money reserved (UNKNOWN) for the janitor, which asks the biller again once
 * {@code recheck-after} has passed; a payment the biller never received is then voided too. The
 * worker sends payments confirmed on the step-up page.
 */
@Component
class SendBills {

    static final String BILLER_REFUSED = "biller_refused";
    static final String BILLER_TIMEOUT = "biller_timeout";
    private static final Logger log = LoggerFactory.getLogger(SendBills.class);

    private final JdbcBillPayments store;
    private final Biller biller;
    private final Ledger ledger;
    private final BillingProperties properties;
    private final ApplicationEventPublisher events;
    private final DurableTransactions writes;
    private final Clock clock;

    SendBills(JdbcBillPayments store, Biller biller, Ledger ledger, BillingProperties properties,
            ApplicationEventPublisher events, DurableTransactions writes, Clock clock) {
        if (biller.timeout().compareTo(properties.recheckAfter()) >= 0) {
            throw new IllegalStateException("socialbank.billing.recheck-after (" + properties.recheckAfter()
                    + ") must be longer than the biller's timeout (" + biller.timeout() + ")");
        }
        this.store = store;
        this.biller = biller;
        this.ledger = ledger;
        this.properties = properties;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
    }

    /** Sends a reserved payment to the biller and books the answer. */
    void send(BillPaymentId id) {
        JdbcBillPayments.Row row = store.find(id).orElseThrow();
        if (row.status() != BillPaymentStatus.PENDING || row.transferId() == null) {
            return;
        }
        ProviderAnswer answer = ask(() -> biller.pay(new BillOrder(id, row.bill(), row.amountMinor())));
        book(id, answer);
    }

    /** Sends the payments confirmed on the step-up page, then re-checks those in doubt. */
    @Scheduled(fixedDelayString = "${socialbank.billing.worker-interval:1s}",
            initialDelayString = "${socialbank.billing.worker-interval:1s}")
    void work() {
        try {
            for (BillPaymentId id : store.unsent(properties.batchMax())) {
                if (writes.write(tx -> store.claimSend(id, now()))) {
                    send(id);
                }
            }
            for (BillPaymentId id : store.inDoubt(now().minus(properties.recheckAfter()), properties.batchMax())) {
                book(id, ask(() -> biller.status(id)));
            }
        } catch (RuntimeException e) {
            log.warn("Sending or re-checking bill payments failed; will try again", e);
        }
    }

    /** Books the biller's answer about a payment still PENDING or UNKNOWN; anything else was booked already. */
    void book(BillPaymentId id, ProviderAnswer answer) {
        writes.write(tx -> {
            store.lock(id).filter(r -> r.status() == BillPaymentStatus.PENDING || r.status() == BillPaymentStatus.UNKNOWN)
                    .ifPresent(r -> {
                        if (answer instanceof ProviderAnswer.Paid paid) {
                            paid(r, paid.traceNumber());
                        } else if (answer instanceof ProviderAnswer.Refused refused) {
                            refused(r, refused.reason());
                        } else {
                            store.update(r.id(), BillPaymentStatus.UNKNOWN, null, r.transferId(), null, r.sentAt(),
                                    now());
                        }
                    });
            return null;
        });
    }

    private void paid(JdbcBillPayments.Row r, String traceNumber) {
        TransferResult posted = ledger.resolve(Resolution.post(new TransferId(r.transferId()), OptionalLong.empty()));
        if (posted instanceof TransferResult.Rejected rejected) {
            // the reservation expired before the biller's answer: the biller was paid, the customer got the money back
            log.error("Bill payment {}: the biller paid it but its pending transfer could not be posted ({})", r.id(),
                    rejected.code().code());
        }
        store.update(r.id(), BillPaymentStatus.COMPLETED, null, r.transferId(), traceNumber, r.sentAt(), now());
        events.publishEvent(new BillPaid(r.id(), r.customer(), r.bill().billId(), r.bill().paymentId(),
                properties.serviceTypes().name(r.bill().serviceDigit()), r.amountMinor(), r.currency().code(),
                traceNumber, r.channel()));
    }

    private void refused(JdbcBillPayments.Row r, String reason) {
        TransferResult voided = ledger.resolve(Resolution.voidIt(new TransferId(r.transferId())));
        if (voided instanceof TransferResult.Rejected rejected && rejected.code() != RejectionCode.PENDING_EXPIRED
                && rejected.code() != RejectionCode.PENDING_ALREADY_VOIDED) {
            throw new IllegalStateException("bill payment " + r.id() + ": its pending transfer could not be voided: "
                    + rejected.code().code());
        }
        String code = ProviderAnswer.NOT_RECEIVED.equals(reason) ? BILLER_TIMEOUT : BILLER_REFUSED;
        store.update(r.id(), BillPaymentStatus.FAILED, code, r.transferId(), null, r.sentAt(), now());
        events.publishEvent(new BillNotPaid(r.id(), r.customer(), r.bill().billId(), r.bill().paymentId(),
                r.amountMinor(), r.currency().code(), code, r.channel()));
    }

    /** A biller's throw is read as Unknown (the SPI says so): the money stays reserved until it is known. */
    private static ProviderAnswer ask(Supplier<ProviderAnswer> call) {
        try {
            ProviderAnswer answer = call.get();
            return answer == null ? new ProviderAnswer.Unknown("no_answer") : answer;
        } catch (RuntimeException e) {
            log.warn("The biller failed to answer: {}", e.toString());
            return new ProviderAnswer.Unknown("error");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
