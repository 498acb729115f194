package org.socialbank.shared.web;

import java.util.function.Supplier;

/**
 * The client sent something the bank cannot read: {@link ProblemAdvice} answers 400 {@code
 * problem+json} with {@link #code()} and the message as its detail. Only a web adapter throws it,
 * for what it checked itself; any other exception reaching the HTTP layer, an {@link
 * IllegalArgumentException} included, is the bank's fault (a logged 500), never silently the
 * client's (issue 14).
 */
public final class BadRequest extends RuntimeException {

    private final String code;

    /** A 400 {@code invalid_request} with this detail. */
    public BadRequest(String detail) {
        this("invalid_request", detail);
    }

    public BadRequest(String code, String detail) {
        super(detail);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * Builds a value from what the client sent: when the value's own check refuses it (value
     * objects validate in their constructor), the refusal is the client's 400, with its message.
     * Wrap only the construction from request data, never a call into the bank.
     */
    public static <T> T whenRefused(Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException refused) {
            throw new BadRequest(refused.getMessage());
        }
    }

    /** No stack trace: a refusal of input, not a fault. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
