package org.socialbank.conversation.language;

/**
 * A piece of the normalized text.
 *
 * @param text as written (case kept; a number with its separators, and a leading {@code -} when
 *     it was written negative)
 * @param key as compared: {@link Text#key} of a word or command, the number's digits
 * @param payee for a {@link Kind#PAYEE}, who it names; else null
 * @param start where it starts, in code points of the normalized text
 * @param end where it ends (exclusive)
 */
record Token(Kind kind, String text, String key, Payee payee, int start, int end) {

    enum Kind {
        /** Letters of one script but Chinese. */
        WORD,
        /** A Chinese word of the lexicon, or a single Chinese character. */
        HAN,
        /** Digits with their separators: {@code 1 234,56}. */
        NUMBER,
        /** A Chinese numeral, possibly with digits: {@code 两千五}, {@code 1.5万}. */
        HAN_NUMBER,
        /** A currency sign: € ₽ ₹ ¥ £ $. */
        SYMBOL,
        /** {@code #pay} or {@code /balance}. */
        COMMAND,
        /** A handle, phone, e-mail, tag or recent payee's name. */
        PAYEE,
        /** Digits shaped like a phone number that is not valid in the region: never an amount. */
        PHONE_LIKE
    }

    boolean is(Kind expected) {
        return kind == expected;
    }

    /** Whether it is written right after {@code before}, with no space or sign between. */
    boolean glued(Token before) {
        return before != null && before.end == start;
    }

    Text.Script script() {
        return Text.script(text.codePointAt(0));
    }
}
