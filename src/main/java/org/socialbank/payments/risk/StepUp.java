package org.socialbank.payments.risk;

import java.util.List;
import java.util.Objects;

/**
 * The payment waits until the payer confirms it on the bank's page with a code bound to amount
 * and payee.
 *
 * @param reason the first rule that fired: {@code above_threshold}, {@code new_payee_above_threshold},
 *     {@code many_new_payees}, {@code payment_burst}, {@code first_after_new_channel} or {@code pay_form}
 * @param checks every check made, including the other rules that fired
 */
public record StepUp(String reason, List<Check> checks) implements Decision {

    public static final String ABOVE_THRESHOLD = "above_threshold";
    public static final String NEW_PAYEE_ABOVE_THRESHOLD = "new_payee_above_threshold";
    public static final String MANY_NEW_PAYEES = "many_new_payees";
    public static final String PAYMENT_BURST = "payment_burst";
    public static final String FIRST_AFTER_NEW_CHANNEL = "first_after_new_channel";
    /** Asked for on the payment form an agent sent (issue 19): always confirmed on the bank's page. */
    public static final String PAY_FORM = "pay_form";

    public StepUp {
        Objects.requireNonNull(reason, "reason");
        checks = List.copyOf(checks);
    }
}
