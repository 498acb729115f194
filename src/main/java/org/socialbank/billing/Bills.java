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

    Bills(PayBill pay, JdbcBillPayments store, Biller biller, BillingProperties properties) {
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
        return pay.accept(order);
    }

    /**
     * What the ids say and whether the pair is paid or being paid, without asking the biller: for
     * a chat message's transaction, which the biller is never called inside. {@code due} is empty.
     */
    public BillInquiry read(IranianBill bill) {
        Objects.requireNonNull(bill, "bill");
        return new BillInquiry(bill, properties.serviceTypes().name(bill.serviceDigit()), Optional.empty(),
                store.pairTaken(bill));
    }

    public Optional<BillPayment> payment(BillPaymentId id) {
        Objects.requireNonNull(id, "id");
        return store.find(id).map(r -> r.view(properties.serviceTypes(), null));
    }
}
