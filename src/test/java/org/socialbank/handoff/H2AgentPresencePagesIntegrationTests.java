package org.socialbank.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.console.Role;
import org.socialbank.console.StaffMember;
import org.socialbank.directory.IdentityId;
import org.socialbank.support.FormClient;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Review 2026-12-07 console follow-up over real HTTP: an agent available for new cases whom the
 * console has not seen within {@code presence-timeout} (their last sighting moved back in the
 * database, as a closed browser or an ended session leaves it) is given no new case; any signed-in
 * console request, a page's refresh too, makes them present again; the presence janitor marks an
 * absent one away and gives their unanswered case back to the queue, the customer told.
 */
@TestPropertySource(properties = "socialbank.handoff.janitor-interval=1d") // the test runs the janitor itself
class H2AgentPresencePagesIntegrationTests extends ConsolePagesFixture {

    @Autowired
    QueueJanitor janitor;

    @Autowired
    HandoffProperties properties;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Test
    @DisplayName("review 2026-12-07 console follow-up: an agent the console has not seen within presence-timeout "
            + "gets no new case; a refresh of any console page makes them present again")
    void anUnseenAgentGetsNoCaseUntilTheConsoleSeesThemAgain() {
        String team = team();
        StaffMember alice = member(Role.AGENT, team);
        FormClient browser = onDuty(alice);
        unseenFor(alice, properties.presenceTimeout().plusMinutes(1));

        IdentityId waiting = chat();
        CaseId queued = open(waiting, team);
        assertThat(views.find(queued).orElseThrow().status()).isEqualTo(HandoffCase.Status.QUEUED);
        assertThat(lastBankLine(queued)).contains("nobody is available");

        // a page refreshing itself is no activity for the session, but the console sees her
        assertThat(browser.get("/console", "X-Console-Poll", "1").status()).isEqualTo(200);
        assertThat(available(alice)).isTrue();
        CaseId next = open(chat(), team);
        assertThat(views.find(next).orElseThrow().agent()).contains(agent(alice));
    }

    @Test
    @DisplayName(
            "review 2026-12-07 console follow-up: the presence janitor marks an unseen agent away; their "
                    + "unanswered case goes back to the queue, the customer told; their next visit does not make them available")
    void theJanitorMarksAnUnseenAgentAway() {
        String team = team();
        StaffMember alice = member(Role.AGENT, team);
        FormClient browser = onDuty(alice);
        IdentityId customer = chat();
        CaseId held = open(customer, team);
        assertThat(views.find(held).orElseThrow().agent()).contains(agent(alice));
        long told = outboxRows(customer);
        unseenFor(alice, properties.presenceTimeout().plusMinutes(1));

        assertThat(janitor.markUnseenAway()).isEqualTo(1);

        assertThat(store.availableFlag(agent(alice))).isFalse();
        HandoffCase requeued = views.find(held).orElseThrow();
        assertThat(requeued.status()).isEqualTo(HandoffCase.Status.QUEUED);
        assertThat(requeued.agent()).isEmpty();
        assertThat(outboxRows(customer)).isEqualTo(told + 1);
        assertThat(lastBankLine(held)).contains("number 1 in the queue").contains("nobody is available");
        assertThat(janitor.markUnseenAway()).isZero();

        assertThat(browser.get("/console/conversations").status()).isEqualTo(200);
        assertThat(available(alice)).isFalse(); // away until she chooses otherwise
        assertThat(views.find(open(chat(), team)).orElseThrow().status()).isEqualTo(HandoffCase.Status.QUEUED);
    }

    /** The console last saw the agent this long ago. */
    private void unseenFor(StaffMember member, Duration ago) {
        jdbc.sql("UPDATE handoff_agents SET last_seen_at = ? WHERE agent_id = ?")
                .params(
                        org.socialbank.shared.jdbc.Timestamps.utc(
                                clock.instant().minus(ago)),
                        agent(member).value())
                .update();
        assertThat(available(member)).isFalse();
    }
}
