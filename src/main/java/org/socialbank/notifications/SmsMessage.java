package org.socialbank.notifications;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One text message to one phone.
 *
 * @param toE164 the number in E.164 form, e.g. {@code +33612345678}
 * @param text 1..{@value #TEXT_LENGTH_MAX} characters (code points), not blank: at most three
 *     concatenated GSM-7 parts
 */
public record SmsMessage(String toE164, String text) {

    public static final int TEXT_LENGTH_MAX = 480;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public SmsMessage {
        Objects.requireNonNull(toE164, "toE164");
        Objects.requireNonNull(text, "text");
        if (!isE164(toE164)) {
            throw new IllegalArgumentException("toE164 must be a number in E.164 form, such as +33612345678");
        }
        int length = text.codePointCount(0, text.length());
        if (text.isBlank() || length > TEXT_LENGTH_MAX) {
            throw new IllegalArgumentException("text must be 1.." + TEXT_LENGTH_MAX + " characters, not blank");
        }
    }

    /** Whether a text has the E.164 shape: a plus, a non-zero digit, 6 to 14 more digits. */
    public static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }

    /** Neither the whole number nor the text, which usually holds a one-time code. */
    @Override
    public String toString() {
        return "SmsMessage[to=" + toE164.substring(0, 3) + "…" + toE164.substring(toE164.length() - 2) + ", text="
                + text.codePointCount(0, text.length()) + " characters]";
    }
}
