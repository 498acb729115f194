package org.socialbank.console.alerts.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.socialbank.alerts.AlertSmsFailures;
import org.socialbank.console.Permission;
import org.socialbank.console.StaffAudit;
import org.socialbank.console.StaffMember;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The alert SMS that failed (review 2026-12-07 alerts follow-up), the latest first, a page at a
 * time: when, the customer's id, her phone masked, the alert's kind, the status and the reason;
 * never the SMS's text (it holds the amount). Supervisors only ({@code SUPERVISE}); each look is
 * audited, since the page names customers.
 */
@Controller
class AlertSmsFailurePages {

    /** Failures on one page. */
    static final int PAGE_SIZE = 50;

    private final AlertSmsFailures failures;
    private final StaffAudit audit;

    AlertSmsFailurePages(AlertSmsFailures failures, StaffAudit audit) {
        this.failures = failures;
        this.audit = audit;
    }

    @GetMapping("/console/alerts/sms-failures")
    String list(
            @AuthenticationPrincipal StaffMember who,
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String cursor,
            Model model) {
        who.require(Permission.SUPERVISE);
        Optional<LocalDate> day = day(since);
        Optional<AlertSmsFailures.Cursor> after =
                cursor == null ? Optional.empty() : AlertSmsFailures.Cursor.parse(cursor);
        Instant from = day.map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()).orElse(Instant.EPOCH);
        AlertSmsFailures.Page page = failures.page(from, after, PAGE_SIZE);
        model.addAttribute("failures", page.failures());
        model.addAttribute(
                "next", page.next().map(AlertSmsFailures.Cursor::token).orElse(null));
        model.addAttribute("since", day.map(LocalDate::toString).orElse(null));
        audit.record(who, "alerts.sms-failures.viewed", "since:" + from, "");
        return "console/alerts/sms-failures";
    }

    /** The day (UTC) the list starts from; a value that is not a date shows them all. */
    private static Optional<LocalDate> day(String since) {
        try {
            return since == null || since.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(since));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
