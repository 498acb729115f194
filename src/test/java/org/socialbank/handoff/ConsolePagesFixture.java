package org.socialbank.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.socialbank.console.ConsoleStaff;
import org.socialbank.console.Role;
import org.socialbank.console.StaffMember;
import org.socialbank.console.staff.StaffAccounts;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.IdentityId;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.socialbank.shared.Network;
import org.socialbank.support.Chats;
import org.socialbank.support.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the handoff's page tests share: the bank over real HTTP on a random port (the relay off,
 * cookies over plain HTTP), staff who sign in to the console with both steps ({@link ConsoleStaff}),
 * and the customers' side in Telegram ({@link Chats}). Each test class names its own fresh store
 * ({@code @DynamicPropertySource}, as the contracts' twins do), so no two classes share a database.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"socialbank.conversation.relay-enabled=false", "socialbank.web.secure-cookies=false"})
@Import(Chats.class)
abstract class ConsolePagesFixture {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    java.time.Clock clock;

    @Autowired
    Chats chats;

    @Autowired
    ChannelIdentities identities;

    @Autowired
    Handoffs handoffs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HandoffViews views;

    @Autowired
    JdbcHandoffs store;

    ConsoleStaff staff;

    @BeforeEach
    void consoleStaff() {
        staff = new ConsoleStaff(accounts, clock);
    }

    /** The member of staff signed in on a new client. */
    FormClient signedIn(StaffMember member) {
        FormClient client = new FormClient(port);
        staff.signIn(client, member);
        return client;
    }

    /** How many replies the bot gives to a text in the Telegram chat (none while a person has it). */
    int say(String chat, String text) {
        return chats.say(chat, text).size();
    }

    /** A team of its own per test: other tests' agents and cases never meet this one's. */
    static String team() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    StaffMember member(Role role, String... teams) {
        return staff.createIn(List.of(teams), role);
    }

    /** Signed in, enrolled as an agent and taking new conversations; their client. */
    FormClient onDuty(StaffMember member) {
        FormClient client = signedIn(member);
        client.get("/console/conversations");
        assertThat(client.post("/console/conversations/available", "available", "true")
                        .status())
                .isEqualTo(200);
        assertThat(available(member)).isTrue();
        return client;
    }

    /** A Telegram customer who said hello to the bot. */
    IdentityId chat() {
        String chat = Chats.newChat();
        chats.say(chat, "hello");
        return identities.identify(Network.TELEGRAM, chat, null, null).id();
    }

    /** A case of the team for the customer, opened by an API call. */
    CaseId open(IdentityId customer, String team) {
        return ((HandoffResult.Done) handoffs.open(customer, team, false)).caseId();
    }

    static AgentId agent(StaffMember member) {
        return AgentId.of(member.id());
    }

    boolean available(StaffMember member) {
        return views.agent(agent(member)).orElseThrow().available();
    }

    String lastBankLine(CaseId id) {
        List<JdbcHandoffs.Line> lines = store.transcript(id, 100).stream()
                .filter(l -> l.author().equals("BANK"))
                .toList();
        return lines.get(lines.size() - 1).body();
    }

    long outboxRows(IdentityId identity) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_messages WHERE identity_id = ?")
                .param(identity.value())
                .query(Long.class)
                .single();
    }
}
