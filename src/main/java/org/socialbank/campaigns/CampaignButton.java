package org.socialbank.campaigns;

import java.util.Map;
import java.util.Set;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/**
 * A button of the staff's own under a campaign message (issue 17 3.6), beside the tracked link and
 * "Stop offers": it opens an {@code https} address through the recipient's tracked link (so each
 * press is counted for that button), or does a chat action the bot understands, as if the customer
 * had typed it.
 *
 * @param labels the label per language tag, {@code en} required
 * @param url the address it opens, null for an action button
 * @param action one of {@link #ACTIONS}, null for a link button
 */
public record CampaignButton(Map<String, String> labels, String url, String action) {

    /** At most three: with "Stop offers" that is four, which WhatsApp still draws (as a list). */
    public static final int BUTTONS_MAX = 3;

    /** WhatsApp's reply-button title holds 20 characters: a campaign to every network keeps to it. */
    public static final int LABEL_LENGTH_MAX_WHATSAPP = 20;

    /** Telegram's and Bale's inline keyboards, the web chat and WeChat's text lines: short enough to stay one line. */
    public static final int LABEL_LENGTH_MAX = 40;

    /** The chat actions a button may do: the bot's quick replies and menu rows, by name. */
    public static final Set<String> ACTIONS =
            Set.of("balance", "history", "pay", "requests", "limits", "spending", "account", "branches");

    public CampaignButton {
        labels = Map.copyOf(labels);
    }

    /** The longest label a button may have on a network (null: every private network, so the least). */
    public static int labelMax(Network channel) {
        return channel == null || channel == Network.WHATSAPP ? LABEL_LENGTH_MAX_WHATSAPP : LABEL_LENGTH_MAX;
    }

    /**
     * Why the button cannot be sent on {@code channel}, as a stable code, or null when it can.
     * {@code button_label_invalid}: {@code en} missing, an unknown language, blank, too long for the
     * network, or a line break; {@code button_link_invalid}: not an absolute {@code https} address;
     * {@code button_action_unknown}: neither a known action nor a link, or both.
     */
    public String problem(Network channel) {
        if (!labels.containsKey("en")
                || !labels.entrySet().stream().allMatch(e -> labelOk(e.getKey(), e.getValue(), labelMax(channel)))) {
            return "button_label_invalid";
        }
        if ((url == null) == (action == null) || action != null && !ACTIONS.contains(action)) {
            return "button_action_unknown";
        }
        return url != null && !https(url) ? "button_link_invalid" : null;
    }

    /** The label in a language, else in English. */
    public String label(String language) {
        return labels.getOrDefault(language, labels.get("en"));
    }

    private static boolean labelOk(String tag, String label, int max) {
        return Language.fromTag(tag).isPresent()
                && label != null
                && !label.isBlank()
                && label.codePointCount(0, label.length()) <= max
                && label.chars().noneMatch(c -> c == '\n' || c == '\r');
    }

    /** An absolute {@code https} address of at most {@link Campaign#LINK_LENGTH_MAX} characters. */
    public static boolean https(String link) {
        try {
            java.net.URI uri = new java.net.URI(link);
            return link.length() <= Campaign.LINK_LENGTH_MAX
                    && "https".equals(uri.getScheme())
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
