package org.socialbank.payouts;

/**
 * Thrown by the constructors of {@link Iban} and {@link IndianAccount} when given what is not an
 * account: the caller's bug, as what a person typed is read with {@code check} first. The message
 * is the problem's stable code.
 */
public final class InvalidAccount extends IllegalArgumentException {

    private final transient AccountProblem problem;

    InvalidAccount(String code) {
        super(code);
        this.problem = new AccountProblem(code);
    }

    public AccountProblem problem() {
        return problem;
    }
}
