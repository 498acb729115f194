package org.socialbank.campaigns.web;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.socialbank.campaigns.CampaignRules;
import org.socialbank.campaigns.Campaigns;
import org.socialbank.directory.KycLevel;
import org.socialbank.shared.Language;

/** The campaigns API's bodies read into rules, its problems' details, and the statistics as CSV. */
final class CampaignBodies {

    private static final Map<String, String> DETAILS = Map.of(
            "weekly_cap_invalid", "weeklyCap is 1..50 marketing messages per chat account per week.",
            "quiet_hours_invalid", "quietHours needs from and to as HH:mm, and they differ.",
            "control_percent_invalid", "controlPercent is 0..50.",
            "segment_invalid",
                    "segment.languages takes en, fr, ru, fa, zh; segment.kycLevels claim_only, basic, full; "
                            + "segment.products customer_wallet, customer_current, credit_card, points; segment.balance a "
                            + "money currency with minMinor <= maxMinor; segment.lastActivity withinDays or notWithinDays, "
                            + "1..3660.",
            "send_at_invalid", "sendAt is a local date-time, yyyy-MM-ddTHH:mm, read in each recipient's zone.",
            "link_invalid", "link is an absolute https address of at most 2000 characters.",
            "reward_invalid",
                    "reward needs action (a transfer code such as bill), amountMinor 1..1000000, a money "
                            + "currency and withinDays 1..366.");

    private CampaignBodies() {}

    static String detail(String code) {
        return DETAILS.getOrDefault(code, code);
    }

    /** @throws IllegalArgumentException with the stable code of what is wrong */
    static CampaignRules rules(CampaignsController.Define body) {
        CampaignRules d = CampaignRules.defaults();
        LocalTime from = d.quietFrom();
        LocalTime to = d.quietTo();
        if (body.quietHours() != null) {
            from = time(body.quietHours().from());
            to = time(body.quietHours().to());
        }
        CampaignsController.Segment segment = body.segment();
        Set<Language> languages = segment == null || segment.languages() == null
                ? Set.of()
                : segment.languages().stream()
                        .map(t -> Language.fromTag(t).orElseThrow(CampaignBodies::badSegment))
                        .collect(Collectors.toSet());
        Set<KycLevel> kyc = segment == null || segment.kycLevels() == null
                ? Set.of()
                : segment.kycLevels().stream().map(CampaignBodies::kyc).collect(Collectors.toSet());
        return new CampaignRules(
                body.weeklyCap() == null ? d.weeklyCap() : body.weeklyCap(),
                from,
                to,
                languages,
                kyc,
                body.controlPercent() == null ? 0 : body.controlPercent(),
                holdings(segment));
    }

    private static org.socialbank.campaigns.Holdings holdings(CampaignsController.Segment segment) {
        if (segment == null) {
            return org.socialbank.campaigns.Holdings.ANY;
        }
        Set<org.socialbank.ledger.AccountKind> products = segment.products() == null
                ? Set.of()
                : segment.products().stream()
                        .map(w -> org.socialbank.ledger.AccountKind.fromWireName(w)
                                .orElseThrow(CampaignBodies::badSegment))
                        .collect(Collectors.toSet());
        CampaignsController.Balance b = segment.balance();
        CampaignsController.LastActivity a = segment.lastActivity();
        return new org.socialbank.campaigns.Holdings(
                products,
                b == null
                        ? null
                        : org.socialbank.shared.CurrencyCode.find(b.currency()).orElseThrow(CampaignBodies::badSegment),
                b == null ? null : b.minMinor(),
                b == null ? null : b.maxMinor(),
                a == null ? null : a.withinDays(),
                a == null ? null : a.notWithinDays());
    }

    /** The segment on the wire, as it was given. */
    static CampaignsController.Segment segment(CampaignRules r) {
        org.socialbank.campaigns.Holdings h = r.holdings();
        return new CampaignsController.Segment(
                r.languages().stream().map(Language::tag).sorted().toList(),
                r.kycLevels().stream().map(KycLevel::wireName).sorted().toList(),
                h.products().stream()
                        .map(org.socialbank.ledger.AccountKind::wireName)
                        .sorted()
                        .toList(),
                h.balanceCurrency() == null
                        ? null
                        : new CampaignsController.Balance(
                                h.balanceCurrency().code(), h.balanceMinMinor(), h.balanceMaxMinor()),
                h.activeWithinDays() == null && h.inactiveForDays() == null
                        ? null
                        : new CampaignsController.LastActivity(h.activeWithinDays(), h.inactiveForDays()));
    }

