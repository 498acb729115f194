package org.socialbank.campaigns.jdbc;

import static org.socialbank.campaigns.jdbc.JdbcCampaigns.utc;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.socialbank.campaigns.CampaignButton;
import org.socialbank.shared.Network;
import org.socialbank.shared.TimeOrderedIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A campaign's own buttons (issue 17 3.6) and their presses, one row per press. */
@Repository
public class JdbcButtons {

    private final JdbcClient jdbc;

    JdbcButtons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID campaignId, List<CampaignButton> buttons) {
        for (int i = 0; i < buttons.size(); i++) {
            CampaignButton b = buttons.get(i);
            jdbc.sql("INSERT INTO campaign_buttons (campaign_id, position, labels, url, action) VALUES (?, ?, ?, ?, ?)")
                    .params(campaignId, i + 1, joined(b.labels()), b.url(), b.action())
                    .update();
        }
    }

    /**
     * A press on a link button through a recipient's tracked address: counted for that button, and
     * the address to send her on to; empty for an unknown token or position.
     */
    public Optional<String> click(String token, int position, Instant at) {
        Optional<Pressed> pressed = jdbc.sql(
                        "SELECT r.campaign_id, r.channel, r.external_user_id, r.variant, b.url FROM campaign_recipients r "
                                + "JOIN campaign_buttons b ON b.campaign_id = r.campaign_id AND b.position = ? "
                                + "WHERE r.link_token = ? AND b.url IS NOT NULL")
                .params(position, token)
                .query((rs, n) -> new Pressed(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
                .optional();
        pressed.ifPresent(p -> insertPress(p.campaignId(), position, p.channel(), p.externalUserId(), p.variant(), at));
        return pressed.map(Pressed::url);
    }

    /** A press on an action button in a chat the campaign reached; false (nothing counted) otherwise. */
    public boolean press(UUID campaignId, int position, Network channel, String externalUserId, Instant at) {
        Optional<String> variant = jdbc.sql(
                        "SELECT r.variant FROM campaign_recipients r JOIN campaign_buttons b ON b.campaign_id = "
                                + "r.campaign_id AND b.position = ? WHERE r.campaign_id = ? AND r.channel = ? "
                                + "AND r.external_user_id = ? AND r.status = 'sent' AND b.action IS NOT NULL")
                .params(position, campaignId, channel.wireName(), externalUserId)
                .query(String.class)
                .optional();
        variant.ifPresent(v -> insertPress(campaignId, position, channel.wireName(), externalUserId, v, at));
        return variant.isPresent();
    }

    /** Per variant, per button: {@code <position>.recipients} who pressed it and {@code <position>.clicks} in all. */
    public Map<String, Map<String, Long>> presses(UUID campaignId) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        jdbc.sql("SELECT variant, position, COUNT(DISTINCT channel || ':' || external_user_id), COUNT(*) FROM "
                        + "campaign_button_presses WHERE campaign_id = ? GROUP BY variant, position")
                .param(campaignId)
                .query((rs, n) -> {
                    Map<String, Long> button = out.computeIfAbsent(rs.getString(1), v -> new TreeMap<>());
                    button.put(rs.getInt(2) + ".recipients", rs.getLong(3));
                    button.put(rs.getInt(2) + ".clicks", rs.getLong(4));
                    return button;
                })
                .list();
        return out;
    }

    private void insertPress(
            UUID campaignId, int position, String channel, String externalUserId, String variant, Instant at) {
        jdbc.sql("INSERT INTO campaign_button_presses (id, campaign_id, position, channel, external_user_id, variant, "
                        + "pressed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(TimeOrderedIds.next(), campaignId, position, channel, externalUserId, variant, utc(at))
                .update();
    }

    private record Pressed(UUID campaignId, String channel, String externalUserId, String variant, String url) {}

    /** Labels as lines {@code <tag>=<label>}, sorted by tag (a label has no line break). */
    static String joined(Map<String, String> labels) {
        return new TreeMap<>(labels)
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }

    static Map<String, String> labels(String joined) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String line : joined.split("\n")) {
            int eq = line.indexOf('=');
            labels.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return labels;
    }
}
