package org.socialbank.conversation.language;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.socialbank.conversation.language.Sense.CurrencyWord;
import org.socialbank.conversation.language.Sense.Multiplier;
import org.socialbank.conversation.language.Sense.Subunit;
import org.socialbank.conversation.language.Token.Kind;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;

/**
 * Amounts in the text: a number with the multiplier and the currency beside it (€10, 10EUR,
 * 10 тыс. руб., 50 هزار تومان, 五百元, 一百二十块五), read exactly, never rounded.
 */
final class Amounts {

    private static final BigDecimal TENTH = new BigDecimal("0.1");

    private Amounts() {}

    /**
     * A number and what belongs to it, tokens {@code [from, to)}.
     *
     * @param spelled the value of a number written in words ("پنجاه هزار"), else null
     * @param subunit cents or kopecks after the number, else null
     * @param tail the jiao of 一百二十块五 (0.5), else zero
     */
    record Mention(
            int from,
            int to,
            Token number,
            BigDecimal spelled,
            Multiplier multiplier,
            Subunit subunit,
            CurrencyWord currency,
            BigDecimal tail) {}

    /** An amount read in a currency (null when the text names none), or why it was refused. */
    record Amount(BigDecimal value, CurrencyCode currency, AmountProblem problem) {}

    static List<Mention> find(List<Token> tokens, PhraseMatches marks, Lexicon lexicon) {
        List<Mention> mentions = new ArrayList<>();
        int free = 0;
        for (int j = 0; j < tokens.size(); ) {
            Mention mention = mentionAt(tokens, marks, j, free, lexicon);
            if (mention == null) {
                j++;
                continue;
            }
            Mention last = mentions.isEmpty() ? null : mentions.get(mentions.size() - 1);
            Mention merged = last == null ? null : withCents(last, mention);
            if (merged != null) {
                mentions.set(mentions.size() - 1, merged); // 10 руб 50 коп
            } else {
                mentions.add(mention);
            }
            free = mention.to();
            j = mention.to();
        }
        return mentions;
    }

    /**
     * The amount whose number starts at token {@code j}, with its currency before it (when not
     * already another amount's, from {@code free} on), or its multiplier, cents and currency
     * after it; null when no number starts there.
     */
    private static Mention mentionAt(List<Token> tokens, PhraseMatches marks, int j, int free, Lexicon lexicon) {
        Token number = tokens.get(j);
        SpelledNumber spelled = number.is(Kind.WORD) ? SpelledNumber.at(tokens, marks, j) : null;
        if (!number.is(Kind.NUMBER) && !number.is(Kind.HAN_NUMBER) && spelled == null) {
            return null;
        }
        CurrencyWord before = j - 1 >= free ? currencyAt(tokens, marks, j - 1, lexicon) : null;
        int end = spelled != null ? spelled.end() : j + 1;
        int next = end;
        Multiplier multiplier = spelled != null
                ? null
                : marks.wordAt(next, Multiplier.class)
                        .filter(m -> !m.glued() || tokens.get(next).glued(number))
                        .orElse(null);
        end += multiplier == null ? 0 : 1;
        Subunit subunit = number.is(Kind.NUMBER) && multiplier == null
                ? marks.wordAt(end, Subunit.class).orElse(null)
                : null;
        end += subunit == null ? 0 : 1;
        CurrencyWord after = before != null
                ? null
                : subunit != null
                        ? (subunit.code() == null
                                ? null
                                : new CurrencyWord(subunit.code(), BigDecimal.ONE, false, null))
                        : currencyAt(tokens, marks, end, lexicon);
        end += after == null || subunit != null ? 0 : 1;
        if (spelled != null && spelled.weak() && before == null && after == null) {
            return null; // "un", "one", "یه" alone are articles
        }
        return withJiao(
                tokens,
                marks,
                new Mention(
                        before == null ? j : j - 1,
                        end,
                        number,
                        spelled == null ? null : spelled.value(),
                        multiplier,
                        subunit,
                        before != null ? before : after,
                        BigDecimal.ZERO));
    }

    /** 一百二十块五, 三块五毛: the jiao written after 块 or 元, as the amount's tail. */
    private static Mention withJiao(List<Token> tokens, PhraseMatches marks, Mention m) {
        boolean yuanWord = m.currency() != null
                && "CNY".equals(m.currency().code())
                && m.currency().factor().compareTo(BigDecimal.ONE) == 0
                && tokens.get(m.to() - 1).is(Kind.HAN);
        int jiao = yuanWord ? jiaoAt(tokens, m.to()) : 0;
        if (jiao == 0) {
            return m;
        }
        boolean maoWord = marks.wordAt(m.to() + 1, CurrencyWord.class)
                .filter(w -> w.factor().compareTo(TENTH) == 0)
                .isPresent();
        return new Mention(
                m.from(),
                m.to() + (maoWord ? 2 : 1),
                m.number(),
                m.spelled(),
                m.multiplier(),
                m.subunit(),
                m.currency(),
                BigDecimal.valueOf(jiao).multiply(TENTH));
    }