    /** @throws IllegalArgumentException with the stable code of what is wrong */
    static Campaigns.Definition definition(CampaignsController.Define body, org.socialbank.shared.Network channel) {
        CampaignRules rules = rules(body);
        java.time.LocalDateTime sendAt = sendAt(body.sendAt());
        checkLink(body.link());
        return new Campaigns.Definition(
                body.name(), channel, body.texts(), body.textsB(), rules, sendAt, body.link(), reward(body.reward()));
    }

    /** A local date-time ({@code 2026-12-03T10:00}), or null for none. */
    static java.time.LocalDateTime sendAt(String text) {
        if (text == null) {
            return null;
        }
        try {
            return java.time.LocalDateTime.parse(text).withSecond(0).withNano(0);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("send_at_invalid");
        }
    }

    /** The reward the body names, or null. */
    static org.socialbank.campaigns.CampaignReward reward(CampaignsController.Reward r) {
        if (r == null) {
            return null;
        }
        if (r.amountMinor() == null || r.withinDays() == null) {
            throw new IllegalArgumentException("reward_invalid");
        }
        return new org.socialbank.campaigns.CampaignReward(
                r.action(),
                r.amountMinor(),
                org.socialbank.shared.CurrencyCode.find(r.currency())
                        .orElseThrow(() -> new IllegalArgumentException("reward_invalid")),
                r.withinDays());
    }

    /** An absolute {@code https} address (a tracked link sends people there), or null. */
    static void checkLink(String link) {
        if (link == null) {
            return;
        }
        try {
            java.net.URI uri = new java.net.URI(link);
            if (link.length() > org.socialbank.campaigns.Campaign.LINK_LENGTH_MAX
                    || !"https".equals(uri.getScheme())
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("link_invalid");
            }
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("link_invalid");
        }
    }

    /**
     * {@code variant,state,count} rows, then {@code variant,reason,count} rows, then
     * {@code variant,delivery,count} (what the platforms said of the messages sent) and
     * {@code variant,clicks,count} ({@code recipients} who pressed the link, {@code clicks} in all),
     * the rewards, and {@code variant,conversion,count} (applications started after the message).
     */
    static String csv(Campaigns.Stats stats) {
        StringBuilder out = new StringBuilder("variant,state,count\n");
        stats.states()
                .forEach((variant, states) -> states.forEach((state, n) -> out.append(variant)
                        .append(',')
                        .append(state)
                        .append(',')
                        .append(n)
                        .append('\n')));
        out.append("variant,reason,count\n");
        stats.reasons()
                .forEach((variant, reasons) -> reasons.forEach((reason, n) -> out.append(variant)
                        .append(',')
                        .append(reason)
                        .append(',')
                        .append(n)
                        .append('\n')));
        out.append("variant,delivery,count\n");
        stats.delivery()
                .forEach((variant, states) -> states.forEach((state, n) -> out.append(variant)
                        .append(',')
                        .append(state)
                        .append(',')
                        .append(n)
                        .append('\n')));
        out.append("variant,clicks,count\n");
        stats.clicks()
                .forEach((variant, clicks) -> new java.util.TreeMap<>(clicks)
                        .forEach((what, n) -> out.append(variant)
                                .append(',')
                                .append(what)
                                .append(',')
                                .append(n)
                                .append('\n')));
        out.append("variant,rewards,count\nall,rewards,")
                .append(stats.rewards())
                .append('\n');
        out.append("variant,conversion,count\n");
        stats.conversions()
                .forEach((variant, actions) -> actions.forEach((action, n) -> out.append(variant)
                        .append(',')
                        .append(action)
                        .append(',')
                        .append(n)
                        .append('\n')));
        return out.toString();
    }

    private static KycLevel kyc(String wire) {
        return List.of(KycLevel.values()).stream()
                .filter(k -> k.wireName().equals(wire))
                .findFirst()
                .orElseThrow(CampaignBodies::badSegment);
    }

    private static IllegalArgumentException badSegment() {
        return new IllegalArgumentException("segment_invalid");
    }

    private static LocalTime time(String hhmm) {
        if (hhmm == null || !hhmm.matches("([01]\\d|2[0-3]):[0-5]\\d")) {
            throw new IllegalArgumentException("quiet_hours_invalid");
        }
        return LocalTime.parse(hhmm);
    }
}
