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
            "segment_invalid", "segment.languages takes en, fr, ru, fa, zh; segment.kycLevels claim_only, basic, full.");

    private CampaignBodies() {
    }

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
        Set<Language> languages = segment == null || segment.languages() == null ? Set.of()
                : segment.languages().stream().map(t -> Language.fromTag(t).orElseThrow(CampaignBodies::badSegment))
                        .collect(Collectors.toSet());
        Set<KycLevel> kyc = segment == null || segment.kycLevels() == null ? Set.of()
                : segment.kycLevels().stream().map(CampaignBodies::kyc).collect(Collectors.toSet());
        return new CampaignRules(body.weeklyCap() == null ? d.weeklyCap() : body.weeklyCap(), from, to, languages, kyc,
                body.controlPercent() == null ? 0 : body.controlPercent());
    }

    /** {@code variant,state,count} rows, then {@code variant,reason,count} rows. */
    static String csv(Campaigns.Stats stats) {
        StringBuilder out = new StringBuilder("variant,state,count\n");
        stats.states().forEach((variant, states) -> states.forEach((state, n) -> out.append(variant).append(',')
                .append(state).append(',').append(n).append('\n')));
        out.append("variant,reason,count\n");
        stats.reasons().forEach((variant, reasons) -> reasons.forEach((reason, n) -> out.append(variant).append(',')
                .append(reason).append(',').append(n).append('\n')));
        return out.toString();
    }

    private static KycLevel kyc(String wire) {
        return List.of(KycLevel.values()).stream().filter(k -> k.wireName().equals(wire)).findFirst()
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
