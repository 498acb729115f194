package org.socialbank.console.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.socialbank.console.Permission;
import org.socialbank.console.Role;
import org.socialbank.console.StaffAudit;
import org.socialbank.console.StaffMember;
import org.socialbank.console.staff.StaffAccounts;
import org.socialbank.console.staff.StaffChanges;
import org.socialbank.console.staff.StaffResult;
import org.socialbank.security.otp.OtpAuthUri;
import org.socialbank.security.otp.QrCodes;
import org.socialbank.shared.Language;
import org.socialbank.shared.web.BadRequest;
import org.socialbank.shared.web.SeeOther;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.View;

/**
 * The administrator's staff pages (issue 19): the list with who is locked out, a new account
 * (its first password and authenticator secret shown once), an account's name, roles, teams and
 * languages, a new authenticator, disable and enable. Every action and its row in the staff audit
 * are one transaction: when the append fails, the change is undone too (no account created whose
 * first password nobody saw, no change without its row).
 */
@Controller
class StaffPages {

    static final List<String> LANGUAGES = Language.tags();
    /** What the authenticator app shows above the codes. */
    static final String ISSUER = "socialbank console";

    private final StaffAccounts accounts;
    private final StaffChanges changes;
    private final StaffAudit audit;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    StaffPages(
            StaffAccounts accounts,
            StaffChanges changes,
            StaffAudit audit,
            MessageSource messages,
            PlatformTransactionManager transactionManager) {
        this.accounts = accounts;
        this.changes = changes;
        this.audit = audit;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Lifts a lockout (after the person is known to be who they say, e.g. by phone); audited. */
    @PostMapping("/console/staff/{username}/unlock")
    View unlock(@AuthenticationPrincipal StaffMember who, @PathVariable String username) {
        who.require(Permission.STAFF);
        boolean unlocked = username.length() <= 64
                && Boolean.TRUE.equals(transactions.execute(status -> {
                    boolean found = accounts.unlock(username);
                    if (found) {
                        audit.record(who, "staff.unlocked", "staff:" + username, "");
                    }
                    return found;
                }));
        if (!unlocked) {
            throw new BadRequest("There is no member of staff with that user name.");
        }
        return SeeOther.to("/console/staff");
    }

    @GetMapping("/console/staff")
    String list(@AuthenticationPrincipal StaffMember who, Model model) {
        who.require(Permission.STAFF);
        audit.record(who, "staff.listed", "console_staff", "");
        model.addAttribute("accounts", accounts.list());
        return "console/staff";
    }

    @GetMapping("/console/staff/new")
    String newForm(@AuthenticationPrincipal StaffMember who, Model model) {
        who.require(Permission.STAFF);
        return form(model, null, null);
    }

    @PostMapping("/console/staff")
    String create(
            @AuthenticationPrincipal StaffMember who,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(required = false) List<String> roles,
            @RequestParam(defaultValue = "") String teams,
            @RequestParam(required = false) List<String> languages,
            Model model) {
        who.require(Permission.STAFF);
        StaffChanges.Form form = form(displayName, roles, teams, languages);
        StaffResult result = audited(
                who, "staff.created", StaffResult.Done::change, () -> changes.create(bounded(username, 64), form));
        if (result instanceof StaffResult.Refused refused) {
            model.addAttribute("username", bounded(username, 64));
            return form(model, null, refused.code().code());
        }
        return secret(model, (StaffResult.Done) result, true);
    }

    @GetMapping("/console/staff/{username}")
    String editForm(@AuthenticationPrincipal StaffMember who, @PathVariable String username, Model model) {
        who.require(Permission.STAFF);
        return form(model, listed(username), null);
    }

    @PostMapping("/console/staff/{username}")
    String update(
            @AuthenticationPrincipal StaffMember who,
            @PathVariable String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(required = false) List<String> roles,
            @RequestParam(defaultValue = "") String teams,
            @RequestParam(required = false) List<String> languages,
            Model model) {
        who.require(Permission.STAFF);
        StaffAccounts.Listed account = listed(username);
        StaffChanges.Form form = form(displayName, roles, teams, languages);
        StaffResult result =
                audited(who, "staff.updated", StaffResult.Done::change, () -> changes.update(who, username, form));
        if (result instanceof StaffResult.Refused refused) {
            return form(model, account, refused.code().code());
        }
        return "redirect:/console/staff/" + username + "?saved";
    }

    /** A new authenticator secret, shown once; the old one stops working and the person's sessions end. */
    @PostMapping("/console/staff/{username}/authenticator")
    String resetAuthenticator(@AuthenticationPrincipal StaffMember who, @PathVariable String username, Model model) {
        who.require(Permission.STAFF);
        listed(username);
        StaffResult result =
                audited(who, "staff.authenticator-reset", done -> "", () -> changes.resetAuthenticator(username));
        if (result instanceof StaffResult.Refused) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return secret(model, (StaffResult.Done) result, false);
    }

    /** Disables an account: its sessions end at once and it cannot sign in; the rows and the audit stay. */
    @PostMapping("/console/staff/{username}/disable")
    String disable(@AuthenticationPrincipal StaffMember who, @PathVariable String username, Model model) {
        return setActive(who, username, false, model);
    }

    @PostMapping("/console/staff/{username}/enable")
    String enable(@AuthenticationPrincipal StaffMember who, @PathVariable String username, Model model) {
        return setActive(who, username, true, model);
    }

    private String setActive(StaffMember who, String username, boolean active, Model model) {
        who.require(Permission.STAFF);
        StaffAccounts.Listed account = listed(username);
        StaffResult result = audited(
                who,
                active ? "staff.enabled" : "staff.disabled",
                done -> "",
                () -> changes.setActive(who, username, active));
        if (result instanceof StaffResult.Refused refused) {
            return form(model, account, refused.code().code());
        }
        return "redirect:/console/staff/" + username + "?saved";
    }

    /**
     * Runs a change and, when it is done, its audit row ({@code why} from the change) in one
     * transaction: the change commits with its row or not at all.
     */
    private StaffResult audited(
            StaffMember who, String action, Function<StaffResult.Done, String> why, Supplier<StaffResult> change) {
        return transactions.execute(status -> {
            StaffResult result = change.get();
            if (result instanceof StaffResult.Done done) {
                audit.record(who, action, "staff:" + done.username(), why.apply(done));
            }
            return result;
        });
    }

    private StaffAccounts.Listed listed(String username) {
        return accounts.list().stream()
                .filter(a -> a.member().username().equals(username))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String form(Model model, StaffAccounts.Listed account, String refused) {
        model.addAttribute("account", account);
        model.addAttribute(
                "heldRoles",
                account == null
                        ? List.of()
                        : account.member().roles().stream().map(Role::wireName).toList());
        model.addAttribute(
                "allRoles", Arrays.stream(Role.values()).map(Role::wireName).toList());
        model.addAttribute("allLanguages", LANGUAGES);
        model.addAttribute("refused", refused);
        return "console/staff-form";
    }

    /**
     * The handover page; the secret also as a QR code of its otpauth URI (drawn here, in-process),
     * which the new member of staff scans with their authenticator app instead of typing 32 letters.
     */
    private String secret(Model model, StaffResult.Done done, boolean created) {
        model.addAttribute("username", done.username());
        model.addAttribute("password", done.password().orElse(null));
        model.addAttribute("secret", done.secret().map(s -> s.base32()).orElse(null));
        String label = messages.getMessage("console.staff.qr", null, LocaleContextHolder.getLocale());
        model.addAttribute(
                "qr",
                done.secret()
                        .map(s -> QrCodes.svg(
                                OtpAuthUri.of(ISSUER, done.username(), s).value(), label))
                        .orElse(null));
        model.addAttribute("created", created);
        return "console/staff-secret";
    }

    private static StaffChanges.Form form(
            String displayName, List<String> roles, String teams, List<String> languages) {
        Set<Role> held = EnumSet.noneOf(Role.class);
        for (String role : roles == null ? List.<String>of() : roles) {
            Arrays.stream(Role.values()).filter(r -> r.wireName().equals(role)).forEach(held::add);
        }
        List<String> teamList = Arrays.stream(
                        bounded(teams, 600).toLowerCase(Locale.ROOT).split("[,\\s]+"))
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
        List<String> languageList = languages == null
                ? List.of()
                : languages.stream().distinct().limit(10).toList();
        return new StaffChanges.Form(bounded(displayName, 200), held, teamList, languageList);
    }

    private static String bounded(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
