package org.socialbank.handoff.web;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.socialbank.console.Permission;
import org.socialbank.console.StaffAudit;
import org.socialbank.console.StaffMember;
import org.socialbank.directory.IdentityId;
import org.socialbank.handoff.AgentId;
import org.socialbank.handoff.AgentReplies;
import org.socialbank.handoff.CaseId;
import org.socialbank.handoff.HandoffCase;
import org.socialbank.handoff.HandoffRefusal;
import org.socialbank.handoff.HandoffResult;
import org.socialbank.handoff.HandoffViews;
import org.socialbank.handoff.Handoffs;
import org.socialbank.payments.PayForms;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.web.BadRequest;
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

/**
 * The agents' pages (issue 19) under {@code /console/conversations}: the queue of their teams
 * (refreshed by htmx every few seconds), a case with its transcript, the customer's masked context
 * and the reply box, and the actions. The console's filter lets in only staff with
 * {@code CONVERSATIONS}; every action is checked again here and in the handoff services (the
 * agent's teams, the case's agent), and written to the staff audit in the same transaction: a
 * reply or a pay-form goes to the customer through the outbox, so when the audit append fails,
 * nothing is sent and nothing changed.
 */
@Controller
class ConversationPages {

    /** A new agent's capacity: conversations at once. */
    static final int CAPACITY_DEFAULT = 5;

    /** The longest reason for a reveal or a take-over from the bot, in characters. */
    static final int REASON_MAX = 200;

    private final Handoffs handoffs;
    private final AgentReplies replies;
    private final HandoffViews views;
    private final CustomerContext customers;
    private final StaffAudit audit;
    private final TransactionTemplate transactions;

