package org.socialbank.campaigns;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.socialbank.shared.Network;

/**
 * A campaign and where its recipients are.
 *
 * @param channel the one network it goes to, null for every private network
 * @param texts the message per language tag ({@code en}, {@code fr}, ...); {@code en} is required
 * @param textsB the B variant's message per language (an A/B split), empty for none
 * @param status {@code draft}, {@code approved} (its audience being expanded) or {@code sending}
 * @param status {@code paused} too: nothing is expanded or sent until it is resumed
 * @param recipients how many recipients are in each state ({@code queued}, {@code sent}, ...)
 * @param sendAt when to send, as a local date-time read in each recipient's zone; null: at once
 * @param link the tracked link's target (each recipient gets her own tracked address), null for none
 * @param reward the cashback or points for a qualifying action, null for none
 * @param buttons the staff's own buttons (3.6), in their order, empty for none
 */
public record Campaign(
        UUID id,
        String name,
        Network channel,
        Map<String, String> texts,
        Map<String, String> textsB,
        CampaignRules rules,
        String status,
        String createdBy,
        String approvedBy,
        Instant createdAt,
        Map<String, Long> recipients,
        java.time.LocalDateTime sendAt,
        String link,
        CampaignReward reward,
        java.util.List<CampaignButton> buttons) {

    public static final int NAME_LENGTH_MAX = 200;
    public static final int TEXT_LENGTH_MAX = 4_000;
    public static final int LINK_LENGTH_MAX = 2_000;

    public Campaign {
        texts = Map.copyOf(texts);
        textsB = textsB == null ? Map.of() : Map.copyOf(textsB);
        recipients = Map.copyOf(recipients);
        buttons = buttons == null ? java.util.List.of() : java.util.List.copyOf(buttons);
    }

    /** Whether its messages carry a tracked address: its link, or a button that opens one. */
    public boolean tracked() {
        return link != null || buttons.stream().anyMatch(b -> b.url() != null);
    }

    /**
     * Its buttons for one recipient in her language: a link button opens her tracked address for
     * that button ({@code <tracked>/<position>}), positions counted from 1.
     */
    public java.util.List<CampaignMessageDue.Button> buttonsFor(String language, String tracked) {
        java.util.List<CampaignMessageDue.Button> out = new java.util.ArrayList<>();
        for (int i = 0; i < buttons.size(); i++) {
            CampaignButton b = buttons.get(i);
            int position = i + 1;
            out.add(new CampaignMessageDue.Button(
                    position,
                    b.label(language),
                    b.url() == null || tracked == null ? null : tracked + "/" + position,
                    b.action()));
        }
        return out;
    }

    /**
     * Whether the variant (a control recipient's: A's) has a text in the language; the sender
     * leaves out a recipient whose language has none ({@code no_text}) rather than send English.
     */
    public boolean hasText(String variant, String language) {
        Map<String, String> chosen = "B".equals(variant) && !textsB.isEmpty() ? textsB : texts;
        return chosen.containsKey(language);
    }

    /** The text of a variant in a language, else in English. */
    public String text(String variant, String language) {
        Map<String, String> chosen = "B".equals(variant) && !textsB.isEmpty() ? textsB : texts;
        return chosen.getOrDefault(language, chosen.get("en"));
    }
}
