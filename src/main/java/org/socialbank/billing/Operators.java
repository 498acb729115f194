package org.socialbank.billing;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToCarrierMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.socialbank.shared.Digits;

/**
 * Which operator tops up a number, and whether it sells an amount. The operator comes from
 * libphonenumber's carrier data (the number's original range), which a number keeps when it is
 * ported to another operator, so the customer's choice wins when it is an operator of the
 * number's country. Pure: no I/O besides libphonenumber's bundled data.
 */
public final class Operators {

    public static final String INVALID_PHONE = "invalid_phone";
    public static final String UNKNOWN_OPERATOR = "unknown_operator";
    public static final String AMOUNT_NOT_OFFERED = "amount_not_offered";
    /** The operator sells no charge of the kind asked (a bonus charge, say). */
    public static final String KIND_NOT_OFFERED = "kind_not_offered";
    /** The most nearest amounts offered instead of one not sold. */
    public static final int NEAREST_MAX = 3;

    private static final Map<String, String> REGION_OF_CURRENCY =
            Map.of("IRR", "IR", "CNY", "CN", "INR", "IN", "RUB", "RU", "EUR", "FR");

    /** The operator chosen for a number and an amount, or why there is none. */
    public sealed interface Choice permits Resolved, Refusal {}

    /** A number the operator tops up: the number in E.164 and the operator's id. */
    public record Resolved(String phoneE164, String operator, OperatorSettings settings) implements Choice {}

    /** Why not: a code, and for {@link #AMOUNT_NOT_OFFERED} the nearest amounts sold. */
    public record Refusal(String code, List<Long> nearestAmountsMinor) implements Choice {}

    private final Map<String, OperatorSettings> operators;

    public Operators(Map<String, OperatorSettings> operators) {
        this.operators = new TreeMap<>(operators);
    }

    public Map<String, OperatorSettings> all() {
        return operators;
    }

    /**
     * The operator that tops up {@code phone} with {@code amountMinor} of {@code currency}: the
     * customer's {@code override}, or the carrier of the number's range.
     */
    public Choice resolve(String phone, long amountMinor, String currency, Optional<String> override) {
        return resolve(phone, amountMinor, currency, override, TopUpKind.DIRECT);
    }

    /** As {@link #resolve(String, long, String, Optional)}, for a kind of charge: its own denominations. */
    public Choice resolve(String phone, long amountMinor, String currency, Optional<String> override, TopUpKind kind) {
        Optional<Phonenumber.PhoneNumber> number = parse(phone, currency);
        if (number.isEmpty()) {
            return new Refusal(INVALID_PHONE, List.of());
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        String region = util.getRegionCodeForNumber(number.get());
        Optional<String> operator = override.isPresent()
                ? override.map(o -> o.toLowerCase(Locale.ROOT))
                        .filter(o -> operators.containsKey(o)
                                && operators.get(o).country().equals(region))
                : byCarrier(number.get(), region);
        if (operator.isEmpty()) {
            return new Refusal(UNKNOWN_OPERATOR, List.of());
        }
        OperatorSettings settings = operators.get(operator.get());
        List<Long> sold = settings.amountsMinor(kind);
        if (sold.isEmpty()) {
            return new Refusal(KIND_NOT_OFFERED, List.of());
        }
        if (!settings.currency().equals(currency) || !sold.contains(amountMinor)) {
            return new Refusal(
                    AMOUNT_NOT_OFFERED,
                    settings.currency().equals(currency)
                            ? nearest(sold, amountMinor)
                            : sold.subList(0, Math.min(NEAREST_MAX, sold.size())));
        }
        return new Resolved(
                util.format(number.get(), PhoneNumberUtil.PhoneNumberFormat.E164), operator.get(), settings);
    }

    private Optional<String> byCarrier(Phonenumber.PhoneNumber number, String region) {
        String carrier = PhoneNumberToCarrierMapper.getInstance().getNameForNumber(number, Locale.ENGLISH);
        if (carrier == null || carrier.isBlank()) {
            return Optional.empty();
        }
        return operators.entrySet().stream()
                .filter(e -> e.getValue().country().equals(region)
                        && e.getValue().carriers().stream().anyMatch(c -> c.equalsIgnoreCase(carrier)))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** The amounts sold nearest to the one asked for, ascending. */
    static List<Long> nearest(List<Long> sold, long asked) {
        return sold.stream()
                .sorted(Comparator.<Long>comparingLong(a -> Math.abs(a - asked)).thenComparing(a -> a))
                .limit(NEAREST_MAX)
                .sorted()
                .toList();
    }

    /** The number as typed (ASCII, Persian or Arabic-Indic digits, spaces, dashes), in the currency's country by default. */
    /** A mobile number in E.164 as {@link #resolve} stores it, whatever the operator table says; empty when not valid. */
    static Optional<String> phoneE164(String phone, String currency) {
        return parse(phone, currency)
                .map(n -> PhoneNumberUtil.getInstance().format(n, PhoneNumberUtil.PhoneNumberFormat.E164));
    }

    static Optional<Phonenumber.PhoneNumber> parse(String phone, String currency) {
        if (phone == null || phone.length() > Digits.INPUT_LENGTH_MAX) {
            return Optional.empty();
        }
        String trimmed = phone.strip();
        boolean plus = trimmed.startsWith("+");
        Optional<String> digits = Digits.only(plus ? trimmed.substring(1) : trimmed);
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        try {
            PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            Phonenumber.PhoneNumber number =
                    util.parse((plus ? "+" : "") + digits.get(), REGION_OF_CURRENCY.getOrDefault(currency, "ZZ"));
            PhoneNumberUtil.PhoneNumberType type = util.getNumberType(number);
            boolean mobile = type == PhoneNumberUtil.PhoneNumberType.MOBILE
                    || type == PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE;
            return util.isValidNumber(number) && mobile ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
