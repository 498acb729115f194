package org.socialbank.channels.whatsapp;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.socialbank.conversation.Outbound;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The engine's replies as Cloud API messages, within Meta's limits: a text; up to 3 choices as
 * reply buttons (titles at most 20 characters), more as a list (at most 10 rows, titles at most
 * 24, the whole label as the row's description); a link to the bank's page as a CTA URL button
 * (a public https address; any other goes in the text); receipts and places as text; "share my
 * phone" as one reply button whose press stands for the sender's own number. Outside the window,
 * an alert goes as the configured template.
 */
final class WhatsAppReplies {

    static final int TEXT_MAX = 4_096;
    static final int INTERACTIVE_BODY_MAX = 1_024;
    static final int REPLY_BUTTONS_MAX = 3;
    static final int BUTTON_TITLE_MAX = 20;
    static final int LIST_ROWS_MAX = 10;
    static final int ROW_TITLE_MAX = 24;
    static final int ROW_DESCRIPTION_MAX = 72;
    static final int CTA_TEXT_MAX = 20;
    /** The list's opening button: a sign, since the reply carries no language. */
    static final String LIST_BUTTON = "☰";

    private WhatsAppReplies() {}

    /** A free-form message (inside the customer-service window) to {@code to}. */
    static ObjectNode free(Outbound content, String to) {
        ObjectNode m = envelope(to);
        if (content instanceof Outbound.Text t) {
            text(m, t.text());
        } else if (content instanceof Outbound.Buttons b) {
            if (b.buttons().size() <= REPLY_BUTTONS_MAX) {
                replyButtons(m, b.text(), b.buttons());
            } else {
                list(m, b.text(), b.buttons());
            }
        } else if (content instanceof Outbound.Link l) {
            link(m, l);
        } else if (content instanceof Outbound.Receipt r) {
            text(m, r.title() + "\n\n" + String.join("\n", r.lines()));
        } else if (content instanceof Outbound.Places p) {
            text(m, places(p));
        } else if (content instanceof Outbound.AskPhone a) {
            replyButtons(m, a.text(), List.of(new Outbound.Button(a.label(), WhatsAppUpdates.SHARE_PHONE)));
        } else {
            throw new IllegalArgumentException(
                    "no rendering for " + content.getClass().getSimpleName());
        }
        return m;
    }

    /** The approved template that carries an alert outside the window. */
    static ObjectNode template(WhatsAppProperties.Template template, Outbound content, String to, Instant now) {
        return template(template, template.language(), content, to, now);
    }

    /** The same, in the version of the template approved in {@code languageCode} ({@code fr}, {@code zh_CN}...). */
    static ObjectNode template(
            WhatsAppProperties.Template template, String languageCode, Outbound content, String to, Instant now) {
        ObjectNode m = envelope(to).put("type", "template");
        ObjectNode t = m.putObject("template").put("name", template.name());
        t.putObject("language").put("code", languageCode);
        List<String> values = TemplateParameters.fill(template.parameters(), content, now);
        if (!values.isEmpty()) {
            ArrayNode parameters =
                    t.putArray("components").addObject().put("type", "body").putArray("parameters");
            values.forEach(v -> parameters.addObject().put("type", "text").put("text", v));
        }
        return m;
    }

    /**
     * A campaign's message as the approved MARKETING template (issue 17, 3.13): its body parameters
     * from the message's text (with the tracked link and the stop line), and its quick-reply button
     * (index 0, approved as the template's opt-out) carrying the reference of the message's last
     * button, "Stop offers", so that a press withdraws marketing on this chat like the button does.
     */
    static ObjectNode marketing(
            WhatsAppProperties.Template template, String languageCode, Outbound content, String to, Instant now) {
        ObjectNode m = template(template, languageCode, content, to, now);
        if (content instanceof Outbound.Buttons b && !b.buttons().isEmpty()) {
            ObjectNode t = (ObjectNode) m.get("template");
            ArrayNode components = t.has("components") ? (ArrayNode) t.get("components") : t.putArray("components");
            components
                    .addObject()
                    .put("type", "button")
                    .put("sub_type", "quick_reply")
                    .put("index", "0")
                    .putArray("parameters")
                    .addObject()
                    .put("type", "payload")
                    .put("payload", b.buttons().get(b.buttons().size() - 1).reference());
        }
        return m;
    }

    private static ObjectNode envelope(String to) {
        return WhatsAppApi.JSON
                .createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("recipient_type", "individual")
                .put("to", to);
    }

    private static void text(ObjectNode m, String text) {
        m.put("type", "text");
        m.putObject("text").put("preview_url", false).put("body", cut(text, TEXT_MAX));
    }

    private static void replyButtons(ObjectNode m, String text, List<Outbound.Button> buttons) {
        ObjectNode interactive = interactive(m, "button", text);
        ArrayNode list = interactive.putObject("action").putArray("buttons");
        List<String> titles =
                unique(buttons.stream().map(Outbound.Button::label).toList(), BUTTON_TITLE_MAX);
        for (int i = 0; i < buttons.size(); i++) {
            list.addObject()
                    .put("type", "reply")
                    .putObject("reply")
                    .put("id", buttons.get(i).reference())
                    .put("title", titles.get(i));
        }
    }

    private static void list(ObjectNode m, String text, List<Outbound.Button> buttons) {
        ObjectNode interactive = interactive(m, "list", text);
        ObjectNode action = interactive.putObject("action").put("button", LIST_BUTTON);
        ArrayNode rows = action.putArray("sections").addObject().putArray("rows");
        List<Outbound.Button> shown = buttons.size() > LIST_ROWS_MAX ? buttons.subList(0, LIST_ROWS_MAX) : buttons;
        List<String> titles = unique(shown.stream().map(Outbound.Button::label).toList(), ROW_TITLE_MAX);
        for (int i = 0; i < shown.size(); i++) {
            ObjectNode row =
                    rows.addObject().put("id", shown.get(i).reference()).put("title", titles.get(i));
            if (!titles.get(i).equals(shown.get(i).label())) {
                row.put("description", cut(shown.get(i).label(), ROW_DESCRIPTION_MAX));
            }
        }
    }

    /** A CTA URL button for a public https page; Meta refuses other addresses, so those go in the text. */
    private static void link(ObjectNode m, Outbound.Link l) {
        if (!buttonUrl(l.url())) {
            text(m, l.text() + "\n\n" + l.label() + ": " + l.url());
            return;
        }
        ObjectNode interactive = interactive(m, "cta_url", l.text());
        interactive
                .putObject("action")
                .put("name", "cta_url")
                .putObject("parameters")
                .put("display_text", cut(l.label(), CTA_TEXT_MAX))
                .put("url", l.url());
    }

    private static ObjectNode interactive(ObjectNode m, String type, String body) {
        m.put("type", "interactive");
        ObjectNode interactive = m.putObject("interactive").put("type", type);
        interactive.putObject("body").put("text", cut(body, INTERACTIVE_BODY_MAX));
        return interactive;
    }

    private static String places(Outbound.Places p) {
        List<String> lines = new ArrayList<>();
        lines.add(p.text());
        for (Outbound.Place place : p.places()) {
            lines.add("");
            lines.add(place.name() + (place.detail().isBlank() ? "" : "\n" + place.detail()));
            lines.add(String.format(
                    Locale.ROOT,
                    "https://www.openstreetmap.org/?mlat=%.6f&mlon=%.6f#map=17/%.6f/%.6f",
                    place.lat(),
                    place.lon(),
                    place.lat(),
                    place.lon()));
        }
        return String.join("\n", lines);
    }

    static boolean buttonUrl(String url) {
        if (!url.startsWith("https://")) {
            return false;
        }
        try {
            String host = URI.create(url).getHost();
            return host != null && !host.equals("localhost") && !host.startsWith("127.") && host.contains(".");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Labels cut to {@code max}; Meta refuses two equal titles in one message, so a repeat gets a number. */
    static List<String> unique(List<String> labels, int max) {
        Set<String> seen = new HashSet<>();
        List<String> titles = new ArrayList<>();
        for (String label : labels) {
            String title = cut(label.strip(), max);
            for (int n = 2; !seen.add(title); n++) {
                String suffix = " " + n;
                title = cut(label.strip(), max - suffix.length()) + suffix;
            }
            titles.add(title);
        }
        return titles;
    }

    /** At most {@code max} characters (code points), the last one "…" when cut. */
    static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
