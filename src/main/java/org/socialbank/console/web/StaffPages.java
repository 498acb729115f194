package org.socialbank.console.web;

import org.socialbank.console.Permission;
import org.socialbank.console.StaffAudit;
import org.socialbank.console.StaffMember;
import org.socialbank.console.staff.StaffAccounts;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrator's list of staff: names, roles, teams, languages, and who is locked out. */
@Controller
class StaffPages {

    private final StaffAccounts accounts;
    private final StaffAudit audit;

    StaffPages(StaffAccounts accounts, StaffAudit audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @GetMapping("/console/staff")
    String list(@AuthenticationPrincipal StaffMember who, Model model) {
        who.require(Permission.STAFF);
        audit.record(who, "staff.listed", "console_staff", "");
        model.addAttribute("accounts", accounts.list());
        return "console/staff";
    }
}
