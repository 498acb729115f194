package org.socialbank.ledger;

import java.util.Objects;
import java.util.regex.Pattern;

/** Why money moved: {@code p2p}, {@code bill}, {@code top-up}, {@code fee}, {@code claim}, {@code payout}, ... */
public record TransferCode(String value) {

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    public TransferCode {
        Objects.requireNonNull(value, "code");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "code must be 1 to 32 characters of a-z 0-9 _ - starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
