package org.socialbank.billing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What kind of charge a top-up buys: the operator's direct charge, or its bonus charge (Irancell's
 * شگفت‌انگیز, MCI's فوق‌العاده, Rightel's شورانگیز: extra credit on some denominations), sold at the
 * operator's own bonus denominations; or a PIN voucher at the direct charge's denominations, whose
 * PIN the customer reads once on the bank's page ({@link VoucherReady}).
 */
public enum TopUpKind {
    DIRECT,
    BONUS,
    VOUCHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TopUpKind> fromWire(String wire) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(wire)).findFirst();
    }
}
