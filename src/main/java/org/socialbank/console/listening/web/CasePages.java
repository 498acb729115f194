package org.socialbank.console.listening.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.socialbank.console.StaffAudit;
import org.socialbank.console.StaffMember;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.Directory;
import org.socialbank.listening.Mention;
import org.socialbank.listening.Mentions;
import org.socialbank.listening.cases.Case;
import org.socialbank.listening.cases.CaseId;
import org.socialbank.listening.cases.CaseResult;
import org.socialbank.listening.cases.CaseStatus;
import org.socialbank.listening.cases.Cases;
import org.socialbank.listening.cases.PrivateReplies;
import org.springframework.dao.DuplicateKeyException;
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
 * Cases in the console: the list with deadlines (overdue ones marked), and a case's page with its
 * mention, the linked customer's masked context, notes and public replies; take, note, reply and
 * close, each audited in the transaction of the action.
 */
@Controller
class CasePages {

    static final int LIMIT = 200;
    /** The refusals of a hand-over to a person (the handoff module's button posts, then comes back here). */
    static final java.util.Set<String> HANDOVER_REFUSALS =
            java.util.Set.of("case_not_found", "case_closed", "handed_over", "no_handover_chat", "handoff_refused");

    private final Cases cases;
    private final PrivateReplies privately;
    private final Mentions mentions;
    private final Directory directory;
    private final ChannelIdentities identities;
    private final StaffAudit audit;
    private final TransactionTemplate transactions;

