package org.socialbank.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Bills asked in chat (issue 15 s1): the message's transaction records the question, the worker
 * asks the biller outside any transaction, and {@link BillInquired} takes the answer (the biller's
 * name, the masked holder) to the chat with Confirm and Cancel. One answer per question.
 */
@Component
class BillInquiries {

    private static final Logger log = LoggerFactory.getLogger(BillInquiries.class);

    private final JdbcClient jdbc;
    private final Biller biller;
    private final JdbcBillPayments payments;
    private final BillingProperties properties;
    private final ApplicationEventPublisher events;
    private final DurableTransactions writes;
    private final Clock clock;

    BillInquiries(
            JdbcClient jdbc,
            Biller biller,
            JdbcBillPayments payments,
            BillingProperties properties,
            ApplicationEventPublisher events,
            DurableTransactions writes,
            Clock clock) {
        this.jdbc = jdbc;
        this.biller = biller;
        this.payments = payments;
        this.properties = properties;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
    }

    private record Question(UUID id, CustomerId customer, IranianBill bill, String channel) {}

    /** Records the question inside the caller's transaction; the same id again records nothing. */
    void ask(UUID id, CustomerId customer, IranianBill bill, String channel) {
        Instant now = now();
        jdbc.sql(
                        "INSERT INTO billing_bill_inquiries (id, customer_id, bill_id, payment_id, channel, status, created_at, "
                                + "updated_at) SELECT ?, ?, ?, ?, ?, 'ASKING', ?, ? WHERE NOT EXISTS "
                                + "(SELECT 1 FROM billing_bill_inquiries WHERE id = ?)")
                .params(
                        id,
                        customer.value(),
                        bill.billId(),
                        bill.paymentId(),
                        channel,
                        Timestamps.utc(now),
                        Timestamps.utc(now),
                        id)
                .update();
    }

    /** Asks the biller about the bills asked in chat, one call each, outside any transaction. */
    @Scheduled(
            fixedDelayString = "${socialbank.billing.worker-interval:1s}",
            initialDelayString = "${socialbank.billing.worker-interval:1s}")
    void lookUp() {
        try {
            for (Question question : asking()) {
                Optional<BillDue> due = inquire(question.bill());
                writes.write(tx -> {
                    if (answer(question.id())) {
                        events.publishEvent(new BillInquired(
                                question.id(),
                                question.customer(),
                                question.bill(),
                                properties.serviceTypes().name(question.bill().serviceDigit()),
                                due.map(BillDue::billerName).orElse(null),
                                due.map(BillDue::holderMasked).orElse(null),
                                due.map(BillDue::dueDate).orElse(null),
                                payments.pairTaken(question.bill()),
                                question.channel()));
                    }
                    return null;
                });
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Inquiring bills asked in chat failed; will try again: {}",
                    e.getClass().getName());
        }
    }

    private Optional<BillDue> inquire(IranianBill bill) {
        return Settlements.lookUp(
                log, "The biller failed to answer an inquiry: {}", () -> biller.inquire(bill), Optional.empty());
    }

    private List<Question> asking() {
        return jdbc.sql("SELECT id, customer_id, bill_id, payment_id, channel FROM billing_bill_inquiries "
                        + "WHERE status = 'ASKING' ORDER BY created_at, id LIMIT ?")
                .param(properties.batchMax())
                .query((rs, n) -> new Question(
                        rs.getObject("id", UUID.class),
                        new CustomerId(rs.getObject("customer_id", UUID.class)),
                        new IranianBill(rs.getString("bill_id"), rs.getString("payment_id")),
                        rs.getString("channel")))
                .list();
    }

    /** Marks a question answered; false when another worker answered it. */
    private boolean answer(UUID id) {
        return jdbc.sql("UPDATE billing_bill_inquiries SET status = 'ANSWERED', updated_at = ? WHERE id = ? "
                                + "AND status = 'ASKING'")
                        .params(Timestamps.utc(now()), id)
                        .update()
                == 1;
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
