package org.socialbank.billing;

import java.util.Objects;
import org.socialbank.directory.CustomerId;

/** A customer asks to pay a bill; {@code channel} is {@code api}, {@code webchat}, {@code telegram}... */
public record BillPaymentOrder(BillPaymentId id, CustomerId customer, IranianBill bill, String channel) {

    public BillPaymentOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(bill, "bill");
        Objects.requireNonNull(channel, "channel");
        if (!channel.matches("[a-z][a-z0-9_-]{0,15}")) {
            throw new IllegalArgumentException("channel must be 1 to 16 characters of a-z 0-9 _ -");
        }
    }
}
