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

    /** Words asking for a PIN voucher, in the five languages. */
    private static final java.util.List<String> VOUCHER_WORDS = java.util.List.of(
            "voucher",
            "pin code",
            "code de recharge",
            "ticket de recharge",
            "coupon",
            "ваучер",
            "пин-код",
            "пин код",
            "充值卡",
            "卡密",
            "کارت شارژ",
            "رمز شارژ",
            "پین");
    /** Words asking for an operator's bonus charge (Irancell's شگفت‌انگیز, MCI's فوق‌العاده, Rightel's شورانگیز). */
    private static final java.util.List<String> BONUS_WORDS = java.util.List.of(
            "شگفت‌انگیز",
            "شگفت انگیز",
            "شگفتانگیز",
            "فوق‌العاده",
            "فوق العاده",
            "شورانگیز",
            "bonus",
            "amazing",
            "бонус",
            "奖励",
            "惊喜");

    private static final java.util.regex.Pattern PIN = java.util.regex.Pattern.compile("\\bpin\\b");

    /** The kind a top-up text asks for ("a PIN voucher", "شارژ شگفت‌انگیز", "充值卡"); empty: the direct charge. */
    public static Optional<TopUpKind> read(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (VOUCHER_WORDS.stream().anyMatch(lower::contains)
                || PIN.matcher(lower).find()) {
            return Optional.of(VOUCHER);
        }
        return BONUS_WORDS.stream().anyMatch(lower::contains) ? Optional.of(BONUS) : Optional.empty();
    }

    public static Optional<TopUpKind> fromWire(String wire) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(wire)).findFirst();
    }
}
