package org.socialbank.billing;

import java.util.Objects;

/** A payment as the biller is asked to make it: this bill, this amount in rials, under this id. */
public record BillOrder(BillPaymentId id, IranianBill bill, long amountRial) {

    public BillOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bill, "bill");
        if (amountRial <= 0) {
            throw new IllegalArgumentException("amountRial must be positive");
        }
    }
}
