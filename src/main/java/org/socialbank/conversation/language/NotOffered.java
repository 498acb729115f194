package org.socialbank.conversation.language;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.socialbank.shared.Language;

/**
 * What people ask a bank that this bank does not do (issue 13 §4: "answer what is not yet possible
 * honestly instead of falling into another intent"): a savings account or a term deposit, crypto,
 * shares, insurance, money sent off the planet. Without this, "send money to the moon" reads as a
 * payment that asks whom to pay, and "open a savings account" as the account-number answer.
 *
 * <p>Read only in a message that names no payee ({@code $tag}, {@code @handle}, a phone), so that
 * "pay $bob 5 for the bitcoin book" still pays; the phrases are whole topics, not single common
 * words ("mars" is also March in French, "ماه" a month in Persian).
 */
public final class NotOffered {

    private record Phrase(String text, Language language) {}

    /** Words that several languages write alike: the language is the rest of the message's. */
    private static final List<String> SHARED = List.of("bitcoin", "crypto", "ethereum");

    private static final List<Phrase> PHRASES = List.of(
            new Phrase("savings account", Language.EN),
            new Phrase("saving account", Language.EN),
            new Phrase("term deposit", Language.EN),
            new Phrase("buy shares", Language.EN),
            new Phrase("buy stocks", Language.EN),
            new Phrase("stock market", Language.EN),
            new Phrase("insurance", Language.EN),
            new Phrase("to the moon", Language.EN),
            new Phrase("to mars", Language.EN),
            new Phrase("compte épargne", Language.FR),
            new Phrase("compte d'épargne", Language.FR),
            new Phrase("compte d’épargne", Language.FR),
            new Phrase("livret a", Language.FR),
            new Phrase("dépôt à terme", Language.FR),
            new Phrase("acheter des actions", Language.FR),
            new Phrase("la bourse", Language.FR),
            new Phrase("assurance", Language.FR),
            new Phrase("sur la lune", Language.FR),
            new Phrase("sur mars", Language.FR),
            new Phrase("сберегательный счёт", Language.RU),
            new Phrase("сберегательный счет", Language.RU),
            new Phrase("накопительный счёт", Language.RU),
            new Phrase("накопительный счет", Language.RU),
            new Phrase("открыть вклад", Language.RU),
            new Phrase("депозит", Language.RU),
            new Phrase("биткоин", Language.RU),
            new Phrase("биткойн", Language.RU),
            new Phrase("криптовалют", Language.RU),
            new Phrase("купить акции", Language.RU),
            new Phrase("страховк", Language.RU),
            new Phrase("на луну", Language.RU),
            new Phrase("на марс", Language.RU),
            new Phrase("حساب پس‌انداز", Language.FA),
            new Phrase("حساب پس انداز", Language.FA),
            new Phrase("حساب سپرده", Language.FA),
            new Phrase("سپرده بانکی", Language.FA),
            new Phrase("بیت‌کوین", Language.FA),
            new Phrase("بیت کوین", Language.FA),
            new Phrase("ارز دیجیتال", Language.FA),
            new Phrase("رمزارز", Language.FA),
            new Phrase("خرید سهام", Language.FA),
            new Phrase("بیمه", Language.FA),
            new Phrase("کره ماه", Language.FA),
            new Phrase("مریخ", Language.FA),
            new Phrase("储蓄账户", Language.ZH),
            new Phrase("定期存款", Language.ZH),
            new Phrase("比特币", Language.ZH),
            new Phrase("加密货币", Language.ZH),
            new Phrase("买股票", Language.ZH),
            new Phrase("保险", Language.ZH),
            new Phrase("月球", Language.ZH),
            new Phrase("火星", Language.ZH));

    /** A payee written as an alias: a $tag, an @handle, a phone. */
    private static final Pattern PAYEE = Pattern.compile("[$@]\\S|\\+\\d|\\d{8,}");

    /** The most a message may hold to be read here: a question, not a pasted text. */
    static final int LENGTH_MAX = 300;

    private NotOffered() {}

    /** Whether the text asks for something the bank does not do. */
    public static boolean asks(String text) {
        if (text == null || text.length() > LENGTH_MAX) {
            return false;
        }
        String clean = clean(text);
        return !PAYEE.matcher(clean).find()
                && (SHARED.stream().anyMatch(w -> says(clean, w))
                        || PHRASES.stream().anyMatch(p -> says(clean, clean(p.text()))));
    }

    /** The language of the phrase asked, when it belongs to one; empty for "bitcoin" and the like. */
    public static Optional<Language> language(String text) {
        String clean = clean(text);
        return PHRASES.stream()
                .filter(p -> says(clean, clean(p.text())))
                .map(Phrase::language)
                .findFirst();
    }

    private static String clean(String text) {
        return Text.normalize(text).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** The phrase, starting a word (Chinese has no spaces: anywhere); it may end inside one ("cryptos"). */
    private static boolean says(String text, String phrase) {
        int at = text.indexOf(phrase);
        while (at >= 0) {
            if (at == 0
                    || !Character.isLetter(text.codePointBefore(at))
                    || Character.UnicodeScript.of(phrase.codePointAt(0)) == Character.UnicodeScript.HAN) {
                return true;
            }
            at = text.indexOf(phrase, at + 1);
        }
        return false;
    }
}
