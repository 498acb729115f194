package org.socialbank.billing;

import java.util.List;
import org.socialbank.shared.CurrencyCode;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * A mobile operator that takes top-ups ({@code socialbank.billing.operators.<id>.*}).
 *
 * @param country the ISO 3166 region of its numbers, e.g. {@code IR}
 * @param currency the currency of its top-ups
 * @param amountsMinor the denominations it sells, in minor units, ascending
 * @param carriers the names libphonenumber's carrier data gives its numbers (English), e.g. {@code Irancell}
 * @param bonusAmountsMinor the denominations of its bonus charge ({@link TopUpKind#BONUS}), ascending;
 *     empty when it sells none
 * @param vouchers whether its gateway sells PIN vouchers ({@link TopUpKind#VOUCHER}, at the direct
 *     charge's denominations, the PIN from {@link MobileOperator#voucherPin}); false (the default of a
 *     configured operator) refuses them {@link Operators#KIND_NOT_OFFERED} before anything is charged
 *     (review 2026-12-07 billing follow-up)
 */
public record OperatorSettings(
        String country,
        String currency,
        List<Long> amountsMinor,
        List<String> carriers,
        List<Long> bonusAmountsMinor,
        boolean vouchers) {

    public static final int AMOUNTS_MAX = 50;

    /** An operator without a bonus charge nor vouchers. */
    public OperatorSettings(String country, String currency, List<Long> amountsMinor, List<String> carriers) {
        this(country, currency, amountsMinor, carriers, List.of(), false);
    }

    /** An operator without vouchers. */
    public OperatorSettings(
            String country,
            String currency,
            List<Long> amountsMinor,
            List<String> carriers,
            List<Long> bonusAmountsMinor) {
        this(country, currency, amountsMinor, carriers, bonusAmountsMinor, false);
    }

    @ConstructorBinding
    public OperatorSettings {
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country must be an upper-case ISO 3166 code: " + country);
        }
        CurrencyCode.of(currency);
        amountsMinor = amountsMinor == null
                ? List.of()
                : amountsMinor.stream().sorted().toList();
        carriers = carriers == null ? List.of() : List.copyOf(carriers);
        if (amountsMinor.isEmpty() || amountsMinor.size() > AMOUNTS_MAX || amountsMinor.get(0) <= 0) {
            throw new IllegalArgumentException("amounts-minor must be 1 to " + AMOUNTS_MAX + " positive amounts");
        }
        bonusAmountsMinor = bonusAmountsMinor == null
                ? List.of()
                : bonusAmountsMinor.stream().sorted().toList();
        if (bonusAmountsMinor.size() > AMOUNTS_MAX || !bonusAmountsMinor.isEmpty() && bonusAmountsMinor.get(0) <= 0) {
            throw new IllegalArgumentException(
                    "bonus-amounts-minor must be at most " + AMOUNTS_MAX + " positive amounts");
        }
    }

    /** The denominations sold for a kind of charge; none for vouchers its gateway does not sell. */
    public List<Long> amountsMinor(TopUpKind kind) {
        return switch (kind) {
            case BONUS -> bonusAmountsMinor;
            case VOUCHER -> vouchers ? amountsMinor : List.of();
            case DIRECT -> amountsMinor;
        };
    }

    /**
     * The defaults: Iran's and China's operators (France, Russia and India come from configuration).
     * Iran's bonus charges at the denominations of services.md section 2.2 (operators' pages); Iran's
     * sell PIN vouchers (كارت شارژ), China's none through the bank's gateway.
     */
    static java.util.Map<String, OperatorSettings> defaults() {
        List<Long> iran = List.of(10_000L, 20_000L, 50_000L, 100_000L, 200_000L, 500_000L, 1_000_000L);
        List<Long> china = List.of(1_000L, 2_000L, 3_000L, 5_000L, 10_000L, 20_000L, 30_000L, 50_000L);
        return java.util.Map.of(
                "mci",
                        new OperatorSettings(
                                "IR",
                                "IRR",
                                iran,
                                List.of("IR-MCI", "MCI", "Taliya"),
                                List.of(50_000L, 100_000L, 200_000L, 500_000L, 1_000_000L),
                                true),
                "irancell",
                        new OperatorSettings(
                                "IR",
                                "IRR",
                                iran,
                                List.of("Irancell", "MTN Irancell"),
                                List.of(50_000L, 100_000L, 200_000L),
                                true),
                "rightel",
                        new OperatorSettings(
                                "IR",
                                "IRR",
                                iran.subList(1, iran.size()),
                                List.of("Rightel", "RighTel"),
                                iran.subList(1, iran.size()),
                                true),
                "china_mobile", new OperatorSettings("CN", "CNY", china, List.of("China Mobile")),
                "china_unicom", new OperatorSettings("CN", "CNY", china, List.of("China Unicom")),
                "china_telecom", new OperatorSettings("CN", "CNY", china, List.of("China Telecom")));
    }
}
