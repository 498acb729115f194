package org.socialbank.billing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Digits;

/**
 * A top-up asked in words (issue 15 section 2): ICICI's {@code #TopUp 9876543210 airtel 100},
 * "شارژ ۱۰ هزار تومانی ایرانسل برای ۰۹۳۵۱۲۳۴۵۶۷", "给13800138000充值50元", "пополни телефон +7 912 345
 * 67 89 на 300 руб". Pure: the phone is the first run of digits that is a valid mobile number,
 * the amount the first other number with its multiplier (هزار, тыс, 千, 万...) and unit. The unit
 * decides the currency (toman is ten rials), else the named operator's, else the customer's; an
 * Iranian amount without a unit is in tomans when written in Persian, as Iranians say it, else
 * in rials. The confirmation shows both, so a misreading is seen before anything moves.
 *
 * @param phone the number as found (ASCII digits, a leading + kept)
 * @param operator the operator the text names, when it names one of the table
 * @param toman whether the amount was read in tomans
 */
public record TopUpText(
        String phone, long amountMinor, CurrencyCode currency, Optional<String> operator, boolean toman) {

    /** Longer texts are not read. */
    public static final int TEXT_LENGTH_MAX = 300;

    private static final long VALUE_MAX = 1_000_000_000_000L;
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d \\-]{7,18}\\d");
    private static final Pattern AMOUNT = Pattern.compile(
            "(\\d[\\d,٬]*)\\s*(هزار|thousand|mille|тыс|千|万|k\\b)?", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Map<String, String> OPERATOR_WORDS = operatorWords();
    private static final Map<String, String> UNITS = units();

    /** The top-up a text asks for; empty when it holds no valid mobile number or no amount. */
    public static Optional<TopUpText> read(String text, Operators operators, Optional<CurrencyCode> customerCurrency) {
        if (text == null || text.length() > TEXT_LENGTH_MAX) {
            return Optional.empty();
        }
        String ascii = asciiDigits(text);
        String lower = ascii.toLowerCase(Locale.ROOT);
        Optional<String> operator = operator(lower, operators);
        Optional<String> unit = UNITS.keySet().stream().filter(lower::contains).findFirst();
        List<String> currencies = new ArrayList<>();
        unit.map(UNITS::get).ifPresent(currencies::add);
        operator.map(o -> operators.all().get(o).currency()).ifPresent(currencies::add);
        customerCurrency.map(CurrencyCode::code).ifPresent(currencies::add);
        for (Matcher m = PHONE.matcher(ascii); m.find(); ) {
            Optional<Found> phone = phone(m.group(), currencies);
            if (phone.isPresent()) {
                String rest = ascii.substring(0, m.start()) + " "
                        + ascii.substring(m.start() + phone.get().length());
                return amount(rest, text, phone.get(), unit, operator);
            }
        }
        return Optional.empty();
    }

    private record Found(String phone, String currency, int length) {}

    /** The longest leading groups of a digit run that are a valid mobile number in one of the currencies' countries. */
    private static Optional<Found> phone(String run, List<String> currencies) {
        String[] groups = run.split(" ");
        for (int n = groups.length; n >= 1; n--) {
            String candidate = String.join(" ", Arrays.copyOf(groups, n));
            for (String currency : currencies) {
                if (Operators.parse(candidate, currency).isPresent()) {
                    return Optional.of(
                            new Found(candidate.replace(" ", "").replace("-", ""), currency, candidate.length()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<TopUpText> amount(
            String rest, String original, Found phone, Optional<String> unit, Optional<String> operator) {
        Matcher m = AMOUNT.matcher(rest);
        if (!m.find()) {
            return Optional.empty();
        }
        String digits = m.group(1).replace(",", "").replace("٬", "");
        if (digits.length() > 13) {
            return Optional.empty();
        }
        long value = Long.parseLong(digits) * multiplier(m.group(2));
        if (value <= 0 || value > VALUE_MAX) {
            return Optional.empty();
        }
        String currency = unit.map(UNITS::get).orElse(phone.currency());
        boolean toman = currency.equals("IRR")
                && (unit.map(u -> u.startsWith("تومان") || u.startsWith("toman"))
                        .orElse(persianScript(original)));
        CurrencyCode code = CurrencyCode.of(currency);
        long minor = value * (toman ? IranianBill.RIALS_PER_TOMAN : 1) * (long) Math.pow(10, code.exponent());
        return Optional.of(new TopUpText(phone.phone(), minor, code, operator, toman));
    }

    private static long multiplier(String word) {
        if (word == null) {
            return 1;
        }
        return word.equals("万") ? 10_000 : 1_000;
    }

    private static Optional<String> operator(String lower, Operators operators) {
        Optional<String> named = OPERATOR_WORDS.entrySet().stream()
                .filter(e -> lower.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst();
        if (named.isEmpty()) { // a configured operator by its id, e.g. "airtel"
            List<String> words = Arrays.asList(lower.split("[^\\p{L}\\p{N}_]+"));
            named = operators.all().keySet().stream().filter(words::contains).findFirst();
        }
        return named.filter(operators.all()::containsKey);
    }

    private static boolean persianScript(String text) {
        return text.codePoints()
                .anyMatch(
                        c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC && Character.isLetter(c));
    }

    static String asciiDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = Digits.digit(c);
            out.append(digit >= 0 ? (char) ('0' + digit) : c);
        }
        return out.toString();
    }

    private static Map<String, String> operatorWords() {
        Map<String, String> words = new LinkedHashMap<>();
        words.put("irancell", "irancell");
        words.put("ایرانسل", "irancell");
        words.put("همراه اول", "mci");
        words.put("همراه‌اول", "mci");
        words.put("hamrah", "mci");
        words.put("rightel", "rightel");
        words.put("رایتل", "rightel");
        words.put("中国移动", "china_mobile");
        words.put("china mobile", "china_mobile");
        words.put("移动", "china_mobile");
        words.put("中国联通", "china_unicom");
        words.put("联通", "china_unicom");
        words.put("中国电信", "china_telecom");
        words.put("电信", "china_telecom");
        return words;
    }

    /** Unit words, longest first where one holds another, and the currency each means. */
    private static Map<String, String> units() {
        Map<String, String> units = new LinkedHashMap<>();
        for (String toman : List.of("تومانی", "تومان", "tomans", "toman")) {
            units.put(toman, "IRR");
        }
        for (String rial : List.of("ریالی", "ریال", "rials", "rial")) {
            units.put(rial, "IRR");
        }
        for (String yuan : List.of("元", "块", "rmb", "yuan")) {
            units.put(yuan, "CNY");
        }
        for (String rouble : List.of("руб", "₽", "roubles", "rubles")) {
            units.put(rouble, "RUB");
        }
        for (String rupee : List.of("₹", "rupees", "rs.", "inr")) {
            units.put(rupee, "INR");
        }
        for (String euro : List.of("€", "euros", "euro")) {
            units.put(euro, "EUR");
        }
        return units;
    }
}
