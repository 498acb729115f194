package org.socialbank.conversation.engine;

import org.socialbank.conversation.dialogue.Texts;
import org.socialbank.shared.Language;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The dialogues' sentences from the application's message bundles. In a right-to-left language,
 * each argument written left to right (a phone number, an @handle, a $tag, a Latin name, a
 * reference) is isolated (U+2068 FIRST STRONG ISOLATE ... U+2069 POP DIRECTIONAL ISOLATE), so that
 * "+33 6 12 34 56 78" or "@bob" keep their order inside a Persian sentence (issue 13 §5). Links are
 * left as they are: a client must still see where a URL ends.
 */
@Component
public class MessageTexts implements Texts {

    static final char FIRST_STRONG_ISOLATE = '\u2068';
    static final char POP_DIRECTIONAL_ISOLATE = '\u2069';

    private final MessageSource messages;

    MessageTexts(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public String text(Language language, String key, Object... args) {
        Object[] shown = language == Language.FA ? isolated(args) : args;
        String text = messages.getMessage(key, shown.length == 0 ? null : shown, language.locale());
        return language == Language.ZH ? spaced(text) : text;
    }

    /**
     * Chinese with one rule for the Latin names, aliases and amounts in it (issue 13 §5): one space
     * between a Han character and a Latin letter, an alias's sign or a currency sign, on either
     * side, wherever the sentence or its arguments put them ("向 Bob B. 付款 €5.00？"). Digits next
     * to Han characters stay close, as Chinese writes numbers with their units and dates
     * ("2026年12月3日", "6位验证码"); full-width punctuation needs no space and gets none.
     */
    static String spaced(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (i > 0) {
                char before = text.charAt(i - 1);
                if ((han(before) && latinSide(c)) || (latinEnd(before) && han(c))) {
                    out.append(' ');
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean han(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** What starts a Latin run: a letter, an alias's sign or a currency sign. */
    private static boolean latinSide(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || c == '@'
                || c == '$'
                || c == '+'
                || c == '€'
                || c == '¥'
                || c == '£'
                || c == '₽'
                || c == '₹';
    }

    /** What ends one: a letter, or the full stop of a Latin abbreviation ("Bob B."). */
    private static boolean latinEnd(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.';
    }

    static Object[] isolated(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof String s && writtenLeftToRight(s)) {
                out[i] = FIRST_STRONG_ISOLATE + s + POP_DIRECTIONAL_ISOLATE;
            }
        }
        return out;
    }

    /** Latin letters or ASCII digits, or an alias's sign, and not a link. */
    static boolean writtenLeftToRight(String s) {
        if (s.isEmpty() || s.contains("://") || s.indexOf(FIRST_STRONG_ISOLATE) >= 0) {
            return false;
        }
        char first = s.charAt(0);
        if (first == '+' || first == '@' || first == '$') {
            return true;
        }
        return s.chars().anyMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
    }
}