    CasePages(
            Cases cases,
            PrivateReplies privately,
            Mentions mentions,
            Directory directory,
            ChannelIdentities identities,
            StaffAudit audit,
            PlatformTransactionManager transactionManager) {
        this.cases = cases;
        this.privately = privately;
        this.mentions = mentions;
        this.directory = directory;
        this.identities = identities;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @GetMapping("/console/listening/cases")
    String list(
            @AuthenticationPrincipal StaffMember who, @RequestParam(defaultValue = "open") String status, Model model) {
        SocialCare.requireRead(who, cases.defaultTeam());
        CaseStatus s = "all".equals(status)
                ? null
                : CaseStatus.fromWireName(status)
                        .orElseThrow(() -> BadListeningRequest.invalid("status is open, answered, closed or all"));
        model.addAttribute("cases", cases.list(s, LIMIT));
        model.addAttribute("now", cases.now());
        model.addAttribute("status", status);
        model.addAttribute("statuses", Arrays.asList("open", "answered", "closed", "all"));
        return "console/listening/cases";
    }

    /** {@code refused}: why the last hand-over did not happen (a code, shown as a sentence). */
    @GetMapping("/console/listening/cases/{id}")
    String page(
            @AuthenticationPrincipal StaffMember who,
            @PathVariable String id,
            @RequestParam(required = false) String refused,
            Model model) {
        if (refused != null && HANDOVER_REFUSALS.contains(refused)) {
            model.addAttribute("rejected", refused);
        }
        return page(who, id, model);
    }

    private String page(StaffMember who, String id, Model model) {
        SocialCare.requireRead(who, cases.defaultTeam());
        Case c = found(id);
        Mention mention = mentions.find(c.mentionId()).orElseThrow();
        Optional<CustomerContext> customer = transactions.execute(status -> mention.customer()
                .flatMap(cid -> directory.customer(cid).map(view -> {
                    audit.record(
                            who,
                            "listening.case.customer-viewed",
                            "case:" + c.id().value() + " customer:" + cid.value() + " masked",
                            "");
                    return CustomerContext.of(view, identities.linkedChats(cid, Locale.ROOT));
                })));
        model.addAttribute("kase", c);
        model.addAttribute("mention", mention);
        model.addAttribute("customer", customer.orElse(null));
        model.addAttribute("notes", cases.notes(c.id()));
        model.addAttribute("replies", cases.replies(c.id()));
        model.addAttribute("overdue", c.overdue(cases.now()));
        model.addAttribute("sender", cases.publicSender(mention).orElse(null));
        model.addAttribute("privateRoute", privately.route(mention).orElse(null));
        model.addAttribute("privateMessages", privately.messages(c.id()));
        model.addAttribute("handoff", cases.handoffOf(c.id()).orElse(null));
        // the reply and message forms send it: a second press of the same form sends nothing more
        model.addAttribute("clientId", UUID.randomUUID().toString());
        return "console/listening/case";
    }

    @PostMapping("/console/listening/cases/{id}/take")
    String take(@AuthenticationPrincipal StaffMember who, @PathVariable String id, Model model) {
        return act(who, id, "listening.case.taken", "", c -> cases.assign(c, who.username()), model);
    }

    @PostMapping("/console/listening/cases/{id}/note")
    String note(
            @AuthenticationPrincipal StaffMember who,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String text,
            Model model) {
        return act(who, id, "listening.case.noted", "", c -> cases.note(c, who.username(), text), model);
    }

    /** Once per {@code clientId} (the page's): a double click or a resubmitted form sends nothing more. */
    @PostMapping("/console/listening/cases/{id}/reply")
    String reply(
            @AuthenticationPrincipal StaffMember who,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String clientId,
            @RequestParam(defaultValue = "") String text,
            Model model) {
        requireClientId(who, clientId);
        model.addAttribute("draft", text);
        return act(who, id, "listening.case.replied", "", c -> cases.reply(c, who.username(), clientId, text), model);
    }

    /**
     * A private message: to the linked customer's chat, or by X direct message to an unlinked
     * author; once per {@code clientId}, as a reply.
     */
    @PostMapping("/console/listening/cases/{id}/message")
    String message(
            @AuthenticationPrincipal StaffMember who,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String clientId,
            @RequestParam(defaultValue = "") String text,
            Model model) {
        requireClientId(who, clientId);
        model.addAttribute("privateDraft", text);
        return act(
                who, id, "listening.case.messaged", "", c -> privately.send(c, who.username(), clientId, text), model);
    }

    /** After the right to act (a reader without it is refused 403 whatever they sent). */
    private void requireClientId(StaffMember who, String clientId) {
        SocialCare.requireAct(who, cases.defaultTeam());
        if (!Cases.validClientId(clientId)) {
            throw BadListeningRequest.invalid("clientId is 1..64 letters, digits and . _ : -");
        }
    }

    @PostMapping("/console/listening/cases/{id}/close")
    String close(
            @AuthenticationPrincipal StaffMember who,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String reason,
            Model model) {
        return act(who, id, "listening.case.closed", reason, c -> cases.close(c, who.username()), model);
    }

    /**
     * Runs an action and its audit row in one transaction; done: back to the case (303); refused:
     * the case again with the reason (and the draft reply, to fix it).
     */
    private String act(
            StaffMember who, String id, String action, String reason, Function<CaseId, CaseResult> work, Model model) {
        SocialCare.requireAct(who, cases.defaultTeam());
        CaseId caseId = found(id).id();
        CaseResult result;
        try {
            result = transactions.execute(status -> {
                CaseResult r = work.apply(caseId);
                if (r instanceof CaseResult.Done) {
                    audit.record(who, action, "case:" + caseId.value(), reason);
                }
                return r;
            });
        } catch (DuplicateKeyException sameClientId) {
            // a repeat of a reply's client id raced the first: the first one's reply (and audit row) stands
            return "redirect:/console/listening/cases/" + caseId.value();
        }
        if (result instanceof CaseResult.Rejected rejected) {
            model.addAttribute("rejected", rejected.code());
            return page(who, id, model);
        }
        return "redirect:/console/listening/cases/" + caseId.value();
    }

    private Case found(String id) {
        return CaseId.parse(id)
                .flatMap(cases::find)
                .orElseThrow(() -> BadListeningRequest.notFound("case_not_found", "no case " + id));
    }
}
