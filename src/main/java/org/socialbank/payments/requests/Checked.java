package org.socialbank.payments.requests;

/** A checked value, or the refusal that stands in its way; the caller branches on which before it reads the value. */
sealed interface Checked<T> {

    /** The value; only an {@link Ok} has one. */
    T value();

    static <T> Checked<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Checked<T> no(RequestRejection rejection) {
        return new No<>(rejection);
    }

    record Ok<T>(T value) implements Checked<T> {}

    record No<T>(RequestRejection rejection) implements Checked<T> {

        @Override
        public T value() {
            throw new IllegalStateException("refused with " + rejection.code() + ": there is no value");
        }
    }
}
