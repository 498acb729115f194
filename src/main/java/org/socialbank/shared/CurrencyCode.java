package org.socialbank.shared;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An ISO 4217 currency with the number of decimals of its minor unit.
 *
 * <p>The table is ours, not {@link java.util.Currency}'s: the JDK follows ISO 4217 where CLDR
 * (and every bank app showing rials) uses 0 decimals for IRR, and a ledger must not change its
 * arithmetic when the JDK is upgraded.
 */
public record CurrencyCode(String code, int exponent) {

    private static final Map<String, Integer> EXPONENTS = exponents();

    /**
     * Units the ledger books that are not money (ADR 0011): {@code QPT}, loyalty points, in ISO
     * 3166's user-assigned range so no currency or metal can ever take the code. Exponent 0.
     */
    private static final Map<String, Integer> UNITS = Map.of("QPT", 0);

    /** Loyalty points (ADR 0011): a unit of the ledger, never money. */
    public static final CurrencyCode POINTS = new CurrencyCode("QPT", 0);

    public CurrencyCode {
        Objects.requireNonNull(code, "code");
        Integer known = EXPONENTS.containsKey(code) ? EXPONENTS.get(code) : UNITS.get(code);
        if (known == null || known != exponent) {
            throw new IllegalArgumentException("unknown currency: " + code);
        }
    }

    /** The currency for an upper-case ISO 4217 code, or empty when we do not support it. */
    public static Optional<CurrencyCode> find(String code) {
        Integer exponent = code == null ? null : EXPONENTS.containsKey(code) ? EXPONENTS.get(code) : UNITS.get(code);
        return exponent == null ? Optional.empty() : Optional.of(new CurrencyCode(code, exponent));
    }

    /** The currency for a code, throwing {@link IllegalArgumentException} for unknown ones. */
    public static CurrencyCode of(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("unknown currency: " + code));
    }

    /** Whether this is money (not a unit such as points): only money is paid, formatted, exchanged. */
    public boolean money() {
        return EXPONENTS.containsKey(code);
    }

    /** Every supported money code, sorted (units that are not money are left out). */
    public static java.util.Set<String> codes() {
        return EXPONENTS.keySet();
    }

    @Override
    public String toString() {
        return code;
    }

    private static Map<String, Integer> exponents() {
        Map<String, Integer> table = new TreeMap<>();
        for (String code : new String[] {
            "AED", "AUD", "BRL", "CAD", "CHF", "CNY", "CZK", "DKK", "EGP", "EUR", "GBP", "HKD", "ILS", "INR", "MAD",
            "MXN", "NOK", "NZD", "PLN", "RUB", "SAR", "SEK", "SGD", "THB", "TRY", "UAH", "USD", "ZAR"
        }) {
            table.put(code, 2);
        }
        for (String code : new String[] {"IRR", "JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XOF"}) {
            table.put(code, 0); // IRR: ISO says 2, CLDR and practice say 0 (no dinar coins)
        }
        for (String code : new String[] {"BHD", "JOD", "KWD", "OMR", "TND"}) {
            table.put(code, 3);
        }
        return Map.copyOf(table);
    }
}
