package org.socialbank.console.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.socialbank.console.Permission;
import org.socialbank.console.StaffMember;
import org.socialbank.console.audit.AuditLog;
import org.socialbank.console.audit.AuditRow;
import org.socialbank.console.audit.ChainCheck;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditors' pages: the chain verified from its first row at every visit, the newest rows a
 * page at a time, and the whole log as CSV. Looking and exporting are audited too.
 */
@Controller
class AuditPages {

    static final int PAGE = 50;

    private final AuditLog audit;

    AuditPages(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/console/audit")
    String page(@AuthenticationPrincipal StaffMember who, @RequestParam(required = false) Long before, Model model) {
        who.require(Permission.AUDIT);
        ChainCheck check = audit.verify();
        audit.record(who, "audit.verified", "console_audit", describe(check));
        model.addAttribute("check", check);
        List<AuditRow> rows = audit.newest(PAGE, before);
        model.addAttribute("rows", rows);
        if (rows.size() == PAGE && rows.get(rows.size() - 1).seq() > 1) {
            model.addAttribute("older", rows.get(rows.size() - 1).seq());
        }
        return "console/audit";
    }

    @GetMapping("/console/audit.csv")
    void csv(@AuthenticationPrincipal StaffMember who, HttpServletResponse response) throws IOException {
        who.require(Permission.AUDIT);
        audit.record(who, "audit.exported", "console_audit", "");
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"socialbank-staff-audit.csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = response.getWriter();
        out.write(Csv.line(
                List.of("seq", "recorded_at", "who_id", "who_name", "what", "subject", "why", "prev_hash", "hash")));
        audit.forEach(row -> {
            try {
                out.write(Csv.line(Arrays.asList(
                        row.seq(),
                        row.recordedAt(),
                        row.whoId(),
                        row.whoName(),
                        row.what(),
                        row.subject(),
                        row.why(),
                        row.prevHash(),
                        row.hash())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static String describe(ChainCheck check) {
        if (check instanceof ChainCheck.Intact i) {
            return "intact: " + i.rows() + " rows, head " + i.headHash();
        }
        ChainCheck.Broken b = (ChainCheck.Broken) check;
        return "broken at row " + b.seq() + ": " + b.problem();
    }
}
