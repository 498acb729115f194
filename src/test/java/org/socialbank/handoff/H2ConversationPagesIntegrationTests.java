package org.socialbank.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.console.ConsoleStaff;
import org.socialbank.console.Role;
import org.socialbank.console.StaffMember;
import org.socialbank.console.staff.StaffAccounts;
import org.socialbank.directory.IdentityId;
import org.socialbank.support.Chats;
import org.socialbank.support.FormClient;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The handoff pages over real HTTP (issue 19): an agent takes a Telegram conversation from the
 * queue, replies (to Telegram's outbox), hands it back; permissions on the server: an auditor is
 * refused, an agent of other teams sees nothing, only a supervisor reassigns; reveals are audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "socialbank.conversation.relay-enabled=false", "socialbank.handoff.default-team=cards"})
@Import(Chats.class)
class H2ConversationPagesIntegrationTests {

    private static final Pattern CASE = Pattern.compile("/console/conversations/([0-9a-f-]{36})\"");

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    java.time.Clock clock;

    @Autowired
    Handoffs handoffs;

    @Autowired
    Chats chats;

    @Autowired
    JdbcClient jdbc;

    ConsoleStaff staff;
    HandoffFixtures fixtures;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("socialbank.web.secure-cookies", () -> "false");
    }

    @BeforeEach
    void setUp() {
        staff = new ConsoleStaff(accounts, clock);
        fixtures = new HandoffFixtures(chats, handoffs);
    }

    @Test
    @DisplayName("issue 19: an agent takes a Telegram conversation from the queue, replies to Telegram, hands it back")
    void anAgentTakesOverRepliesAndHandsBack() {
        String chat = Chats.newChat();
        IdentityId identity = fixtures.writes(chat, "I want to talk to a human");
        FormClient agent = staff.signedIn(port, Role.AGENT);

        FormClient.Page queue = agent.get("/console/conversations");
        assertThat(queue.status()).isEqualTo(200);
        String id = caseIn(queue.html(), identity);
        FormClient.Page list = agent.get("/console/conversations/list"); // what htmx polls
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.html()).contains(id).doesNotContain("<html").contains("availability");
        // the session's form token is the same in every response: a refresh never makes a form stale
        assertThat(agent.post("/console/conversations/available", "available", "false").status()).isEqualTo(200);
        agent.get("/console/conversations/list");
        agent.get("/console/conversations/" + id); // the page whose form is sent
        FormClient.Page view = agent.post("/console/conversations/" + id + "/take");
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.html()).contains("I want to talk to a human").contains("reply-form");
        assertThat(fixtures.replies(chat, "are you there?")).isZero(); // the bot is silent

        String clientId = UUID.randomUUID().toString();
        agent.post("/console/conversations/" + id + "/reply", "clientId", clientId, "text", "Hello, I am here to help.");
        agent.post("/console/conversations/" + id + "/reply", "clientId", clientId, "text", "Hello, I am here to help.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM handoff_transcript WHERE client_id = ?").param(clientId)
                .query(Long.class).single()).isEqualTo(1);
        // the queue's notice, "Dana is with you", the reply: all to the customer's Telegram chat
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_messages WHERE identity_id = ? AND channel = 'telegram' "
                + "AND recipient = ?").params(identity.value(), chat).query(Long.class).single()).isEqualTo(3);

        FormClient.Page back = agent.post("/console/conversations/" + id + "/hand-back");
        assertThat(back.status()).isEqualTo(200);
        assertThat(handoffs.owner(identity)).isEqualTo(new Owner.Bot());
        assertThat(fixtures.replies(chat, "help")).isEqualTo(1); // the bot answers again
    }

    @Test
    @DisplayName("issue 19: permissions are checked on the server for every role")
    void permissions() {
        String chat = Chats.newChat();
        IdentityId identity = fixtures.writes(chat, "agent please");
        FormClient agent = staff.signedIn(port, Role.AGENT);
        String id = caseIn(agent.get("/console/conversations").html(), identity);

        for (Role role : new Role[] {Role.AUDITOR, Role.ADMIN, Role.CAMPAIGN_MANAGER}) {
            FormClient other = staff.signedIn(port, role);
            assertThat(other.get("/console/conversations").status()).as("%s", role).isEqualTo(403);
            assertThat(other.get("/console/conversations/" + id).status()).as("%s", role).isEqualTo(403);
            for (String action : new String[] {"take", "reply", "note", "label", "transfer", "snooze", "resolve",
                    "hand-back", "reassign", "reveal"}) {
                assertThat(other.post("/console/conversations/" + id + "/" + action, "clientId", "c", "text", "x",
                        "label", "x", "minutes", "5", "toAgent", "x", "reason", "x").status())
                        .as("%s %s", role, action).isEqualTo(403);
            }
            assertThat(other.post("/console/conversations/available", "available", "true").status()).isEqualTo(403);
        }
        assertThat(agent.post("/console/conversations/" + id + "/reveal", "reason", "customer asked about a charge")
                .status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT why FROM console_audit WHERE what = 'customer.reveal' ORDER BY seq DESC LIMIT 1")
                .query(String.class).single()).isEqualTo("customer asked about a charge");
        assertThat(agent.post("/console/conversations/" + id + "/reassign", "toAgent", "x").status()).isEqualTo(403);

        StaffMember outsider = new StaffMember(org.socialbank.console.StaffId.random(), "out-" + UUID.randomUUID()
                .toString().substring(0, 8), "Outsider", java.util.EnumSet.of(Role.AGENT), java.util.List.of("loans"),
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
        assertThat(supervisor.post("/console/conversations/" + id + "/reassign", "toAgent", target).status())
                .isEqualTo(200);
        assertThat(handoffs.owner(identity)).isEqualTo(new Owner.Agent(new CaseId(UUID.fromString(id)),
                new AgentId(target)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM console_audit WHERE what = 'conversation.reassign'")
                .query(Long.class).single()).isPositive();
    }

    private String caseIn(String html, IdentityId identity) {
        CaseId open = fixtures.openCase(identity);
        assertThat(html).contains(open.value().toString());
        Matcher m = CASE.matcher(html);
        assertThat(m.find()).isTrue();
        return open.value().toString();
    }
}
