package org.socialbank.channels.wechat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.socialbank.conversation.Outbound;

/**
 * The bank's replies as WeChat text: WeChat has no buttons, so each button is a menu link
 * ({@code weixin://bizmsgmenu}) whose tap comes back as a text carrying the button's reference
 * in {@code bizmsgmenuid}; links are {@code <a href>}; receipts and places are lines.
 */
public final class WeChatReplies {

    /** WeChat cuts text messages at 2048 bytes; we stay well under in characters. */
    static final int LENGTH_MAX = 600;

    private WeChatReplies() {}

    public static String text(Outbound content) {
        return text(content, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /** For a follower: {@code link} turns a link's URL into the one to open, {@code inText} a text's links. */
    static String text(Outbound content, UnaryOperator<String> link, UnaryOperator<String> inText) {
        List<String> lines = new ArrayList<>();
        if (content instanceof Outbound.Text t) {
            lines.add(inText.apply(t.text()));
        } else if (content instanceof Outbound.Buttons b) {
            lines.add(b.text());
            for (Outbound.Button button : b.buttons()) {
                lines.add("<a href=\"weixin://bizmsgmenu?msgmenucontent=" + url(button.label()) + "&msgmenuid="
                        + url(button.reference()) + "\">" + html(button.label()) + "</a>");
            }
        } else if (content instanceof Outbound.Link l) {
            lines.add(inText.apply(l.text()));
            lines.add("<a href=\"" + html(link.apply(l.url())) + "\">" + html(l.label()) + "</a>");
        } else if (content instanceof Outbound.Receipt r) {
            lines.add(r.title());
            lines.addAll(r.lines());
        } else if (content instanceof Outbound.Places p) {
            lines.add(p.text());
            p.places()
                    .forEach(place ->
                            lines.add(place.name() + (place.detail().isBlank() ? "" : " · " + place.detail())));
        } else if (content instanceof Outbound.AskPhone a) {
            lines.add(a.text());
        }
        String text = String.join("\n", lines);
        return text.length() > LENGTH_MAX ? text.substring(0, LENGTH_MAX - 1) + "…" : text;
    }

    /** The title of a template alert. */
    static String title(Outbound content) {
        if (content instanceof Outbound.Receipt r) {
            return r.title();
        }
        return content instanceof Outbound.Link l ? l.text() : content instanceof Outbound.Text t ? t.text() : "";
    }

    /** The lines of a template alert below its title. */
    static List<String> lines(Outbound content) {
        return content instanceof Outbound.Receipt r ? r.lines() : List.of();
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String html(String value) {
        return value.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
