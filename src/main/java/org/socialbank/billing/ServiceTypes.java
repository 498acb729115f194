package org.socialbank.billing;

import java.util.Map;
import java.util.Objects;

/**
 * The names of a bill id's service digit. 1 to 6 are agreed by every source; 7, 8 and 9 are
 * disputed (tax, traffic fines, other urban services...), so their labels are configuration, and
 * an unknown label never makes a bill invalid: validity is the checksum, the biller decides what
 * the bill is.
 */
public record ServiceTypes(Map<Integer, String> extraLabels) {

    private static final Map<Integer, String> FIXED =
            Map.of(1, "water", 2, "electricity", 3, "gas", 4, "fixed_phone", 5, "mobile", 6, "municipality");

    public ServiceTypes {
        extraLabels = Map.copyOf(Objects.requireNonNull(extraLabels, "extraLabels"));
        for (Map.Entry<Integer, String> label : extraLabels.entrySet()) {
            if (label.getKey() < 7 || label.getKey() > 9) {
                throw new IllegalArgumentException(
                        "only service digits 7, 8 and 9 take a configured label, not " + label.getKey());
            }
            if (label.getValue() == null || !label.getValue().matches("[a-z][a-z0-9_]{0,31}")) {
                throw new IllegalArgumentException("service label for " + label.getKey()
                        + " must be 1 to 32 characters of a-z 0-9 _: " + label.getValue());
            }
        }
    }

    /** The wire name of a service digit: {@code water}, ..., a configured label, or {@code service_N}. */
    public String name(int digit) {
        String fixed = FIXED.get(digit);
        if (fixed != null) {
            return fixed;
        }
        return extraLabels.getOrDefault(digit, "service_" + digit);
    }
}
