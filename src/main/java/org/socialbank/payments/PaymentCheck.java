package org.socialbank.payments;

/** One check the risk policy ran on a payment, as recorded in the audit: e.g. {@code daily_limit}, {@code pass}. */
public record PaymentCheck(String rule, String outcome, String detail) {}
