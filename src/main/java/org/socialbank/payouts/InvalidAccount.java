package org.socialbank.payouts;

/** Thrown by {@link Iban} and {@link IndianAccount}: the message is the problem's stable code. */
public final class InvalidAccount extends IllegalArgumentException {

    private final transient AccountProblem problem;

    InvalidAccount(String code) {
        super(code);
        this.problem = new AccountProblem(code);
    }

    public AccountProblem problem() {
        return problem;
    }

    /** No stack trace: this is a refusal of input, thrown on every bad keystroke of a form. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
