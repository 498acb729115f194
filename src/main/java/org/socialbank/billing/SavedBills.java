package org.socialbank.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.PaymentsProperties;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Saved bills (issue 15 s1): "save this bill as home water" keeps the bill id of the customer's
 * latest bill under a name; the reminder job asks the biller what is due on each saved bill
 * (outside any transaction) and, when the current period's bill is unpaid and due within
 * {@code remind-before}, publishes {@link SavedBillDue} once per saved bill and period.
 */
@Component
class SavedBills {

    static final String NO_RECENT_BILL = "no_recent_bill";
    static final String NAME_INVALID = "name_invalid";
    /** A customer keeps at most this many saved bills. */
    static final int PER_CUSTOMER_MAX = 50;

    private static final Logger log = LoggerFactory.getLogger(SavedBills.class);

    private final JdbcClient jdbc;
    private final Biller biller;
    private final JdbcBillPayments payments;
    private final BillingProperties properties;
    private final PaymentsProperties zone;
    private final ApplicationEventPublisher events;
    private final DurableTransactions writes;
    private final Clock clock;

    SavedBills(
            JdbcClient jdbc,
            Biller biller,
            JdbcBillPayments payments,
            BillingProperties properties,
            PaymentsProperties zone,
            ApplicationEventPublisher events,
            DurableTransactions writes,
            Clock clock) {
        this.jdbc = jdbc;
        this.biller = biller;
        this.payments = payments;
        this.properties = properties;
        this.zone = zone;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
    }

    private record Row(UUID id, CustomerId customer, String name, String billId) {}

    /**
     * Saves the customer's latest bill (paid or asked about) under {@code name}, inside the
     * caller's transaction; the same name again points to the latest bill.
     */
    BillSaved save(CustomerId customer, String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 40) {
            return new BillSaved(clean, null, NAME_INVALID);
        }
        Optional<String> billId = jdbc.sql("SELECT bill_id FROM (SELECT bill_id, created_at FROM billing_bill_payments "
                        + "WHERE customer_id = ? UNION ALL SELECT bill_id, created_at FROM billing_bill_inquiries "
                        + "WHERE customer_id = ?) b ORDER BY created_at DESC LIMIT 1")
                .params(customer.value(), customer.value())
                .query(String.class)
                .optional();
        if (billId.isEmpty()) {
            return new BillSaved(clean, null, NO_RECENT_BILL);
        }
        int updated = jdbc.sql("UPDATE billing_saved_bills SET bill_id = ? WHERE customer_id = ? AND name = ?")
                .params(billId.get(), customer.value(), clean)
                .update();
        if (updated == 0) {
            jdbc.sql(
                            "INSERT INTO billing_saved_bills (id, customer_id, name, bill_id, created_at) "
                                    + "SELECT ?, ?, ?, ?, ? WHERE (SELECT COUNT(*) FROM billing_saved_bills WHERE customer_id = ?) < ?")
                    .params(
                            UUID.randomUUID(),
                            customer.value(),
                            clean,
                            billId.get(),
                            Timestamps.utc(clock.instant()),
                            customer.value(),
                            PER_CUSTOMER_MAX)
                    .update();
        }
        return new BillSaved(clean, billId.get(), null);
    }

    /** Reminds of the saved bills due within {@code remind-before}; the biller is asked outside any transaction. */
    @Scheduled(
            fixedDelayString = "${socialbank.billing.reminder-interval:1h}",
            initialDelayString = "${socialbank.billing.reminder-interval:1h}")
    void remind() {
        try {
            LocalDate today = LocalDate.now(clock.withZone(zone.zone()));
            for (Row saved : saved()) {
                Optional<Biller.CurrentBill> current = ask(saved.billId());
                current.filter(c -> !c.due().dueDate().isBefore(today)
                                && !c.due()
                                        .dueDate()
                                        .isAfter(today.plusDays(
                                                properties.remindBefore().toDays())))
                        .ifPresent(c -> writes.write(tx -> {
                            remindOnce(saved, c);
                            return null;
                        }));
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Reminding of saved bills failed; will try again: {}",
                    e.getClass().getName());
        }
    }

    private void remindOnce(Row saved, Biller.CurrentBill current) {
        if (payments.pairTaken(current.bill())) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO billing_bill_reminders (saved_bill_id, payment_id, due_date, reminded_at) "
                            + "VALUES (?, ?, ?, ?)")
                    .params(
                            saved.id(),
                            current.bill().paymentId(),
                            current.due().dueDate(),
                            Timestamps.utc(Microseconds.now(clock)))
                    .update();
        } catch (DuplicateKeyException reminded) {
            return; // this period was reminded of already
        }
        events.publishEvent(new SavedBillDue(
                saved.customer(),
                saved.name(),
                current.bill(),
                properties.serviceTypes().name(current.bill().serviceDigit()),
                current.due().billerName(),
                current.due().dueDate()));
    }

    private Optional<Biller.CurrentBill> ask(String billId) {
        try {
            Optional<Biller.CurrentBill> current = biller.current(billId);
            return current == null ? Optional.empty() : current;
        } catch (RuntimeException e) {
            log.warn(
                    "The biller failed to say what is due on a saved bill: {}",
                    e.getClass().getName());
            return Optional.empty();
        }
    }

    private List<Row> saved() {
        return jdbc.sql(
                        "SELECT id, customer_id, name, bill_id FROM billing_saved_bills ORDER BY created_at, id LIMIT ?")
                .param(properties.batchMax() * 20)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        new CustomerId(rs.getObject("customer_id", UUID.class)),
                        rs.getString("name"),
                        rs.getString("bill_id")))
                .list();
    }
}
