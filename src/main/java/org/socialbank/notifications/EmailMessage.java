package org.socialbank.notifications;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One e-mail to one address, in plain text.
 *
 * @param to the address, e.g. {@code camille@example.fr} (at most {@value #ADDRESS_LENGTH_MAX}
 *     characters, one {@code @}, no spaces)
 * @param subject 1..{@value #SUBJECT_LENGTH_MAX} characters on one line
 * @param body 1..{@value #BODY_LENGTH_MAX} characters
 * @param locale the language the message is written in (for the gateway's headers and templates)
 */
public record EmailMessage(String to, String subject, String body, Locale locale) {

    public static final int ADDRESS_LENGTH_MAX = 254;
    public static final int SUBJECT_LENGTH_MAX = 200;
    public static final int BODY_LENGTH_MAX = 10_000;
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    public EmailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(locale, "locale");
        if (!isAddress(to)) {
            throw new IllegalArgumentException("to must be an e-mail address such as camille@example.fr");
        }
        if (subject.isBlank()
                || subject.length() > SUBJECT_LENGTH_MAX
                || subject.indexOf('\r') >= 0
                || subject.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("subject must be 1.." + SUBJECT_LENGTH_MAX + " characters on one line");
        }
        if (body.isBlank() || body.length() > BODY_LENGTH_MAX) {
            throw new IllegalArgumentException("body must be 1.." + BODY_LENGTH_MAX + " characters, not blank");
        }
    }

    /** Whether a text has the shape of an e-mail address (the gateway alone can tell it exists). */
    public static boolean isAddress(String address) {
        return address != null
                && address.length() <= ADDRESS_LENGTH_MAX
                && ADDRESS.matcher(address).matches();
    }

    /** Neither the whole address nor the body, which usually holds a one-time code. */
    @Override
    public String toString() {
        return "EmailMessage[to=" + to.charAt(0) + "…" + to.substring(to.indexOf('@')) + ", subject=" + subject.length()
                + " characters, body=" + body.length() + " characters, locale=" + locale + "]";
    }
}
