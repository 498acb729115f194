package org.socialbank.channels.fuzz;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Random texts as customers (and attackers) write them: the five scripts, digits of every numeral
 * system the parser reads, handles, tags, phones, amounts, long lists of payees, bidi controls,
 * emoji, empty and whitespace-only texts, and texts of the platforms' full 4096 characters.
 * Always whole code points (the platforms never send half a surrogate pair).
 */
final class FuzzTexts {

    static final int LENGTH_MAX = 4_096;

    private static final List<String> WORDS = List.of(
            "pay",
            "send",
            "balance",
            "history",
            "split",
            "request",
            "help",
            "cancel",
            "back",
            "link",
            "unlink",
            "language",
            "branches",
            "with",
            "from",
            "to",
            "and",
            "EUR",
            "euros",
            "envoie",
            "payer",
            "solde",
            "partage",
            "demande",
            "aide",
            "avec",
            "à",
            "€",
            "переведи",
            "отправь",
            "баланс",
            "раздели",
            "попроси",
            "помощь",
            "руб",
            "рублей",
            "с",
            "بفرست",
            "پرداخت",
            "موجودی",
            "تقسیم",
            "درخواست",
            "راهنما",
            "هزار",
            "تومان",
            "ریال",
            "به",
            "با",
            "转",
            "转账",
            "给",
            "余额",
            "平摊",
            "帮助",
            "元",
            "块",
            "和",
            "#pay",
            "/balance",
            "/start",
            "/language",
            "fr",
            "zh",
            "?",
            "!",
            "ok",
            "yes",
            "Confirm",
            "中文",
            "русский");
    private static final int[] ZEROS = {'0', 0x06F0, 0x0660, 0x0966, 0xFF10};
    private static final String CHINESE_DIGITS = "零一二三四五六七八九十百千万亿两";
    private static final String[] BIDI = {
        "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F",
        "\u200D", "\u200C", "\u061C"
    };
    private static final String[] EMOJI = {"😀", "💸", "🇫🇷", "👨‍👩‍👧", "🏦", "❤️", "🔥", "👍🏽", "🤑", "₿"};
    private static final String[] SEPARATORS = {" ", "  ", ",", ".", "،", "٫", "٬", "，", "。", "\n", "\t", ""};

    private FuzzTexts() {}

    static String next(RandomGenerator random) {
        int shape = random.nextInt(100);
        if (shape < 4) {
            return random.nextBoolean() ? "" : " \n\t ".substring(random.nextInt(4));
        }
        if (shape < 8) {
            return fill(random, LENGTH_MAX);
        }
        if (shape < 14) {
            return payees(random, 15 + random.nextInt(80));
        }
        return fill(random, 1 + random.nextInt(random.nextInt(10) < 8 ? 60 : 600));
    }

    /** "split 60 with @a @b ...": the dialogue must refuse more than its cap. */
    static String payees(RandomGenerator random, int count) {
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "split " : "request ");
        text.append(amount(random)).append(" with");
        for (int i = 0; i < count && text.length() < LENGTH_MAX - 40; i++) {
            text.append(' ').append(random.nextInt(4) == 0 ? phone(random) : handle(random));
        }
        return text.toString();
    }

    private static String fill(RandomGenerator random, int lengthMax) {
        StringBuilder text = new StringBuilder();
        while (text.length() < lengthMax) {
            String part = part(random);
            if (text.length() + part.length() > lengthMax) {
                break;
            }
            text.append(part).append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }
        return text.length() > lengthMax ? text.substring(0, lengthMax) : text.toString();
    }

    private static String part(RandomGenerator random) {
        return switch (random.nextInt(12)) {
            case 0, 1, 2 -> WORDS.get(random.nextInt(WORDS.size()));
            case 3 -> handle(random);
            case 4 -> "$" + letters(random, 1 + random.nextInt(12));
            case 5 -> phone(random);
            case 6, 7 -> amount(random);
            case 8 -> BIDI[random.nextInt(BIDI.length)];
            case 9 -> EMOJI[random.nextInt(EMOJI.length)];
            case 10 -> Character.toString(random.nextInt(0x20, 0x3000)); // anything, some unassigned
            default -> letters(random, 1 + random.nextInt(8)) + "@example." + (random.nextBoolean() ? "com" : "fr");
        };
    }

    private static String handle(RandomGenerator random) {
        return "@" + letters(random, 1 + random.nextInt(15));
    }

    private static String phone(RandomGenerator random) {
        String local = switch (random.nextInt(5)) {
            case 0 -> "+33 6 " + digits(random, 8, '0');
            case 1 -> "0912" + digits(random, 7, '0');
            case 2 -> "+86 138 " + digits(random, 8, '0');
            case 3 -> "+7 912 " + digits(random, 7, '0');
            default -> "+91 98" + digits(random, 8, '0');
        };
        int zero = ZEROS[random.nextInt(ZEROS.length)];
        StringBuilder converted = new StringBuilder();
        local.codePoints().forEach(c -> converted.appendCodePoint(c >= '0' && c <= '9' ? zero + c - '0' : c));
        return converted.toString();
    }

    private static String amount(RandomGenerator random) {
        if (random.nextInt(6) == 0) {
            StringBuilder chinese = new StringBuilder();
            for (int i = 1 + random.nextInt(5); i > 0; i--) {
                chinese.append(CHINESE_DIGITS.charAt(random.nextInt(CHINESE_DIGITS.length())));
            }
            return chinese.toString();
        }
        int zero = ZEROS[random.nextInt(ZEROS.length)];
        String number = switch (random.nextInt(6)) {
            case 0 -> digits(random, 1 + random.nextInt(3), '0');
            case 1 -> digits(random, 1 + random.nextInt(4), '0') + "." + digits(random, 2, '0');
            case 2 -> digits(random, 1, '0') + "," + digits(random, 3, '0');
            case 3 -> digits(random, 1, '0') + "." + digits(random, 3, '0'); // ambiguous: refused, never rounded
            case 4 -> digits(random, 25 + random.nextInt(30), '0'); // beyond a long
            default -> "-" + digits(random, 2, '0');
        };
        StringBuilder converted = new StringBuilder();
        number.codePoints().forEach(c -> converted.appendCodePoint(c >= '0' && c <= '9' ? zero + c - '0' : c));
        return converted.toString();
    }

    private static String digits(RandomGenerator random, int count, int zero) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.appendCodePoint(zero + random.nextInt(10));
        }
        return digits.toString();
    }

    private static String letters(RandomGenerator random, int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(10);
            letters.append(
                    kind < 7 ? (char) ('a' + random.nextInt(26)) : kind < 9 ? (char) ('0' + random.nextInt(10)) : '_');
        }
        return letters.toString();
    }
}
