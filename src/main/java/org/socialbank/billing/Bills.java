package org.socialbank.billing;

import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Iranian bills: inquire about one (no money moves) and pay one, once per pair. */
@Service
public class Bills {

    private final PayBill pay;
    private final JdbcBillPayments store;
    private final Biller biller;
    private final BillingProperties properties;

    private final BillInquiries inquiries;
    private final SavedBills saved;
    private final AccountBills accountBills;
    private final BillerRegistry registry;
    private final PointsShares points;

    Bills(
            PayBill pay,
            JdbcBillPayments store,
            Biller biller,
            BillingProperties properties,
            BillInquiries inquiries,
            SavedBills saved,
            AccountBills accountBills,
            BillerRegistry registry,
            PointsShares points) {
        this.points = points;
        this.accountBills = accountBills;
        this.registry = registry;
        this.inquiries = inquiries;
        this.saved = saved;
        this.pay = pay;
        this.store = store;
        this.biller = biller;
        this.properties = properties;
    }

    /** Asks the biller what is due; never inside a transaction. */
    public BillInquiry inquire(IranianBill bill) {
        Objects.requireNonNull(bill, "bill");
        Optional<BillDue> due;
        try {
            due = biller.inquire(bill);
        } catch (RuntimeException e) {
            due = Optional.empty(); // what the ids say is still worth showing
        }
        return new BillInquiry(bill, properties.serviceTypes().name(bill.serviceDigit()), due, store.pairTaken(bill));
    }

    /** Pays a bill: idempotent by the order's id; a pair taken by another payment is refused before the biller is asked. */
    public BillPaymentResult pay(BillPaymentOrder order) {
        Objects.requireNonNull(order, "order");
        return pay.pay(order);
    }

    /**
     * Pays a bill from inside the caller's transaction (a chat message's): records it, holds it for
     * the step-up or reserves its money, and leaves the biller to the worker, which is never run
     * inside a transaction; {@link BillPaid} or {@link BillNotPaid} tells how it ended.
     */
    public BillPaymentResult accept(BillPaymentOrder order) {
        Objects.requireNonNull(order, "order");
        return pay.accept(order, false);
    }

    /**
     * As {@link #accept(BillPaymentOrder)}, taking the customer's loyalty points off the bill when
     * {@code usePoints} (issue 16 s3.7): the points the customer may use are held with the payment,
     * spent when the biller is paid, released when not. A payment held for the step-up uses none.
     */
    public BillPaymentResult accept(BillPaymentOrder order, boolean usePoints) {
        Objects.requireNonNull(order, "order");
        return pay.accept(order, usePoints);
    }

    /**
     * What the customer's loyalty points may take off a bill or a top-up of {@code amountMinor}
     * (issue 16 s3.7: at most half of it), to offer before Confirm; empty when they hold too few.
     */
    public Optional<org.socialbank.loyalty.PointsDiscounts.Offer> pointsOffer(
            org.socialbank.directory.CustomerId customer,
            org.socialbank.shared.CurrencyCode currency,
            long amountMinor) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(currency, "currency");
        return points.offer(customer, currency, amountMinor);
    }

    /**
     * What the ids say and whether the pair is paid or being paid, without asking the biller: for
     * a chat message's transaction, which the biller is never called inside. {@code due} is empty.
     */
    public BillInquiry read(IranianBill bill) {
        Objects.requireNonNull(bill, "bill");
        return new BillInquiry(
                bill, properties.serviceTypes().name(bill.serviceDigit()), Optional.empty(), store.pairTaken(bill));
    }

    /**
     * Asks the biller about a bill from inside the caller's transaction (a chat message's): the
     * question is recorded and the worker asks the biller afterwards; {@link BillInquired} brings
     * the biller's name and the masked holder back. Idempotent by {@code inquiryId}.
     */
    public void ask(
            java.util.UUID inquiryId, org.socialbank.directory.CustomerId customer, IranianBill bill, String channel) {
        Objects.requireNonNull(inquiryId, "inquiryId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(bill, "bill");
        inquiries.ask(inquiryId, customer, bill, channel);
    }

    /**
     * Saves the customer's latest bill (paid or asked about in chat) under a name ("home water"),
     * inside the caller's transaction; reminders with a one-tap Pay button follow before its due
     * dates ({@link SavedBillDue}).
     */
    public BillSaved save(org.socialbank.directory.CustomerId customer, String name) {
        Objects.requireNonNull(customer, "customer");
        return saved.save(customer, name);
    }

    public Optional<BillPayment> payment(BillPaymentId id) {
        Objects.requireNonNull(id, "id");
        return store.find(id).map(r -> r.view(properties.serviceTypes(), null));
    }

    /** The billers of other countries, paid by account number (issue 15 s1.8, s1.13). */
    public BillerRegistry billers() {
        return registry;
    }

    /**
     * Asks a biller what is due on the customer's account there (issue 15 s1.13: "交电费 1234567890"),
     * from inside the caller's transaction: the question is recorded and the worker asks the biller
     * afterwards; {@link AccountBillInquired} brings the answer. Idempotent by {@code inquiryId}.
     * False when the biller is unknown or the account is not in its format (nothing recorded).
     */
    public boolean askAccountBill(
            java.util.UUID inquiryId,
            org.socialbank.directory.CustomerId customer,
            String billerId,
            String account,
            String channel) {
        Objects.requireNonNull(inquiryId, "inquiryId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(billerId, "billerId");
        Objects.requireNonNull(account, "account");
        return accountBills.ask(inquiryId, customer, billerId, account, channel);
    }

    /**
     * Pays what the biller said is due on an inquiry (Confirm in chat), inside the caller's
     * transaction: recorded and its money reserved, or rejected with the reason; the biller is paid
     * afterwards and {@link AccountBillEnded} tells how it ended. One payment per inquiry.
     */
    public AccountBillResult payAccountBill(org.socialbank.directory.CustomerId customer, java.util.UUID inquiryId) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(inquiryId, "inquiryId");
        return accountBills.accept(customer, inquiryId, false);
    }

    /**
     * As {@link #payAccountBill(org.socialbank.directory.CustomerId, java.util.UUID)}, taking the
     * customer's loyalty points off the bill when {@code usePoints} (issue 16 s3.7): the points the
     * customer may use are held with the payment, spent when the biller is paid, released when not.
     */
    public AccountBillResult payAccountBill(
            org.socialbank.directory.CustomerId customer, java.util.UUID inquiryId, boolean usePoints) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(inquiryId, "inquiryId");
        return accountBills.accept(customer, inquiryId, usePoints);
    }
}
