package org.socialbank.console.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.socialbank.console.Permission;
import org.socialbank.console.QueueFigures;
import org.socialbank.console.Role;
import org.socialbank.console.StaffAudit;
import org.socialbank.console.StaffMember;
import org.socialbank.console.dashboard.Dashboard;
import org.socialbank.console.dashboard.DashboardNumbers;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's home: who is signed in and, for the roles that may see it, the dashboard. */
@Controller
class HomePage {

    private final Dashboard dashboard;
    private final StaffAudit audit;

    HomePage(Dashboard dashboard, StaffAudit audit) {
        this.dashboard = dashboard;
        this.audit = audit;
    }

    @GetMapping({"/console", "/console/"})
    String home(@AuthenticationPrincipal StaffMember who, Model model) {
        model.addAttribute(
                "roles", who.roles().stream().sorted().map(Role::wireName).collect(Collectors.toList()));
        if (who.can(Permission.DASHBOARD)) {
            model.addAttribute("numbers", dashboard.read());
        }
        return "console/home";
    }

    /** The dashboard alone, which the home page fetches again every 30 seconds (htmx). */
    @GetMapping("/console/dashboard")
    String dashboard(@AuthenticationPrincipal StaffMember who, Model model) {
        who.require(Permission.DASHBOARD);
        model.addAttribute("numbers", dashboard.read());
        return "console/home :: dashboard";
    }

    /** The dashboard's numbers as CSV: section, two keys, a value. */
    @GetMapping("/console/dashboard.csv")
    void csv(@AuthenticationPrincipal StaffMember who, HttpServletResponse response) throws IOException {
        who.require(Permission.DASHBOARD);
        DashboardNumbers numbers = dashboard.read();
        audit.record(who, "dashboard.exported", "dashboard", "");
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"socialbank-dashboard.csv\"");
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        out.write(Csv.line(List.of("section", "key", "detail", "value")));
        for (DashboardNumbers.Conversations c : numbers.conversations()) {
            out.write(Csv.line(List.of("conversations", c.channel(), c.language(), c.total())));
            out.write(Csv.line(List.of("conversations_active_24h", c.channel(), c.language(), c.active24h())));
        }
        for (DashboardNumbers.Hour h : numbers.hours()) {
            out.write(Csv.line(List.of("payments_per_hour", h.start(), "all", h.payments())));
            out.write(Csv.line(List.of("payments_per_hour", h.start(), "completed", h.completed())));
            out.write(Csv.line(List.of("transfers_per_hour", h.start(), "posted", h.transfers())));
        }
        for (DashboardNumbers.Sends s : numbers.sends()) {
            out.write(Csv.line(List.of("sends", s.channel(), "pending", s.pending())));
            out.write(Csv.line(List.of("sends", s.channel(), "succeeded", s.succeeded())));
            out.write(Csv.line(List.of("sends", s.channel(), "failed", s.failed())));
            out.write(Csv.line(List.of("sends", s.channel(), "unknown", s.unknown())));
        }
        for (DashboardNumbers.Count a : numbers.alerts()) {
            out.write(Csv.line(List.of("alerts", a.key(), "", a.count())));
        }
        for (QueueFigures.Queue q : numbers.queues()) {
            String key = q.team() + "/" + q.language();
            out.write(Csv.line(List.of("queue", key, "waiting", q.waiting())));
            out.write(Csv.line(List.of("queue", key, "assigned", q.assigned())));
            out.write(Csv.line(List.of(
                    "queue", key, "longest_wait_seconds", q.longestWait().toSeconds())));
            out.write(Csv.line(List.of("queue", key, "first_response_breached", q.firstResponseBreached())));
            out.write(Csv.line(List.of("queue", key, "resolution_breached", q.resolutionBreached())));
        }
        out.write(Csv.line(List.of("handoffs_24h", "handed_over", "", numbers.handedOver24h())));
        out.write(Csv.line(List.of(
                "handoffs_24h",
                "rate_percent",
                "",
                numbers.handoffRatePercent().map(String::valueOf).orElse(""))));
    }
}
