package org.socialbank.console.listening.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.socialbank.console.StaffAudit;
import org.socialbank.console.StaffMember;
import org.socialbank.console.web.Csv;
import org.socialbank.listening.Listening;
import org.socialbank.listening.cases.CaseStatus;
import org.socialbank.listening.cases.Cases;
import org.socialbank.listening.cases.SpikeAlert;
import org.socialbank.listening.cases.SpikeAlerts;
import org.socialbank.shared.Uuids;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Spike alerts (open ones first, with their explanation and an acknowledge button; "look now"
 * raises what the scheduled scan would) and the reputation dashboard with its CSV.
 */
@Controller
class ReputationPages {

    static final int ALERTS = 50;
    static final int DASHBOARD_DAYS_MAX = 31;

    private final SpikeAlerts alerts;
    private final Listening listening;
    private final Cases cases;
    private final StaffAudit audit;
    private final TransactionTemplate transactions;

    ReputationPages(
            SpikeAlerts alerts,
            Listening listening,
            Cases cases,
            StaffAudit audit,
            PlatformTransactionManager transactionManager) {
        this.alerts = alerts;
        this.listening = listening;
        this.cases = cases;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @GetMapping("/console/listening/spikes")
    String spikes(@AuthenticationPrincipal StaffMember who, Model model) {
        SocialCare.requireRead(who, cases.defaultTeam());
        List<SpikeAlert> newest = alerts.newest(false, ALERTS);
        model.addAttribute("open", newest.stream().filter(SpikeAlert::open).toList());
        model.addAttribute("seen", newest.stream().filter(a -> !a.open()).toList());
        return "console/listening/spikes";
    }

    @PostMapping("/console/listening/spikes/scan")
    String scan(@AuthenticationPrincipal StaffMember who) {
        SocialCare.requireAct(who, cases.defaultTeam());
        int raised = alerts.raise().size();
        transactions.executeWithoutResult(
                s -> audit.record(who, "listening.spikes.scanned", "spike_alerts", raised + " raised"));
        return "redirect:/console/listening/spikes";
    }

    @PostMapping("/console/listening/spikes/{id}/acknowledge")
    String acknowledge(@AuthenticationPrincipal StaffMember who, @PathVariable String id) {
        SocialCare.requireAct(who, cases.defaultTeam());
        UUID alert = Uuids.parse(id)
                .orElseThrow(() -> BadListeningRequest.notFound("alert_not_found", "no spike alert " + id));
        Boolean done = transactions.execute(s -> {
            boolean ok = alerts.acknowledge(alert, who.username());
            if (ok) {
                audit.record(who, "listening.spike.acknowledged", "spike_alert:" + alert, "");
            }
            return ok;
        });
        if (!Boolean.TRUE.equals(done)) {
            throw BadListeningRequest.notFound("alert_not_found", "no open spike alert " + id);
        }
        return "redirect:/console/listening/spikes";
    }

    @GetMapping("/console/listening/dashboard")
    String dashboard(
            @AuthenticationPrincipal StaffMember who, @RequestParam(defaultValue = "7") String days, Model model) {
        SocialCare.requireRead(who, cases.defaultTeam());
        model.addAttribute("reputation", reputation(days));
        model.addAttribute("days", days);
        model.addAttribute("now", cases.now());
        return "console/listening/dashboard";
    }

    @GetMapping("/console/listening/dashboard.csv")
    void csv(
            @AuthenticationPrincipal StaffMember who,
            @RequestParam(defaultValue = "7") String days,
            HttpServletResponse response)
            throws IOException {
        SocialCare.requireRead(who, cases.defaultTeam());
        Reputation reputation = reputation(days);
        transactions.executeWithoutResult(s -> audit.record(
                who,
                "listening.dashboard.exported",
                "listening_dashboard " + reputation.from() + "/" + reputation.to(),
                ""));
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"socialbank-reputation.csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = response.getWriter();
        out.write(Csv.line(List.of(
                "section", "day", "key", "total", "negative", "positive", "share_negative", "net_sentiment", "reach")));
        for (List<Object> row : reputation.csvRows()) {
            out.write(Csv.line(row));
        }
    }

    private Reputation reputation(String days) {
        int d = MentionPages.days(days);
        if (d > DASHBOARD_DAYS_MAX) {
            throw BadListeningRequest.invalid("days is 1.." + DASHBOARD_DAYS_MAX + " on the dashboard");
        }
        return Reputation.of(listening, cases.now(), d, cases.list(CaseStatus.OPEN, CasePages.LIMIT));
    }
}
