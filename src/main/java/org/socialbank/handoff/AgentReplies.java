package org.socialbank.handoff;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.socialbank.conversation.ChatMessages;
import org.socialbank.conversation.Outbound;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.socialbank.payments.PayForms;
import org.socialbank.shared.Secrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an agent writes (issue 19): a reply, a template, an action link, each once per client id
 * (a double click or a retried request sends nothing twice), through the outbox to the customer's
 * channel; private notes and labels stay in the case. An agent never moves money: an action link
 * opens one of the bank's own pages where the customer acts, and only for a linked chat.
 */
@Service
public class AgentReplies {

    /** Templates an agent may send when the reply window is closed ({@code handoff.template.<name>}). */
    public static final List<String> TEMPLATES = List.of("follow_up", "reopen");
    /** Canned answers ({@code handoff.canned.<name>}; {0} the customer's first name, {1} the agent's). */
    public static final List<String> CANNED = List.of("greeting", "checking", "closing");

    static final int TEXT_LENGTH_MAX = 4096;
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}_-]{1,32}");

    private final Handoffs handoffs;
    private final JdbcHandoffs store;
    private final Cases cases;
    private final Notices notices;
    private final ChatMessages chats;
    private final ChannelIdentities identities;
    private final PayForms payForms;
    private final Clock clock;
    private final URI bank;

    AgentReplies(
            Handoffs handoffs,
            JdbcHandoffs store,
            Cases cases,
            Notices notices,
            ChatMessages chats,
            ChannelIdentities identities,
            PayForms payForms,
            Clock clock,
            @Value("${socialbank.directory.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.handoffs = handoffs;
        this.store = store;
        this.cases = cases;
        this.notices = notices;
        this.chats = chats;
        this.identities = identities;
        this.payForms = payForms;
        this.clock = clock;
        this.bank = URI.create(publicBaseUrl);
    }

    /** What an action link does: the customer's own step on the bank's page. */
    public enum Action {
        /** A payment form filled in for the customer to check and confirm. */
        PAY_FORM,
        /** The page where the customer locks their card. */
        CARD_LOCK,
        /** Any other page of the bank's. */
        PAGE;

        String key() {
            return "handoff.action." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Free text to the customer; refused outside the channel's reply window, and refused
     * ({@code secret}) when it holds a card number, a PIN or a one-time code: no secret is written
     * in a chat, not even by the bank's staff, so nothing is sent or kept as sent.
     */
    @Transactional
    public HandoffResult reply(AgentId agent, CaseId id, String clientId, String text) {
        if (text == null || text.isBlank() || text.length() > TEXT_LENGTH_MAX) {
            return new HandoffResult.Refused(HandoffRefusal.INVALID);
        }
        if (Secrets.screen(text).secret()) {
            return new HandoffResult.Refused(HandoffRefusal.SECRET);
        }
        return send(agent, id, clientId, true, c -> new Outbound.Text(text.strip()));
    }

    /** An approved template, in the case's language: allowed when the reply window is closed too. */
    @Transactional
    public HandoffResult template(AgentId agent, CaseId id, String clientId, String template) {
        if (!TEMPLATES.contains(template)) {
            return new HandoffResult.Refused(HandoffRefusal.INVALID);
        }
        return send(
                agent,
                id,
                clientId,
                false,
                c -> new Outbound.Text(notices.text(c.language(), "handoff.template." + template)));
    }

    /**
     * A button to one of the bank's pages (the same origin as the bank's public address), for a
     * linked chat only: the customer acts there themselves.
     */
    @Transactional
    public HandoffResult actionLink(AgentId agent, CaseId id, String clientId, Action action, URI page) {
        if (page == null || !sameOrigin(page)) {
            return new HandoffResult.Refused(HandoffRefusal.FOREIGN_LINK);
        }
        Optional<HandoffCase> c = store.find(id);
        if (c.isPresent() && identities.linkedCustomer(c.get().identity()).isEmpty()) {
            return new HandoffResult.Refused(HandoffRefusal.NOT_LINKED);
        }
        return send(
                agent,
                id,
                clientId,
                true,
                k -> new Outbound.Link(
                        notices.text(k.language(), action.key()),
                        notices.text(k.language(), action.key() + "_button"),
                        page.toString()));
    }

    /**
     * A payment form filled in for the customer (issue 19): a button to the bank's {@code /pay}
     * page, whose link token is bound to this chat and the customer linked to it, for a linked chat
     * only. The customer checks or changes it and confirms on the step-up page; the agent moves no money.
     */
    @Transactional
    public HandoffResult payForm(
            AgentId agent, CaseId id, String clientId, String payee, long amountMinor, String currency) {
        if (payee == null
                || payee.isBlank()
                || payee.length() > 320
                || amountMinor <= 0
                || currency == null
                || !currency.matches("[A-Z]{3}")) {
            return new HandoffResult.Refused(HandoffRefusal.INVALID);
        }
        Optional<HandoffCase> c = store.find(id);
        if (c.isPresent() && identities.linkedCustomer(c.get().identity()).isEmpty()) {
            return new HandoffResult.Refused(HandoffRefusal.NOT_LINKED);
        }
        return send(agent, id, clientId, true, k -> {
            String token = payForms.issue(k.identity()).orElseThrow(); // linked: checked above, in this transaction
            String page = payFormPage(payee.strip(), amountMinor, currency) + "&t=" + token;
            return new Outbound.Link(
                    notices.text(k.language(), Action.PAY_FORM.key()),
                    notices.text(k.language(), Action.PAY_FORM.key() + "_button"),
                    page);
        });
    }

    /** The address of a payment form filled in for the customer (payee alias, amount in minor units, currency). */
    public URI payFormPage(String payee, long amountMinor, String currency) {
        String query = "to=" + encode(payee) + "&amount_minor=" + amountMinor + "&currency=" + encode(currency);
        return bank.resolve("/pay?" + query);
    }

    /** A canned answer in the case's language with its variables filled in, for the reply box. */
    @Transactional(readOnly = true)
    public Optional<String> canned(AgentId agent, CaseId id, String name, String customerFirstName) {
        if (!CANNED.contains(name)) {
            return Optional.empty();
        }
        return store.find(id)
                .filter(c -> c.agent().filter(agent::equals).isPresent())
                .map(c -> notices.text(
                        c.language(),
                        "handoff.canned." + name,
                        customerFirstName == null ? "" : customerFirstName,
                        store.displayName(agent).orElse(agent.value())));
    }

    /**
     * A private note: in the transcript, never sent. Any agent of the case's team may write one.
     * A card number or a code in it is kept masked, as a customer's is (review 2026-12-07 security
     * follow-up): a note is the agent's record of the case, so it is kept rather than refused, and
     * the masking keeps what the note needs (a card's last four digits), never the secret.
     */
    @Transactional
    public HandoffResult note(AgentId agent, CaseId id, String text) {
        if (text == null || text.isBlank() || text.length() > TEXT_LENGTH_MAX) {
            return new HandoffResult.Refused(HandoffRefusal.INVALID);
        }
        Optional<HandoffCase> c = ofTeam(agent, id);
        if (c.isEmpty()) {
            return new HandoffResult.Refused(HandoffRefusal.NOT_IN_TEAM);
        }
        store.append(id, "NOTE", agent, null, Secrets.screen(text.strip()).text(), null, clock.instant());
        return HandoffResult.Done.of(id);
    }

    @Transactional
    public HandoffResult label(AgentId agent, CaseId id, String label) {
        if (label == null || !LABEL.matcher(label).matches()) {
            return new HandoffResult.Refused(HandoffRefusal.INVALID);
        }
        Optional<HandoffCase> c = ofTeam(agent, id);
        if (c.isEmpty()) {
            return new HandoffResult.Refused(HandoffRefusal.NOT_IN_TEAM);
        }
        store.label(id, label);
        return HandoffResult.Done.of(id);
    }

    private Optional<HandoffCase> ofTeam(AgentId agent, CaseId id) {
        Optional<Assignment.Agent> self = handoffs.agent(agent);
        return store.find(id)
                .filter(c -> self.map(a -> a.teams().contains(c.team())).orElse(false));
    }

    /**
     * Sends once per (agent, client id): the case locked through its owner's row, the window
     * checked for free content, the first response timed, the transcript written.
     */
    private HandoffResult send(
            AgentId agent,
            CaseId id,
            String clientId,
            boolean freeContent,
            java.util.function.Function<HandoffCase, Outbound> content) {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            return new HandoffResult.Refused(HandoffRefusal.INVALID);
        }
        Optional<HandoffCase> mine = handoffs.mine(agent, id);
        Optional<UUID> before = store.sentByClientId(agent, clientId);
        if (before.isPresent()) {
            return new HandoffResult.Done(id, before, true);
        }
        if (mine.isEmpty()) {
            return handoffs.refusal(agent, id);
        }
        HandoffCase c = mine.get();
        if (freeContent && window(c) instanceof ReplyWindow.Closed) {
            return new HandoffResult.Refused(HandoffRefusal.WINDOW_CLOSED);
        }
        Outbound message = content.apply(c);
        Optional<UUID> outbox = chats.send(c.identity(), message).map(m -> m.id());
        if (outbox.isEmpty()) {
            return new HandoffResult.Refused(HandoffRefusal.NOT_FOUND);
        }
        HandoffCase answered = c.status() == HandoffCase.Status.SNOOZED
                ? c.awake().answered(clock.instant())
                : c.answered(clock.instant());
        store.updateCase(answered);
        store.append(id, "AGENT", agent, clientId, Cases.summary(message), outbox.get(), clock.instant());
        return new HandoffResult.Done(id, outbox, false);
    }

    /** The case's reply window now (the reply box shows it). */
    @Transactional(readOnly = true)
    public ReplyWindow.State window(CaseId id) {
        return store.find(id).map(this::window).orElse(new ReplyWindow.Closed(Optional.empty()));
    }

    private ReplyWindow.State window(HandoffCase c) {
        return ReplyWindow.at(
                c.channel(), store.owner(c.identity()).flatMap(JdbcHandoffs.OwnerRow::lastCustomerAt), clock.instant());
    }

    private boolean sameOrigin(URI page) {
        return page.isAbsolute()
                && bank.getScheme().equalsIgnoreCase(page.getScheme())
                && bank.getHost() != null
                && bank.getHost().equalsIgnoreCase(page.getHost())
                && bank.getPort() == page.getPort()
                && page.getUserInfo() == null;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    static List<String> messageKeys() {
        List<String> keys = new java.util.ArrayList<>();
        TEMPLATES.forEach(t -> keys.add("handoff.template." + t));
        CANNED.forEach(c -> keys.add("handoff.canned." + c));
        for (Action a : Action.values()) {
            keys.add(a.key());
            keys.add(a.key() + "_button");
        }
        for (HandoffRefusal r : HandoffRefusal.values()) {
            keys.add(r.messageKey());
        }
        return keys;
    }
}
