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

/** The campaigns API's bodies read into rules, and its problems' details. */
final class CampaignBodies {

    private static final Map<String, String> DETAILS = Map.ofEntries(
            Map.entry("weekly_cap_invalid", "weeklyCap is 1..50 marketing messages per chat account per week."),
            Map.entry("quiet_hours_invalid", "quietHours needs from and to as HH:mm, and they differ."),
            Map.entry("control_percent_invalid", "controlPercent is 0..50."),
            Map.entry(
                    "segment_invalid",
                    "segment.languages takes en, fr, ru, fa, zh; segment.kycLevels claim_only, basic, full; "
                            + "segment.products customer_wallet, customer_current, credit_card, points; segment.balance a "
                            + "money currency with minMinor <= maxMinor; segment.lastActivity withinDays or notWithinDays, "
                            + "1..3660."),
            Map.entry(
                    "send_at_invalid", "sendAt is a local date-time, yyyy-MM-ddTHH:mm, read in each recipient's zone."),
            Map.entry("link_invalid", "link is an absolute https address of at most 2000 characters."),
            Map.entry(
                    "reward_invalid",
                    "reward needs action (a transfer code such as bill) and withinDays 1..366, with either "
                            + "amountMinor 1..1000000 in a money currency (a cashback) or points 1..100000; a "
                            + "referral (refereeToo, perReferrerMax 1..50) needs the campaign's link."),
            Map.entry(
                    "buttons_too_many",
                    "buttons takes at most 3 buttons of your own (the Stop offers button is added to each message)."),
            Map.entry(
                    "button_label_invalid",
                    "Each button needs labels by language (en required, no line breaks), at most 20 characters "
                            + "for WhatsApp or a campaign to every network, 40 for the others."),
            Map.entry("button_link_invalid", "A button's url is an absolute https address of at most 2000 characters."),
            Map.entry(
                    "button_action_unknown",
                    "A button has either a url or an action, one of balance, history, pay, requests, limits, "
                            + "spending, account, branches."));

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
        if (body.reward() != null && body.reward().referral() != null && body.link() == null) {
            throw new IllegalArgumentException("reward_invalid"); // the referral travels as the tracked link
        }
        return new Campaigns.Definition(
                body.name(),
                channel,
                body.texts(),
                body.textsB(),
                rules,
                sendAt,
                body.link(),
                reward(body.reward()),
                buttons(body.buttons(), channel));
    }

    /**
     * The staff's own buttons, checked against the network's limits.
     *
     * @throws IllegalArgumentException with the stable code of what is wrong
     */
    static List<org.socialbank.campaigns.CampaignButton> buttons(
            List<CampaignsController.Button> wire, org.socialbank.shared.Network channel) {
        if (wire == null) {
            return List.of();
        }
        if (wire.size() > org.socialbank.campaigns.CampaignButton.BUTTONS_MAX) {
            throw new IllegalArgumentException("buttons_too_many");
        }
        List<org.socialbank.campaigns.CampaignButton> buttons = new java.util.ArrayList<>();
        for (CampaignsController.Button b : wire) {
            if (b == null
                    || b.labels() == null
                    || b.labels().containsKey(null)
                    || b.labels().containsValue(null)) {
                throw new IllegalArgumentException("button_label_invalid");
            }
            org.socialbank.campaigns.CampaignButton button =
                    new org.socialbank.campaigns.CampaignButton(b.labels(), b.url(), b.action());
            String problem = button.problem(channel);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            buttons.add(button);
        }
        return buttons;
    }

    /** A reward on the wire: {@code points} for a points reward, else the cashback's amount and currency. */
    static CampaignsController.Reward reward(org.socialbank.campaigns.CampaignReward r) {
        if (r == null) {
            return null;
        }
        CampaignsController.Referral referral = r.referral() == null
                ? null
                : new CampaignsController.Referral(
                        r.referral().refereeToo(), r.referral().perReferrerMax());
        return r.points()
                ? new CampaignsController.Reward(r.action(), null, null, r.withinDays(), r.amountMinor(), referral)
                : new CampaignsController.Reward(
                        r.action(), r.amountMinor(), r.currency().code(), r.withinDays(), null, referral);
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
        if (r.withinDays() == null || (r.points() == null) == (r.amountMinor() == null)) {
            throw new IllegalArgumentException("reward_invalid"); // points or a cashback, one of them
        }
        org.socialbank.campaigns.CampaignReward.Referral referral = r.referral() == null
                ? null
                : new org.socialbank.campaigns.CampaignReward.Referral(
                        Boolean.TRUE.equals(r.referral().refereeToo()),
                        r.referral().perReferrerMax() == null ? 5 : r.referral().perReferrerMax());
        if (r.points() != null) {
            if (r.currency() != null) {
                throw new IllegalArgumentException("reward_invalid");
            }
            return new org.socialbank.campaigns.CampaignReward(
                    r.action(), r.points(), org.socialbank.shared.CurrencyCode.POINTS, r.withinDays(), referral);
        }
        return new org.socialbank.campaigns.CampaignReward(
                r.action(),
                r.amountMinor(),
                org.socialbank.shared.CurrencyCode.find(r.currency())
                        .orElseThrow(() -> new IllegalArgumentException("reward_invalid")),
                r.withinDays(),
                referral);
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
