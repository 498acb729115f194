package org.socialbank.payments.risk;

import java.util.Objects;

/**
 * One rule the policy evaluated, kept as audit and shown to a customer who asks why a payment
 * was held.
 *
 * @param rule the rule's stable name, e.g. {@code daily_limit} or {@code payment_burst}
 * @param outcome {@code pass}, {@code step_up} or {@code reject}
 * @param detail the figures the rule compared, as {@code name=value} pairs separated by spaces
 */
public record Check(String rule, String outcome, String detail) {

    public static final String PASS = "pass";
    public static final String STEP_UP = "step_up";
    public static final String REJECT = "reject";

    public Check {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        if (!PASS.equals(outcome) && !STEP_UP.equals(outcome) && !REJECT.equals(outcome)) {
            throw new IllegalArgumentException("outcome must be pass, step_up or reject: " + outcome);
        }
    }

    /** Whether the rule did not let the payment through as it is. */
    public boolean fired() {
        return !PASS.equals(outcome);
    }
}
