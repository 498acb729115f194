package org.socialbank.billing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socialbank.shared.CurrencyCode;

/**
 * A card-to-card asked in words (issue 15 s3): "send 500000 rial to card 6037-9912-3456-1234",
 * "۵۰۰ هزار تومان به کارت ۶۰۳۷ ۹۹۱۲ ...", "转账500000里亚尔到卡6037...", "переведи 500000 риалов на
 * карту ...", "envoie 500000 rials sur la carte ...". Pure: a card word and a run of 16 or more
 * digits (Persian and Arabic-Indic digits read, spaces or dashes between groups) make it one; the
 * card is the groups that are 16 to 19 digits with a valid Luhn check digit (empty when none are:
 * the customer mistyped it), the amount the first other number with its multiplier and unit. Rial
 * is the currency; toman is ten rials, and a Persian text without a unit counts in tomans, as
 * Iranians say it; the confirmation shows both.
 *
 * @param card the destination, empty when the digits are no card number
 * @param amountMinor the amount in rials, 0 when the text names none
 * @param toman whether the amount was read in tomans
 */
public record CardTransferText(Optional<CardNumber> card, long amountMinor, CurrencyCode currency, boolean toman) {

    /** Longer texts are not read. */
    public static final int TEXT_LENGTH_MAX = 300;

    private static final CurrencyCode IRR = CurrencyCode.of("IRR");
    private static final long VALUE_MAX = 1_000_000_000_000L;
    private static final Pattern RUN = Pattern.compile("\\d(?:[ \\-]?\\d)*");
    private static final Pattern AMOUNT = Pattern.compile(
            "(\\d[\\d,٬]*)\\s*(میلیون|million|миллион|млн|百万|هزار|thousand|mille|тыс|千|万|k\\b)?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final List<String> CARD_WORDS = List.of("card", "carte", "карт", "کارت", "卡");
    private static final List<String> TOMAN = List.of("تومان", "toman", "туман", "土曼");
    private static final List<String> RIAL = List.of("ریال", "rial", "риал", "里亚尔");

    /** The card-to-card a text asks for; empty when it names no card with a number of 16 or more digits. */
    public static Optional<CardTransferText> read(String text) {
        if (text == null || text.length() > TEXT_LENGTH_MAX) {
            return Optional.empty();
        }
        String ascii = TopUpText.asciiDigits(text);
        String lower = ascii.toLowerCase(Locale.ROOT);
        if (CARD_WORDS.stream().noneMatch(lower::contains)) {
            return Optional.empty();
        }
        for (Matcher run = RUN.matcher(ascii); run.find(); ) {
            String digits = run.group().replace(" ", "").replace("-", "");
            if (digits.length() < CardNumber.LENGTH_MIN) {
                continue;
            }
            Optional<String> card = card(run.group());
            String rest = ascii.substring(0, run.start()) + " "
                    + card.map(c -> rest(run.group(), c)).orElse("") + " " + ascii.substring(run.end());
            return Optional.of(amount(rest, lower, text, card.flatMap(CardNumber::read)));
        }
        return Optional.empty();
    }

    /** The groups of a run that are a card number: the longest from the first group, else from a later one. */
    private static Optional<String> card(String run) {
        String[] groups = run.split("[ \\-]");
        for (int from = 0; from < groups.length; from++) {
            StringBuilder joined = new StringBuilder();
            String found = null;
            for (int to = from; to < groups.length && joined.length() < CardNumber.LENGTH_MAX; to++) {
                joined.append(groups[to]);
                if (joined.length() >= CardNumber.LENGTH_MIN
                        && joined.length() <= CardNumber.LENGTH_MAX
                        && CardNumber.read(joined.toString()).isPresent()) {
                    found = joined.toString();
                }
            }
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    /** The run without the card's digits, so a number written beside the card can still be the amount. */
    private static String rest(String run, String card) {
        String compact = run.replace(" ", "").replace("-", "");
        int at = compact.indexOf(card);
        return compact.substring(0, at) + " " + compact.substring(at + card.length());
    }

    private static CardTransferText amount(String rest, String lower, String original, Optional<CardNumber> card) {
        boolean toman = TOMAN.stream().anyMatch(lower::contains)
                || RIAL.stream().noneMatch(lower::contains) && persianScript(original);
        Matcher m = AMOUNT.matcher(rest);
        while (m.find()) {
            String digits = m.group(1).replace(",", "").replace("٬", "");
            if (digits.length() > 13) {
                continue;
            }
            long value = Long.parseLong(digits) * multiplier(m.group(2)) * (toman ? IranianBill.RIALS_PER_TOMAN : 1);
            if (value > 0 && value <= VALUE_MAX) {
                return new CardTransferText(card, value, IRR, toman);
            }
        }
        return new CardTransferText(card, 0, IRR, toman);
    }

    private static long multiplier(String word) {
        if (word == null) {
            return 1;
        }
        String w = word.toLowerCase(Locale.ROOT);
        if (w.equals("万")) {
            return 10_000;
        }
        return List.of("میلیون", "million", "миллион", "млн", "百万").contains(w) ? 1_000_000 : 1_000;
    }

    private static boolean persianScript(String text) {
        return text.codePoints()
                .anyMatch(
                        c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC && Character.isLetter(c));
    }
}
