package org.socialbank.console.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.campaigns.Campaign;
import org.socialbank.campaigns.CampaignButton;
import org.socialbank.campaigns.CampaignStatsCsv;
import org.socialbank.campaigns.Campaigns;
import org.socialbank.console.Permission;
import org.socialbank.console.StaffAudit;
import org.socialbank.console.StaffMember;
import org.socialbank.shared.Uuids;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A campaign's report for campaign managers (issue 17): its recipients per state, the presses of
 * its tracked link and of each of its own buttons (3.6), the rewards it granted (and those refused)
 * and who defined, approved, paused and resumed it (its audit), the statistics also as CSV
 * (audited as {@code campaign.exported}). Defining and approving stay in the campaigns API.
 */
@Controller
class CampaignPages {

    private final Campaigns campaigns;
    private final StaffAudit audit;

    CampaignPages(Campaigns campaigns, StaffAudit audit) {
        this.campaigns = campaigns;
        this.audit = audit;
    }

    /** One of the campaign's buttons with its presses over every variant. */
    record ButtonRow(int position, String label, String target, long recipients, long clicks) {}

    @GetMapping("/console/campaigns/{id}")
    String report(@AuthenticationPrincipal StaffMember who, @PathVariable String id, Model model) {
        who.require(Permission.CAMPAIGNS);
        Optional<UUID> parsed = Uuids.parse(id);
        Optional<Campaign> campaign = parsed.flatMap(campaigns::campaign);
        Optional<Campaigns.Stats> stats = parsed.flatMap(campaigns::stats);
        if (campaign.isEmpty() || stats.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("campaign", campaign.get());
        model.addAttribute("stats", stats.get());
        model.addAttribute("buttons", rows(campaign.get().buttons(), stats.get().buttons()));
        model.addAttribute(
                "refused",
                stats.get().rewardsRefused().values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
        model.addAttribute("audit", campaigns.audit(campaign.get().id()).orElse(List.of()));
        return "console/campaign";
    }

    /**
     * The statistics as CSV, as the campaigns API gives them ({@link CampaignStatsCsv}), for the
     * report's link: the console's cookie does not reach {@code /api} (review 2026-12-07 console #7).
     */
    @GetMapping("/console/campaigns/{id}/stats.csv")
    void csv(@AuthenticationPrincipal StaffMember who, @PathVariable String id, HttpServletResponse response)
            throws IOException {
        who.require(Permission.CAMPAIGNS);
        Campaigns.Stats stats = Uuids.parse(id)
                .flatMap(campaigns::stats)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        audit.record(who, "campaign.exported", "campaign:" + stats.campaignId(), "");
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"socialbank-campaign-" + stats.campaignId() + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(CampaignStatsCsv.of(stats));
    }

    /** Each button's presses, summed over the variants ({@code <position>.recipients}, {@code <position>.clicks}). */
    static List<ButtonRow> rows(List<CampaignButton> buttons, Map<String, Map<String, Long>> presses) {
        List<ButtonRow> rows = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i++) {
            int position = i + 1;
            CampaignButton b = buttons.get(i);
            rows.add(new ButtonRow(
                    position,
                    b.label("en"),
                    b.url() != null ? b.url() : b.action(),
                    sum(presses, position + ".recipients"),
                    sum(presses, position + ".clicks")));
        }
        return rows;
    }

    private static long sum(Map<String, Map<String, Long>> presses, String key) {
        return presses.values().stream().mapToLong(m -> m.getOrDefault(key, 0L)).sum();
    }
}
