package org.socialbank.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.console.Role;
import org.socialbank.console.StaffMember;
import org.socialbank.conversation.Inbound;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Network;
import org.socialbank.support.FormClient;
import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 19, supervisors' pages over real HTTP: a supervisor sets a handoff keyword for one of their
 * teams (audited) and a customer's message with it goes to that team; removes it (audited); reads
 * the ratings of their teams. Agents and other roles are refused with 403; a team that is not the
 * supervisor's is refused.
 */
@TestPropertySource(properties = "socialbank.handoff.default-team=cards")
class H2SupervisorPagesIntegrationTests extends ConsolePagesFixture {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Test
    @DisplayName(
            "issue 19: a supervisor sets a keyword of their team, a customer's message with it goes there; removed")
    void aSupervisorSetsAndRemovesAKeyword() {
        FormClient supervisor = staff.signedIn(port, Role.SUPERVISOR);
        assertThat(supervisor.get("/console/conversations/keywords").status()).isEqualTo(200);
        String word = "chargeback" + UUID.randomUUID().toString().substring(0, 6);
        FormClient.Page saved = supervisor.post(
                "/console/conversations/keywords", "keyword", word, "team", "payments", "fraud", "true");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.html()).contains("data-keyword=\"" + word + "\"");
        assertThat(audited("handoff.keyword.set", "keyword:" + word)).isEqualTo(1);

        String chat = "tg-" + UUID.randomUUID();
        say(chat, "I want a " + word + " please");
        IdentityId identity =
                identities.identify(Network.TELEGRAM, chat, null, null).id();
        Owner owner = handoffs.owner(identity);
        assertThat(owner).isInstanceOf(Owner.Queue.class);
        assertThat(jdbc.sql("SELECT team FROM handoff_cases WHERE id = ?")
                        .param(((Owner.Queue) owner).caseId().value())
                        .query(String.class)
                        .single())
                .isEqualTo("payments");

        assertThat(supervisor
                        .post("/console/conversations/keywords", "keyword", "other" + word, "team", "loans")
                        .html())
                .contains("data-refused=\"not_in_team\"");
        FormClient.Page removed = supervisor.post("/console/conversations/keywords/remove", "keyword", word);
        assertThat(removed.html()).doesNotContain("data-keyword=\"" + word + "\"");
        assertThat(audited("handoff.keyword.removed", "keyword:" + word)).isEqualTo(1);
    }

    @Test
    @DisplayName("review 2026-12-07 console #3: a supervisor cannot move another team's keyword")
    void anotherTeamsKeywordStaysTheirs() {
        FormClient payments = staff.signedIn(port, Role.SUPERVISOR); // cards and payments
        String word = "scam" + UUID.randomUUID().toString().substring(0, 6);
        payments.post("/console/conversations/keywords", "keyword", word, "team", "payments", "fraud", "true");
        FormClient other = new FormClient(port);
        staff.signIn(other, staff.createIn(List.of("loans"), Role.SUPERVISOR));

        FormClient.Page refused =
                other.post("/console/conversations/keywords", "keyword", word.toUpperCase(), "team", "loans");
        assertThat(refused.html()).contains("data-refused=\"not_in_team\"").doesNotContain("data-keyword=\"" + word);
        assertThat(keyword(word)).isEqualTo("payments 1");
        assertThat(audited("handoff.keyword.set", "keyword:" + word)).isEqualTo(1);

        payments.post("/console/conversations/keywords", "keyword", word, "team", "cards");
        assertThat(keyword(word)).isEqualTo("cards 0"); // the keyword's own team's supervisor still moves it
        payments.post("/console/conversations/keywords/remove", "keyword", word);
    }

    private String keyword(String word) {
        return jdbc.sql("SELECT team || ' ' || priority FROM handoff_keywords WHERE keyword = ?")
                .param(word)
                .query(String.class)
                .single();
    }

    @Test
    @DisplayName(
            "issue 19: the ratings page shows a rated conversation per team and per agent of the supervisor's teams")
    void ratingsPerTeamAndAgent() {
        StaffMember agentMember = staff.create(Role.AGENT);
        FormClient agent = new FormClient(port);
        staff.signIn(agent, agentMember);
        agent.get("/console/conversations"); // enrolled as an agent
        AgentId agentId = new AgentId(agentMember.id().value().toString());
        String chat = "tg-" + UUID.randomUUID();
        say(chat, "hello");
        IdentityId identity =
                identities.identify(Network.TELEGRAM, chat, null, null).id();
        CaseId id = ((HandoffResult.Done) handoffs.takeOver(agentId, identity)).caseId();
        handoffs.resolve(agentId, id);
        chats.say(chat, new Inbound.Button("hcsat:" + id.value() + ":4"));

        FormClient supervisor = staff.signedIn(port, Role.SUPERVISOR);
        FormClient.Page page = supervisor.get("/console/conversations/ratings?days=7");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html())
                .contains("data-key=\"" + agentId.value() + "\"")
                .contains(agentMember.displayName())
                .contains("data-key=\"cards\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM console_audit WHERE what = 'handoff.ratings.viewed'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    @DisplayName("issue 19: agents and other roles cannot open or use the supervisors' pages (403)")
    void onlySupervisors() {
        for (Role role : new Role[] {Role.AGENT, Role.AUDITOR, Role.ADMIN, Role.CAMPAIGN_MANAGER}) {
            FormClient other = staff.signedIn(port, role);
            assertThat(other.get("/console/conversations/keywords").status())
                    .as("%s", role)
                    .isEqualTo(403);
            assertThat(other.get("/console/conversations/ratings").status())
                    .as("%s", role)
                    .isEqualTo(403);
            assertThat(other.post("/console/conversations/keywords", "keyword", "fraud", "team", "cards")
                            .status())
                    .as("%s", role)
                    .isEqualTo(403);
            assertThat(other.post("/console/conversations/keywords/remove", "keyword", "fraud")
                            .status())
                    .as("%s", role)
                    .isEqualTo(403);
        }
    }

    private long audited(String what, String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM console_audit WHERE what = ? AND subject = ?")
                .params(what, subject)
                .query(Long.class)
                .single();
    }
}
