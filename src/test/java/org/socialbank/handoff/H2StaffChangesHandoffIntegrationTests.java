package org.socialbank.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.console.Role;
import org.socialbank.console.StaffMember;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Language;
import org.socialbank.support.FormClient;
import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Review 2026-12-07 console #1 over real HTTP: an administrator disables an agent, takes away
 * their role or one of their teams on the staff pages, and at once the person is given no new
 * case of what they no longer serve, is not offered for a transfer or a reassignment, and the
 * open cases they held there go back to the queue (or to a colleague who can take them), each
 * customer told who joined or their place in the queue.
 */
class H2StaffChangesHandoffIntegrationTests extends ConsolePagesFixture {

    FormClient admin;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @BeforeEach
    void setUp() {
        admin = staff.signedIn(port, Role.ADMIN);
    }

    @Test
    @DisplayName("review 2026-12-07 console #1: a disabled agent gets no new case, is offered to nobody, "
            + "and their customers go back to the queue, told their place")
    void aDisabledAgentLeavesTheQueues() {
        String team = team();
        StaffMember alice = member(Role.AGENT, team);
        onDuty(alice);
        StaffMember bob = member(Role.AGENT, team);
        signedIn(bob).get("/console/conversations"); // enrolled, away
        IdentityId customer = chat();
        CaseId held = open(customer, team);
        assertThat(views.find(held).orElseThrow().agent()).contains(agent(alice));
        long told = outboxRows(customer);

        admin.get("/console/staff/" + alice.username());
        admin.post("/console/staff/" + alice.username() + "/disable");

        assertThat(available(alice)).isFalse();
        assertThat(views.agentsOf(team)).extracting(Assignment.Agent::id).containsExactly(agent(bob));
        HandoffCase requeued = views.find(held).orElseThrow();
        assertThat(requeued.status()).isEqualTo(HandoffCase.Status.QUEUED);
        assertThat(requeued.agent()).isEmpty();
        assertThat(handoffs.owner(customer)).isEqualTo(new Owner.Queue(held, team));
        assertThat(outboxRows(customer)).isEqualTo(told + 1);
        assertThat(lastBankLine(held)).contains("number 1 in the queue").contains("nobody is available");

        CaseId next = open(chat(), team);
        assertThat(views.find(next).orElseThrow().status()).isEqualTo(HandoffCase.Status.QUEUED);

        StaffMember supervisor = member(Role.SUPERVISOR, team);
        FormClient watching = signedIn(supervisor);
        assertThat(watching.get("/console/conversations/" + held.value()).html())
                .contains("value=\"" + agent(bob).value() + "\"")
                .doesNotContain(agent(alice).value());
        assertThat(watching.post(
                                "/console/conversations/" + held.value() + "/reassign",
                                "toAgent",
                                agent(alice).value())
                        .html())
                .contains("data-refused=\"not_in_team\"");
        assertThat(views.find(held).orElseThrow().status()).isEqualTo(HandoffCase.Status.QUEUED);
    }

    @Test
    @DisplayName("review 2026-12-07 console #1: an agent who lost the agent role is away; their case goes to a "
            + "colleague on duty, and the customer is told who joined")
    void anAgentWithoutTheRoleHandsTheirCasesOn() {
        String team = team();
        StaffMember alice = member(Role.AGENT, team);
        onDuty(alice);
        IdentityId customer = chat();
        CaseId held = open(customer, team);
        assertThat(views.find(held).orElseThrow().agent()).contains(agent(alice));
        StaffMember bob = member(Role.AGENT, team);
        onDuty(bob);

        edit(alice, "auditor", team);

        assertThat(available(alice)).isFalse();
        assertThat(views.agent(agent(alice)).orElseThrow().teams()).isEmpty();
        assertThat(views.find(held).orElseThrow().agent()).contains(agent(bob));
        assertThat(handoffs.owner(customer)).isEqualTo(new Owner.Agent(held, agent(bob)));
        assertThat(lastBankLine(held)).isEqualTo(bob.displayName() + " from the bank is with you now.");
        assertThat(views.find(open(chat(), team)).orElseThrow().agent()).contains(agent(bob));
    }

    @Test
    @DisplayName("review 2026-12-07 console #1: an agent who left a team gives back that team's cases, "
            + "keeps the others and goes on taking their remaining team's")
    void anAgentWhoLeftATeamGivesBackItsCases() {
        String left = team();
        String kept = team();
        StaffMember alice = member(Role.AGENT, left, kept);
        onDuty(alice);
        IdentityId leftCustomer = chat();
        CaseId leftCase = open(leftCustomer, left);
        CaseId keptCase = open(chat(), kept);
        assertThat(views.find(leftCase).orElseThrow().agent()).contains(agent(alice));
        assertThat(views.find(keptCase).orElseThrow().agent()).contains(agent(alice));

        edit(alice, "agent", kept);

        assertThat(available(alice)).isTrue();
        assertThat(views.agent(agent(alice)).orElseThrow().teams()).containsExactly(kept);
        assertThat(views.find(leftCase).orElseThrow().status()).isEqualTo(HandoffCase.Status.QUEUED);
        assertThat(lastBankLine(leftCase)).contains("number 1 in the queue");
        assertThat(views.find(keptCase).orElseThrow().agent()).contains(agent(alice));
        assertThat(views.find(open(chat(), left)).orElseThrow().status()).isEqualTo(HandoffCase.Status.QUEUED);
        assertThat(views.find(open(chat(), kept)).orElseThrow().agent()).contains(agent(alice));
    }

    @Test
    @DisplayName("reread of review 2026-12-07 console #1: an agent who no longer answers a language gives back"
            + " its cases and gets no new one in it, at once (not at their next console visit)")
    void anAgentWhoLeftALanguageGivesBackItsCases() {
        String team = team();
        StaffMember alice = member(Role.AGENT, team);
        onDuty(alice);
        CaseId held = open(chat(), team);
        assertThat(views.find(held).orElseThrow().agent()).contains(agent(alice));
        assertThat(views.find(held).orElseThrow().language()).isEqualTo(Language.EN);

        edit(alice, "agent", team, "fr");

        assertThat(available(alice)).isTrue();
        assertThat(views.agent(agent(alice)).orElseThrow().languages()).containsExactly(Language.FR);
        assertThat(views.find(held).orElseThrow().status()).isEqualTo(HandoffCase.Status.QUEUED);
        assertThat(lastBankLine(held)).contains("number 1 in the queue");
        assertThat(views.find(open(chat(), team)).orElseThrow().status()).isEqualTo(HandoffCase.Status.QUEUED);
    }

    private void edit(StaffMember member, String role, String teams) {
        edit(member, role, teams, "en");
    }

    private void edit(StaffMember member, String role, String teams, String languages) {
        admin.get("/console/staff/" + member.username());
        FormClient.Page saved = admin.post(
                "/console/staff/" + member.username(),
                "displayName",
                member.displayName(),
                "roles",
                role,
                "teams",
                teams,
                "languages",
                languages);
        assertThat(saved.html()).contains("id=\"saved\"");
    }
}
