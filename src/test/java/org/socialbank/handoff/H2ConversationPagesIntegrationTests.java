package org.socialbank.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.console.ConsoleStaff;
import org.socialbank.console.FailingAudit;
import org.socialbank.console.Role;
import org.socialbank.console.StaffMember;
import org.socialbank.directory.Alias;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.directory.DirectoryResult;
import org.socialbank.directory.IdentityId;
import org.socialbank.directory.KycLevel;
import org.socialbank.directory.NewCustomer;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewAccount;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.OpenResult;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.payments.requests.RequestId;
import org.socialbank.payments.requests.RequestOrder;
import org.socialbank.payments.requests.RequestResult;
import org.socialbank.payments.requests.Requests;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.support.FormClient;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The handoff pages over real HTTP (issue 19): an agent takes a Telegram conversation from the
 * queue, replies (to Telegram's outbox), hands it back; permissions on the server: an auditor is
 * refused, an agent of other teams sees nothing, only a supervisor reassigns; reveals are audited.
 */
@TestPropertySource(properties = "socialbank.handoff.default-team=cards")
class H2ConversationPagesIntegrationTests extends ConsolePagesFixture {

    private static final Pattern CASE = Pattern.compile("/console/conversations/([0-9a-f-]{36})\"");

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    @Autowired
    Requests requests;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Test
    @DisplayName("issue 19: an agent takes a Telegram conversation from the queue, replies to Telegram, hands it back")
    void anAgentTakesOverRepliesAndHandsBack() {
        String chat = "tg-" + UUID.randomUUID();
        say(chat, "I want to talk to a human");
        IdentityId identity =
                identities.identify(Network.TELEGRAM, chat, null, null).id();
        FormClient agent = staff.signedIn(port, Role.AGENT);

        FormClient.Page queue = agent.get("/console/conversations");
        assertThat(queue.status()).isEqualTo(200);
        String id = caseIn(queue.html(), identity);
        FormClient.Page list = agent.get("/console/conversations/list"); // what htmx polls
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.html()).contains(id).doesNotContain("<html").contains("availability");
        // the session's form token is the same in every response: a refresh never makes a form stale
        assertThat(agent.post("/console/conversations/available", "available", "false")
                        .status())
                .isEqualTo(200);
        agent.get("/console/conversations/list");
        agent.get("/console/conversations/" + id); // the page whose form is sent
        FormClient.Page view = agent.post("/console/conversations/" + id + "/take");
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.html()).contains("I want to talk to a human").contains("reply-form");
        assertThat(say(chat, "are you there?")).isZero(); // the bot is silent

        String clientId = UUID.randomUUID().toString();
        agent.post(
                "/console/conversations/" + id + "/reply", "clientId", clientId, "text", "Hello, I am here to help.");
        agent.post(
                "/console/conversations/" + id + "/reply", "clientId", clientId, "text", "Hello, I am here to help.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM handoff_transcript WHERE client_id = ?")
                        .param(clientId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // the queue's notice, "Dana is with you", the reply: all to the customer's Telegram chat
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_messages WHERE identity_id = ? AND channel = 'telegram' "
                                + "AND recipient = ?")
                        .params(identity.value(), chat)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        // review of agents' replies: a reply with a code is refused on the page, and nothing goes
        FormClient.Page secret = agent.post(
                "/console/conversations/" + id + "/reply",
                "clientId",
                UUID.randomUUID().toString(),
                "text",
                "your code is 123456");
        assertThat(secret.html())
                .contains("data-refused=\"secret\"")
                .contains("a card number, a PIN or a one-time code");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_messages WHERE identity_id = ?")
                        .param(identity.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);

        FormClient.Page back = agent.post("/console/conversations/" + id + "/hand-back");
        assertThat(back.status()).isEqualTo(200);
        assertThat(handoffs.owner(identity)).isEqualTo(new Owner.Bot());
        assertThat(say(chat, "help")).isEqualTo(1); // the bot answers again
    }

    @Test
    @DisplayName("issue 19: permissions are checked on the server for every role")
    void permissions() {
        String chat = "tg-" + UUID.randomUUID();
        say(chat, "agent please");
        IdentityId identity =
                identities.identify(Network.TELEGRAM, chat, null, null).id();
        FormClient agent = staff.signedIn(port, Role.AGENT);
        String id = caseIn(agent.get("/console/conversations").html(), identity);

        for (Role role : new Role[] {Role.AUDITOR, Role.ADMIN, Role.CAMPAIGN_MANAGER}) {
            FormClient other = staff.signedIn(port, role);
            assertThat(other.get("/console/conversations").status())
                    .as("%s", role)
                    .isEqualTo(403);
            assertThat(other.get("/console/conversations/" + id).status())
                    .as("%s", role)
                    .isEqualTo(403);
            for (String action : new String[] {
                "take", "reply", "note", "label", "transfer", "snooze", "resolve", "hand-back", "reassign", "reveal"
            }) {
                assertThat(other.post(
                                        "/console/conversations/" + id + "/" + action,
                                        "clientId",
                                        "c",
                                        "text",
                                        "x",
                                        "label",
                                        "x",
                                        "minutes",
                                        "5",
                                        "toAgent",
                                        "x",
                                        "reason",
                                        "x")
                                .status())
                        .as("%s %s", role, action)
                        .isEqualTo(403);
            }
            assertThat(other.post("/console/conversations/available", "available", "true")
                            .status())
                    .isEqualTo(403);
        }
        assertThat(agent.post("/console/conversations/" + id + "/reveal", "reason", "customer asked about a charge")
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT why FROM console_audit WHERE what = 'customer.reveal' ORDER BY seq DESC LIMIT 1")
                        .query(String.class)
                        .single())
                .isEqualTo("customer asked about a charge");
        assertThat(agent.post("/console/conversations/" + id + "/reassign", "toAgent", "x")
                        .status())
                .isEqualTo(403);

        StaffMember outsider = new StaffMember(
                org.socialbank.console.StaffId.random(),
                "out-" + UUID.randomUUID().toString().substring(0, 8),
                "Outsider",
                java.util.EnumSet.of(Role.AGENT),
                java.util.List.of("loans"),
                java.util.List.of("en"));
        accounts.create(outsider, ConsoleStaff.PASSWORD, ConsoleStaff.SECRET);
        FormClient stranger = new FormClient(port);
        staff.signIn(stranger, outsider);
        assertThat(stranger.get("/console/conversations").html()).doesNotContain(id);
        assertThat(stranger.get("/console/conversations/" + id).status()).isEqualTo(404);

        agent.post("/console/conversations/" + id + "/take");
        FormClient supervisor = staff.signedIn(port, Role.SUPERVISOR);
        supervisor.get("/console/conversations"); // enrols the supervisor as an agent of cards and payments
        FormClient.Page page = supervisor.get("/console/conversations/" + id);
        Matcher option = Pattern.compile("<option value=\"([0-9a-f-]{36})\"").matcher(page.html());
        assertThat(option.find()).isTrue();
        String target = option.group(1);
        assertThat(supervisor
                        .post("/console/conversations/" + id + "/reassign", "toAgent", target)
                        .status())
                .isEqualTo(200);
        assertThat(handoffs.owner(identity))
                .isEqualTo(new Owner.Agent(new CaseId(UUID.fromString(id)), new AgentId(target)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM console_audit WHERE what = 'conversation.reassign'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    @DisplayName("review 2026-12-07 console #4: a take-over or reply whose audit append fails is undone, nothing sent")
    void anActionWhoseAuditFailsIsUndone() {
        String chat = "tg-" + UUID.randomUUID();
        say(chat, "I want to talk to a human");
        IdentityId identity =
                identities.identify(Network.TELEGRAM, chat, null, null).id();
        FormClient agent = staff.signedIn(port, Role.AGENT);
        String id = caseIn(agent.get("/console/conversations").html(), identity);
        agent.get("/console/conversations/" + id); // the page whose form is sent
        long told = outbox(identity);

        try (FailingAudit failing = FailingAudit.open(jdbc)) {
            assertThat(agent.post("/console/conversations/" + id + "/take").status())
                    .isGreaterThanOrEqualTo(400);
        }
        assertThat(handoffs.owner(identity)).isInstanceOf(Owner.Queue.class);
        assertThat(outbox(identity)).isEqualTo(told); // no "Dana is with you"
        assertThat(agent.post("/console/conversations/" + id + "/take").status())
                .isEqualTo(200);
        assertThat(handoffs.owner(identity)).isInstanceOf(Owner.Agent.class);
        told = outbox(identity);

        String clientId = UUID.randomUUID().toString();
        String[] reply = {"clientId", clientId, "text", "Hello, I am here to help."};
        try (FailingAudit failing = FailingAudit.open(jdbc)) {
            assertThat(agent.post("/console/conversations/" + id + "/reply", reply)
                            .status())
                    .isGreaterThanOrEqualTo(400);
        }
        assertThat(outbox(identity)).isEqualTo(told);
        assertThat(transcript(clientId)).isZero();
        // the client id was not used up: the same reply goes once it can be audited
        agent.post("/console/conversations/" + id + "/reply", reply);
        assertThat(outbox(identity)).isEqualTo(told + 1);
        assertThat(transcript(clientId)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM console_audit WHERE what = 'conversation.reply' AND subject = ?")
                        .param("conversation:" + id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("a case with 1,001 customer lines shows the newest on its page and says older lines are hidden; a "
            + "reply with both a template and typed text is refused; a transfer to a team nobody belongs to is refused "
            + "with its sentence (review 2026-12-07 handoff follow-up)")
    void theNewestLinesShowAndAmbiguousActionsAreRefused() {
        String chat = "tg-" + UUID.randomUUID();
        say(chat, "I want to talk to a human");
        IdentityId identity =
                identities.identify(Network.TELEGRAM, chat, null, null).id();
        FormClient agent = staff.signedIn(port, Role.AGENT);
        String id = caseIn(agent.get("/console/conversations").html(), identity);
        agent.get("/console/conversations/" + id);
        assertThat(agent.post("/console/conversations/" + id + "/take").status())
                .isEqualTo(200);
        CaseId caseId = new CaseId(UUID.fromString(id));
        for (int i = 1; i <= 1_001; i++) {
            store.append(caseId, "CUSTOMER", null, null, "customer line " + i + ".", null, clock.instant());
        }

        String page = agent.get("/console/conversations/" + id).html();
        // before: the first 1,000 lines were read, and the newest were never shown
        assertThat(page).contains("customer line 1001.").contains("id=\"older-lines\"");
        assertThat(page).doesNotContain("I want to talk to a human");
        long told = outbox(identity);

        FormClient.Page both = agent.post(
                "/console/conversations/" + id + "/reply",
                "clientId",
                UUID.randomUUID().toString(),
                "text",
                "Your card is on its way, I checked.",
                "template",
                AgentReplies.TEMPLATES.get(0));
        assertThat(both.html())
                .contains("data-refused=\"template_and_text\"")
                .contains("choose a template or type a reply, not both");
        assertThat(outbox(identity)).as("nothing sent").isEqualTo(told);

        FormClient.Page typo = agent.post("/console/conversations/" + id + "/transfer", "toTeam", "crads");
        assertThat(typo.html()).contains("data-refused=\"unknown_team\"").contains("No agent belongs to this team");
        assertThat(handoffs.owner(identity)).isInstanceOf(Owner.Agent.class);
        assertThat(outbox(identity)).isEqualTo(told);
    }

    private long outbox(IdentityId identity) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_messages WHERE identity_id = ?")
                .param(identity.value())
                .query(Long.class)
                .single();
    }

    private long transcript(String clientId) {
        return jdbc.sql("SELECT COUNT(*) FROM handoff_transcript WHERE client_id = ?")
                .param(clientId)
                .query(Long.class)
                .single();
    }

    private String caseIn(String html, IdentityId identity) {
        CaseId open = handoffs.owner(identity) instanceof Owner.Queue q
                ? q.caseId()
                : ((Owner.Agent) handoffs.owner(identity)).caseId();
        assertThat(html).contains(open.value().toString());
        Matcher m = CASE.matcher(html);
        assertThat(m.find()).isTrue();
        return open.value().toString();
    }

    @Test
    @DisplayName("issue 19: a linked customer's context is masked, with movements and open requests; a reveal shows it")
    void aLinkedCustomersContextIsMaskedUntilRevealed() {
        CustomerId customer = new CustomerId(UUID.randomUUID());
        String phone = "+33675" + digits(6);
        assertThat(directory.register(new NewCustomer(
                        customer,
                        "Sara Ahmadi",
                        Language.EN,
                        KycLevel.FULL,
                        null,
                        null,
                        List.of(new CustomerView.AliasEntry(Alias.phone(phone, "FR"), true)))))
                .isInstanceOf(DirectoryResult.Done.class);
        AccountId account = new AccountId(UUID.randomUUID());
        assertThat(ledger.open(new NewAccount(
                        account,
                        CurrencyCode.of("EUR"),
                        "customer:" + customer.value(),
                        AccountKind.CUSTOMER_CURRENT,
                        Set.of())))
                .isInstanceOf(OpenResult.Opened.class);
        assertThat(directory.holdAccount(customer, account, true)).isInstanceOf(DirectoryResult.Done.class);
        // a movement into the primary account and one out of it (issue 19, 2.18: the context's movements)
        AccountId equity = new AccountId(UUID.randomUUID());
        assertThat(ledger.open(new NewAccount(
                        equity, CurrencyCode.of("EUR"), "test:funding", AccountKind.BANK_EQUITY, Set.of())))
                .isInstanceOf(OpenResult.Opened.class);
        assertThat(ledger.transfer(NewTransfer.posted(
                        new TransferId(UUID.randomUUID()), equity, account, 15_734, CurrencyCode.of("EUR"), "opening")))
                .isInstanceOf(TransferResult.Posted.class);
        assertThat(ledger.transfer(NewTransfer.posted(
                        new TransferId(UUID.randomUUID()), account, equity, 4_212, CurrencyCode.of("EUR"), "fee")))
                .isInstanceOf(TransferResult.Posted.class);
        String payer = "+33675" + digits(6);
        assertThat(requests.request(new RequestOrder(
                        new RequestId(UUID.randomUUID()),
                        customer,
                        Alias.phone(payer, "FR"),
                        2_000,
                        CurrencyCode.of("EUR"),
                        "Dinner",
                        "api")))
                .isInstanceOf(RequestResult.Asked.class);
        String chat = "tg-" + UUID.randomUUID();
        IdentityId identity =
                identities.identify(Network.TELEGRAM, chat, null, null).id();
        // linked as the sign-in flow would leave it (the linking tests' business)
        jdbc.sql("UPDATE channel_identities SET customer_id = ?, linked_at = ? WHERE id = ?")
                .params(customer.value(), java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC), identity.value())
                .update();
        say(chat, "I want to talk to a human");

        FormClient agent = staff.signedIn(port, Role.AGENT);
        String id = caseIn(agent.get("/console/conversations").html(), identity);
        String page = agent.get("/console/conversations/" + id + "?lang=en").html();
        assertThat(page)
                .contains("Sara A.")
                .doesNotContain("Sara Ahmadi")
                .doesNotContain(phone)
                .doesNotContain(payer)
                .contains("phone: ")
                .contains(phone.substring(phone.length() - 2));
        assertThat(page)
                .contains("id=\"open-requests\"")
                .contains("data-sent=\"true\"")
                .contains("20.00");
        assertThat(movements(page)).containsExactly("−€42.12", "+€157.34");

        String revealed = agent.post("/console/conversations/" + id + "/reveal", "reason", "asked about a request")
                .html();
        assertThat(revealed).contains("Sara Ahmadi").contains(phone).contains(payer);
        assertThat(movements(revealed)).containsExactly("−€42.12", "+€157.34");
        assertThat(jdbc.sql("SELECT why FROM console_audit WHERE what = 'customer.reveal' ORDER BY seq DESC LIMIT 1")
                        .query(String.class)
                        .single())
                .isEqualTo("asked about a request");
    }

    /** The amounts of the context's movements, newest first (each line is "±amount · date"). */
    private static List<String> movements(String page) {
        Matcher list = Pattern.compile("<ul id=\"movements\">(.*?)</ul>", Pattern.DOTALL)
                .matcher(page);
        assertThat(list.find()).as("the movements list").isTrue();
        return Pattern.compile("<li>([^<·]+) · ")
                .matcher(list.group(1))
                .results()
                .map(m -> m.group(1).strip())
                .toList();
    }

    private static String digits(int n) {
        StringBuilder out = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            out.append(random.nextInt(10));
        }
        return out.toString();
    }

    @Test
    @DisplayName(
            "issue 19: the dashboard shows each queue's length, longest wait and SLA breaches, and the handoff rate")
    void theDashboardShowsTheQueues() {
        FormClient supervisor = staff.signedIn(port, Role.SUPERVISOR);
        String before = supervisor.get("/console/dashboard.csv").html();
        String late = "tg-" + UUID.randomUUID();
        say(late, "I want to talk to a human");
        say("tg-" + UUID.randomUUID(), "I want to talk to a human");
        IdentityId lateIdentity =
                identities.identify(Network.TELEGRAM, late, null, null).id();
        // waiting for two hours: past the first answer's (5 min) and the resolution's (1 h) targets
        java.sql.Timestamp twoHoursAgo = java.sql.Timestamp.from(clock.instant().minus(java.time.Duration.ofHours(2)));
        jdbc.sql("UPDATE handoff_cases SET queued_at = ?, answer_due_from = ? WHERE identity_id = ?")
                .params(twoHoursAgo, twoHoursAgo, lateIdentity.value())
                .update();

        String after = supervisor.get("/console/dashboard.csv").html();
        assertThat(figure(after, "queue", "cards/en", "waiting") - figure(before, "queue", "cards/en", "waiting"))
                .isEqualTo(2);
        assertThat(figure(after, "queue", "cards/en", "first_response_breached")
                        - figure(before, "queue", "cards/en", "first_response_breached"))
                .isEqualTo(1);
        assertThat(figure(after, "queue", "cards/en", "resolution_breached")
                        - figure(before, "queue", "cards/en", "resolution_breached"))
                .isEqualTo(1);
        assertThat(figure(after, "queue", "cards/en", "longest_wait_seconds")).isGreaterThanOrEqualTo(7_200);
        assertThat(figure(after, "handoffs_24h", "handed_over", "") - figure(before, "handoffs_24h", "handed_over", ""))
                .isEqualTo(2);
        assertThat(after).containsPattern("\"handoffs_24h\",\"rate_percent\",\"\",\"[0-9]+\\.[0-9]\"");

        String page = supervisor.get("/console?lang=en").html();
        assertThat(page)
                .contains("id=\"queues\"")
                .contains("data-queue=\"cards/en\"")
                .contains("id=\"handoff-rate\"");
        assertThat(staff.signedIn(port, Role.AGENT)
                        .get("/console/dashboard.csv")
                        .status())
                .isEqualTo(403);
    }

    /** A value of the dashboard's CSV ({@code "section","key","detail","value"}), 0 when the row is absent. */
    private static long figure(String csv, String section, String key, String detail) {
        String prefix = "\"" + section + "\",\"" + key + "\",\"" + detail + "\",\"";
        return csv.lines()
                .filter(l -> l.startsWith(prefix))
                .findFirst()
                .map(l -> Long.parseLong(l.substring(prefix.length(), l.length() - 1)))
                .orElse(0L);
    }
}
