package org.socialbank.console.web;

import org.socialbank.console.Permission;
import org.socialbank.console.StaffAudit;
import org.socialbank.console.StaffMember;
import org.socialbank.console.staff.StaffAccounts;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.socialbank.shared.web.SeeOther;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.View;

/** The administrator's list of staff: names, roles, teams, languages, and who is locked out. */
@Controller
class StaffPages {

    private final StaffAccounts accounts;
    private final StaffAudit audit;

    StaffPages(StaffAccounts accounts, StaffAudit audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Lifts a lockout (after the person is known to be who they say, e.g. by phone); audited. */
    @PostMapping("/console/staff/{username}/unlock")
    View unlock(@AuthenticationPrincipal StaffMember who, @PathVariable String username) {
        who.require(Permission.STAFF);
        if (username.length() > 64 || !accounts.unlock(username)) {
            throw new IllegalArgumentException("There is no member of staff with that user name.");
        }
        audit.record(who, "staff.unlocked", "staff:" + username, "");
        return SeeOther.to("/console/staff");
    }

    @GetMapping("/console/staff")
    String list(@AuthenticationPrincipal StaffMember who, Model model) {
        who.require(Permission.STAFF);
        audit.record(who, "staff.listed", "console_staff", "");
        model.addAttribute("accounts", accounts.list());
        return "console/staff";
    }
}