    ConversationPages(
            Handoffs handoffs,
            AgentReplies replies,
            HandoffViews views,
            CustomerContext customers,
            StaffAudit audit,
            PlatformTransactionManager transactionManager) {
        this.handoffs = handoffs;
        this.replies = replies;
        this.views = views;
        this.customers = customers;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** An agent a case can go to. */
    record Colleague(String id, String name) {}

    @GetMapping("/console/conversations")
    String queue(@AuthenticationPrincipal StaffMember who, Model model) {
        AgentId agent = enrol(who);
        model.addAttribute("entries", views.queue(agent));
        model.addAttribute("me", views.agent(agent).orElseThrow());
        model.addAttribute("agent", agent);
        return "console/conversations/queue";
    }

    /** The queue's table alone, for htmx's polling. */
    @GetMapping("/console/conversations/list")
    String list(@AuthenticationPrincipal StaffMember who, Model model) {
        AgentId agent = enrol(who);
        model.addAttribute("entries", views.queue(agent));
        model.addAttribute("me", views.agent(agent).orElseThrow());
        model.addAttribute("agent", agent);
        return "console/conversations/queue :: list";
    }

    /** Conversations the bot is answering (active in the last day), which an agent may take over. */
    @GetMapping("/console/conversations/bot")
    String bot(@AuthenticationPrincipal StaffMember who, @RequestParam(required = false) String refused, Model model) {
        AgentId agent = enrol(who);
        model.addAttribute("conversations", views.botConversations());
        model.addAttribute(
                "teams",
                views.agent(agent)
                        .map(a -> a.teams().stream().sorted().toList())
                        .orElse(List.of()));
        model.addAttribute("hours", HandoffViews.BOT_ACTIVE_HOURS);
        model.addAttribute("refused", refused != null && refused.matches("[a-z_]{1,32}") ? refused : null);
        return "console/conversations/bot";
    }

    /**
     * The agent takes a conversation from the bot: a case of one of their teams, assigned to them.
     * The customer did not ask for a person and the case page shows her last movements, so a
     * reason (1..{@value #REASON_MAX} characters) is required and written to the audit (review
     * 2026-12-07 handoff follow-up).
     */
    @PostMapping("/console/conversations/bot/{identity}/take")
    String takeFromBot(
            @AuthenticationPrincipal StaffMember who,
            @PathVariable UUID identity,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String reason) {
        AgentId agent = enrol(who);
        if (reason == null || reason.isBlank() || reason.strip().length() > REASON_MAX) {
            return "redirect:/console/conversations/bot?refused=" + HandoffRefusal.REASON_REQUIRED.code();
        }
        HandoffResult result = transactions.execute(status -> {
            HandoffResult r = handoffs.takeOver(agent, new IdentityId(identity), team);
            if (r instanceof HandoffResult.Done done) {
                audit.record(
                        who,
                        "conversation.take-over",
                        "conversation:" + done.caseId().value(),
                        "taken from the bot: "
                                + org.socialbank.shared.Secrets.screen(reason.strip())
                                        .text());
            }
            return r;
        });
        if (result instanceof HandoffResult.Refused refusal) {
            return "redirect:/console/conversations/bot?refused="
                    + refusal.code().code();
        }
        return "redirect:/console/conversations/"
                + ((HandoffResult.Done) result).caseId().value();
    }

    @PostMapping("/console/conversations/available")
    String available(@AuthenticationPrincipal StaffMember who, @RequestParam boolean available) {
        AgentId agent = enrol(who);
        transactions.executeWithoutResult(status -> {
            handoffs.setAvailable(agent, available);
            audit.record(who, available ? "conversation.available" : "conversation.away", "agent:" + agent.value(), "");
        });
        return "redirect:/console/conversations";
    }

    @GetMapping("/console/conversations/{id}")
    String view(
            @AuthenticationPrincipal StaffMember who,
            @PathVariable UUID id,
            @RequestParam(required = false) String refused,
            Model model) {
        AgentId agent = enrol(who);
        CaseId caseId = new CaseId(id);
        HandoffCase handoff = views.find(caseId)
                .filter(c -> who.inTeam(c.team()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        audit.record(who, "conversation.viewed", "conversation:" + id, "");
        model.addAttribute("handoff", handoff);
        model.addAttribute("agent", agent);
        model.addAttribute("mine", handoff.agent().filter(agent::equals).isPresent());
        model.addAttribute("lines", views.transcript(agent, caseId).orElse(List.of()));
        model.addAttribute("olderLines", views.olderLines(caseId));
        model.addAttribute("window", replies.window(caseId));
        model.addAttribute(
                "customer", customers.of(handoff.identity(), handoff.language().locale(), false));
        model.addAttribute("canned", canned(agent, caseId));
        model.addAttribute("templates", AgentReplies.TEMPLATES);
        model.addAttribute(
                "colleagues",
                views.agentsOf(handoff.team()).stream()
                        .filter(a -> !a.id().equals(agent))
                        .map(a -> new Colleague(
                                a.id().value(), views.displayName(a.id()).orElse(a.id().value())))
                        .toList());
        model.addAttribute("supervisor", who.can(Permission.SUPERVISE));
        model.addAttribute("clientId", UUID.randomUUID().toString());
        model.addAttribute("refused", refused);
        return "console/conversations/case";
    }

    /** Shows the customer's full name and aliases once, with a reason, audited. */
    @PostMapping("/console/conversations/{id}/reveal")
    String reveal(
            @AuthenticationPrincipal StaffMember who, @PathVariable UUID id, @RequestParam String reason, Model model) {
        who.require(Permission.REVEAL_CUSTOMER_DATA);
        if (reason.isBlank() || reason.length() > REASON_MAX) {
            return "redirect:/console/conversations/" + id + "?refused=invalid";
        }
        String page = view(who, id, null, model);
        HandoffCase handoff = (HandoffCase) model.getAttribute("handoff");
        audit.record(
                who,
                "customer.reveal",
                "conversation:" + id + " customer",
                org.socialbank.shared.Secrets.screen(reason.strip()).text());
        model.addAttribute(
                "customer", customers.of(handoff.identity(), handoff.language().locale(), true));
        return page;
    }

    @PostMapping("/console/conversations/{id}/take")
    String take(@AuthenticationPrincipal StaffMember who, @PathVariable UUID id) {
        AgentId agent = enrol(who);
        HandoffCase handoff = inMyTeam(who, id);
        return done(who, id, "conversation.take-over", "", () -> handoffs.takeOver(agent, handoff.identity()));
    }

    @PostMapping("/console/conversations/{id}/reply")
    String reply(
            @AuthenticationPrincipal StaffMember who,
            @PathVariable UUID id,
            @RequestParam String clientId,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String template) {
        AgentId agent = enrol(who);
        boolean templated = template != null && !template.isBlank();
        if (templated && text != null && !text.isBlank()) {
            // a template chosen over typed text would send what the agent did not mean (review 2026-12-07 handoff
            // follow-up)
            return "redirect:/console/conversations/" + id + "?refused=" + HandoffRefusal.TEMPLATE_AND_TEXT.code();
        }
        return done(
                who,
                id,
                "conversation.reply",
                "",
                () -> templated
                        ? replies.template(agent, new CaseId(id), clientId, template)
                        : replies.reply(agent, new CaseId(id), clientId, text == null ? "" : text));
    }

    /** A payment form filled in for the customer to check and confirm (the amount as typed, "12.50"). */
    @PostMapping("/console/conversations/{id}/pay-form")
    String payForm(
            @AuthenticationPrincipal StaffMember who,
            @PathVariable UUID id,
            @RequestParam String clientId,
            @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String currency) {
        Optional<CurrencyCode> code = PayForms.currency(currency);
        long minor = code.flatMap(c -> PayForms.minor(amount, c)).orElse(0L);
        AgentId agent = enrol(who);
        return done(
                who,
                id,
                "conversation.pay-form",
                "",
                () -> replies.payForm(
                        agent,
                        new CaseId(id),
                        clientId,
                        to,
                        minor,
                        code.map(CurrencyCode::code).orElse("")));
    }

    @PostMapping("/console/conversations/{id}/note")
    String note(@AuthenticationPrincipal StaffMember who, @PathVariable UUID id, @RequestParam String text) {
        AgentId agent = enrol(who);
        return done(who, id, "conversation.note", "", () -> replies.note(agent, new CaseId(id), text));
    }

    @PostMapping("/console/conversations/{id}/label")
    String label(@AuthenticationPrincipal StaffMember who, @PathVariable UUID id, @RequestParam String label) {
        AgentId agent = enrol(who);
        return done(who, id, "conversation.label", "", () -> replies.label(agent, new CaseId(id), label.strip()));
    }

    @PostMapping("/console/conversations/{id}/transfer")
    String transfer(
            @AuthenticationPrincipal StaffMember who,
            @PathVariable UUID id,
            @RequestParam(required = false) String toAgent,
            @RequestParam(required = false) String toTeam) {
        AgentId agent = enrol(who);
        Optional<AgentId> colleague = toAgent != null && !toAgent.isBlank()
                ? Optional.of(BadRequest.whenRefused(() -> new AgentId(toAgent)))
                : Optional.empty();
        return done(
                who,
                id,
                "conversation.transfer",
                "",
                () -> colleague.isPresent()
                        ? handoffs.transferToAgent(agent, new CaseId(id), colleague.get())
                        : handoffs.transferToTeam(agent, new CaseId(id), toTeam == null ? "" : toTeam.strip()));
    }

    @PostMapping("/console/conversations/{id}/snooze")
    String snooze(@AuthenticationPrincipal StaffMember who, @PathVariable UUID id, @RequestParam int minutes) {
        AgentId agent = enrol(who);
        return done(
                who,
                id,
                "conversation.snooze",
                "",
                () -> handoffs.snooze(agent, new CaseId(id), Duration.ofMinutes(Math.max(0, minutes))));
    }

    @PostMapping("/console/conversations/{id}/resolve")
    String resolve(@AuthenticationPrincipal StaffMember who, @PathVariable UUID id) {
        AgentId agent = enrol(who);
        return done(who, id, "conversation.resolve", "", () -> handoffs.resolve(agent, new CaseId(id)));
    }

    @PostMapping("/console/conversations/{id}/hand-back")
    String handBack(@AuthenticationPrincipal StaffMember who, @PathVariable UUID id) {
        AgentId agent = enrol(who);
        return done(who, id, "conversation.hand-back", "", () -> handoffs.handBack(agent, new CaseId(id)));
    }

    /** A supervisor gives a case of their teams to an agent of its team. */
    @PostMapping("/console/conversations/{id}/reassign")
    String reassign(@AuthenticationPrincipal StaffMember who, @PathVariable UUID id, @RequestParam String toAgent) {
        who.require(Permission.SUPERVISE);
        inMyTeam(who, id);
        AgentId agent = enrol(who);
        AgentId to = BadRequest.whenRefused(() -> new AgentId(toAgent));
        return done(
                who, id, "conversation.reassign", "to " + toAgent, () -> handoffs.reassign(agent, new CaseId(id), to));
    }

    /**
     * Runs an action and, when it is done, its audit row in one transaction (a failed append
     * undoes the action, and a message written to the outbox with it is never sent); done: back to
     * the case; refused: the case with the reason.
     */
    private String done(StaffMember who, UUID id, String action, String reason, Supplier<HandoffResult> work) {
        HandoffResult result = transactions.execute(status -> {
            HandoffResult r = work.get();
            if (r instanceof HandoffResult.Done) {
                audit.record(who, action, "conversation:" + id, reason);
            }
            return r;
        });
        if (result instanceof HandoffResult.Refused refused) {
            return "redirect:/console/conversations/" + id + "?refused="
                    + refused.code().code();
        }
        return "redirect:/console/conversations/" + id;
    }

    private HandoffCase inMyTeam(StaffMember who, UUID id) {
        return views.find(new CaseId(id))
                .filter(c -> who.inTeam(c.team()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private List<String> canned(AgentId agent, CaseId id) {
        return AgentReplies.CANNED.stream()
                .map(name -> replies.canned(agent, id, name, ""))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The member of staff as an agent: the console's teams and languages, kept in step. */
    private AgentId enrol(StaffMember who) {
        who.require(Permission.CONVERSATIONS);
        AgentId agent = AgentId.of(who.id());
        Set<Language> languages = new LinkedHashSet<>();
        who.languages().forEach(tag -> Language.fromTag(tag).ifPresent(languages::add));
        handoffs.enrol(agent, who.displayName(), Set.copyOf(who.teams()), languages, CAPACITY_DEFAULT);
        return agent;
    }
}
