package org.socialbank.channels.x;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.socialbank.conversation.Outbound;
import org.socialbank.shared.PublicText;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The engine's replies on X. In a direct message everything: buttons as quick-reply options (the
 * option's metadata is the engine's opaque reference), links, receipts, places and "share your
 * phone" as text. On the public timeline only a short neutral text: one line, no link, no receipt
 * or buttons, and the rule of every public channel ({@link PublicText}: no number of any script,
 * no currency sign or word); whatever fails that goes by DM instead. The engine and listening's
 * public replies already say nothing private in public; this is the second lock on that door.
 */
final class XReplies {

    /** X's limit on a direct message's text. */
    static final int DM_TEXT_MAX = 10_000;
    /** X's limits on quick-reply options. */
    static final int OPTIONS_MAX = 20;

    static final int LABEL_MAX = 36;

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

    /** The body of {@code POST /2/dm_conversations/with/<id>/messages}. */
    static ObjectNode directMessage(Outbound content) {
        ObjectNode body = XApi.JSON.createObjectNode();
        if (content instanceof Outbound.Buttons b) {
            body.put("text", bounded(b.text()));
            ObjectNode quickReply = body.putObject("quick_reply").put("type", "options");
            ArrayNode options = quickReply.putArray("options");
            b.buttons().stream()
                    .limit(OPTIONS_MAX)
                    .forEach(button -> options.addObject()
                            .put("label", cut(button.label(), LABEL_MAX))
                            .put("metadata", button.reference()));
        } else {
            body.put("text", bounded(text(content)));
        }
        return body;
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
