package org.socialbank.channels.x;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.socialbank.conversation.Outbound;
import org.socialbank.shared.PublicText;
import tools.jackson.databind.node.ObjectNode;

/**
 * The engine's replies on X. In a direct message everything, as text: buttons as numbered choices
 * (a reply with the number presses the button, {@link XChoices}), links, receipts, places and
 * "share your phone". On the public timeline only a short neutral text: one line, no link, no receipt
 * or buttons, and the rule of every public channel ({@link PublicText}: no number of any script,
 * no currency sign or word); whatever fails that goes by DM instead. The engine and listening's
 * public replies already say nothing private in public; this is the second lock on that door.
 */
final class XReplies {

    /** X's limit on a direct message's text. */
    static final int DM_TEXT_MAX = 10_000;
    /** Between a choice's number and its label. */
    static final String CHOICE_MARK = " · ";

    /** The longest label of a numbered choice (the engine's are a word or two). */
    static final int LABEL_MAX = 80;

    static final int HINT_MAX = 200;

    private static final Pattern MENTION = Pattern.compile("@[A-Za-z0-9_]{1,15}");
    private static final Pattern LINK = Pattern.compile("(?i)(https?:|www\\.|/link/|/confirm/|/claim/|\\.[a-z]{2,6}/)");

    private XReplies() {}

    /**
     * The text the bank may post publicly for this reply, or empty when it must go by DM.
     *
     * @param lengthMax the longest public text allowed
     */
    static Optional<String> publicText(Outbound content, int lengthMax) {
        if (!(content instanceof Outbound.Text text)) {
            return Optional.empty();
        }
        String t = text.text().strip();
        return neutral(t, lengthMax) ? Optional.of(t) : Optional.empty();
    }

    /** Short, and nothing that reads as a number, money or a link once the @mentions are set aside. */
    static boolean neutral(String text, int lengthMax) {
        if (text.isEmpty() || text.codePointCount(0, text.length()) > lengthMax || text.contains("\n")) {
            return false;
        }
        String words = MENTION.matcher(text).replaceAll(" ");
        return !LINK.matcher(words).find() && PublicText.mayBePosted(words);
    }

    /**
     * The body of {@code POST /2/dm_conversations/with/<id>/messages}: X's v2 direct messages take
     * only {@code text} and {@code attachments} (no quick replies), so buttons are written as
     * numbered lines for the customer to answer with a number ({@link XChoices}).
     *
     * @param choiceHint the line under numbered choices, in the chat's language ("Reply with the number.")
     */
    static ObjectNode directMessage(Outbound content, String choiceHint) {
        return directMessage(content, ChoiceStyle.ascii(choiceHint), 1);
    }

    /**
     * How a chat's numbered choices are written: the line under them and the digits of the
     * numbers, in the chat's language (Persian ۱, ۲, ۳ as the rest of a Persian chat writes its
     * amounts; ASCII in the other four). {@link XChoices#number} reads any of them back.
     */
    record ChoiceStyle(String hint, Locale locale) {

        static ChoiceStyle ascii(String hint) {
            return new ChoiceStyle(hint, Locale.ROOT);
        }

        String number(int value) {
            NumberFormat format = NumberFormat.getIntegerInstance(locale);
            format.setGroupingUsed(false);
            return format.format(value);
        }
    }

    /**
     * As {@link #directMessage(Outbound, String)}, a Buttons message's choices written in the
     * chat's style and numbered from {@code firstNumber}: the numbers after those still open in the
     * chat ({@link XChoices#remember}).
     */
    static ObjectNode directMessage(Outbound content, ChoiceStyle style, int firstNumber) {
        String text = content instanceof Outbound.Buttons b ? choices(b, style, firstNumber) : bounded(text(content));
        return XApi.JSON.createObjectNode().put("text", text);
    }

    static String choices(Outbound.Buttons buttons, String choiceHint) {
        return choices(buttons, ChoiceStyle.ascii(choiceHint), 1);
    }

    /**
     * The text, then one line per button ({@code 1 · Confirm}, numbered from {@code firstNumber}),
     * then the hint; the text is cut so that the whole stays within X's limit and the choices are
     * always shown.
     */
    static String choices(Outbound.Buttons buttons, ChoiceStyle style, int firstNumber) {
        StringBuilder tail = new StringBuilder("\n");
        for (int i = 0; i < buttons.buttons().size(); i++) {
            String label =
                    buttons.buttons().get(i).label().replaceAll("\\s+", " ").strip();
            tail.append('\n')
                    .append(style.number(firstNumber + i))
                    .append(CHOICE_MARK)
                    .append(cut(label, LABEL_MAX));
        }
        tail.append("\n\n").append(cut(style.hint().strip(), HINT_MAX));
        return cut(buttons.text(), DM_TEXT_MAX - tail.length()) + tail;
    }

    /** Any reply as plain text. */
    static String text(Outbound content) {
        if (content instanceof Outbound.Text t) {
            return t.text();
        }
        if (content instanceof Outbound.Buttons b) {
            return b.text();
        }
        if (content instanceof Outbound.Link l) {
            return l.text() + "\n\n" + l.label() + ": " + l.url();
        }
        if (content instanceof Outbound.Receipt r) {
            return r.title() + "\n\n" + String.join("\n", r.lines());
        }
        if (content instanceof Outbound.Places p) {
            List<String> lines = new ArrayList<>();
            lines.add(p.text());
            for (Outbound.Place place : p.places()) {
                lines.add("");
                lines.add(place.name() + (place.detail().isBlank() ? "" : "\n" + place.detail()));
                lines.add(String.format(
                        Locale.ROOT, "https://www.openstreetmap.org/?mlat=%.6f&mlon=%.6f", place.lat(), place.lon()));
            }
            return String.join("\n", lines);
        }
        if (content instanceof Outbound.AskPhone a) {
            return a.text(); // X has no way to share a phone number in a DM
        }
        throw new IllegalArgumentException(
                "no rendering for " + content.getClass().getSimpleName());
    }

    private static String bounded(String text) {
        return cut(text, DM_TEXT_MAX);
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }
}