    /** "10 руб 50 коп", "10 dollars 50 cents": the cents of the amount just before, as its tail. */
    private static Mention withCents(Mention last, Mention cents) {
        CurrencyWord currency = last.currency();
        boolean fits = last.to() == cents.from()
                && cents.subunit() != null
                && currency != null
                && currency.factor().compareTo(BigDecimal.ONE) == 0
                && last.subunit() == null
                && (cents.currency() == null || cents.currency().code().equals(currency.code()));
        Reading reading = fits ? Numbers.read(cents.number().text(), 2) : null;
        if (reading == null
                || !reading.ok()
                || reading.decimals() > 0
                || reading.value().compareTo(BigDecimal.valueOf(100)) >= 0) {
            return null;
        }
        return new Mention(
                last.from(),
                cents.to(),
                last.number(),
                last.spelled(),
                last.multiplier(),
                null,
                currency,
                last.tail().add(reading.value().multiply(cents.subunit().factor())));
    }

    /** 一百二十块五: a single digit written right after 块 or 元 counts tenths (毛, 角). */
    private static int jiaoAt(List<Token> tokens, int j) {
        if (j >= tokens.size() || !tokens.get(j).glued(tokens.get(j - 1))) {
            return 0;
        }
        Token digit = tokens.get(j);
        boolean single = digit.text().codePointCount(0, digit.text().length()) == 1
                && (digit.is(Kind.NUMBER) || digit.is(Kind.HAN_NUMBER));
        if (!single) {
            return 0;
        }
        try {
            return ChineseNumerals.digit(digit.text().codePointAt(0));
        } catch (NumberFormatException notADigit) {
            return 0;
        }
    }

    private static CurrencyWord currencyAt(List<Token> tokens, PhraseMatches marks, int j, Lexicon lexicon) {
        if (j < 0 || j >= tokens.size()) {
            return null;
        }
        Token token = tokens.get(j);
        if (token.is(Kind.SYMBOL)) {
            return lexicon.sign(token.text().codePointAt(0)).orElse(null);
        }
        return marks.wordAt(j, CurrencyWord.class).orElse(null);
    }

    /** Currencies named away from any number ("pay bob 25 in euros"), in order. */
    static List<CurrencyWord> free(List<Token> tokens, PhraseMatches marks, List<Mention> mentions, Lexicon lexicon) {
        boolean[] inMention = new boolean[tokens.size()];
        mentions.forEach(m -> java.util.Arrays.fill(inMention, m.from(), m.to(), true));
        List<CurrencyWord> free = new ArrayList<>();
        for (int j = 0; j < tokens.size(); j++) {
            CurrencyWord word = inMention[j] ? null : currencyAt(tokens, marks, j, lexicon);
            if (word != null && !word.nextToNumberOnly()) {
                free.add(word);
            }
        }
        return free;
    }

    /**
     * Reads a mention in a currency: the number as typed, times its multiplier and the unit's
     * factor (a toman is ten rials), refused when it has more decimals than the currency.
     *
     * @param currency the mention's currency or the one the text names elsewhere; may be null
     */
    static Amount read(Mention mention, CurrencyWord currency, Language language, String region) {
        CurrencyCode code = currency == null ? null : currency.currency(language, region);
        int exponent = code == null ? ParsedCommand.EXPONENT_WITHOUT_CURRENCY : code.exponent();
        Token number = mention.number();
        Reading reading = mention.spelled() != null
                ? Reading.of(mention.spelled(), 0)
                : number.is(Kind.HAN_NUMBER)
                        ? ChineseNumerals.read(number.text())
                        : Numbers.read(number.text(), exponent);
        if (!reading.ok()) {
            return new Amount(null, code, reading.problem());
        }
        BigDecimal factor = currency == null ? BigDecimal.ONE : currency.factor();
        boolean scaled = mention.multiplier() != null
                || mention.subunit() != null
                || factor.compareTo(BigDecimal.ONE) != 0
                || mention.tail().signum() != 0
                || number.is(Kind.HAN_NUMBER)
                || mention.spelled() != null;
        BigDecimal value = reading.value().multiply(factor).add(mention.tail());
        if (mention.multiplier() != null) {
            value = value.multiply(mention.multiplier().factor());
        }
        if (mention.subunit() != null) {
            value = value.multiply(mention.subunit().factor());
        }
        int decimals = scaled ? Math.max(0, value.stripTrailingZeros().scale()) : reading.decimals();
        AmountProblem problem = value.signum() <= 0
                ? AmountProblem.NOT_POSITIVE
                : decimals > exponent
                        ? AmountProblem.TOO_MANY_DECIMALS
                        : ParsedCommand.minor(value, exponent).isEmpty() ? AmountProblem.TOO_LARGE : null;
        return problem != null
                ? new Amount(null, code, problem)
                : new Amount(value.setScale(decimals, RoundingMode.UNNECESSARY), code, null);
    }
}
