package org.socialbank.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.console.Role;
import org.socialbank.console.StaffMember;
import org.socialbank.console.StaffPresence;
import org.socialbank.directory.IdentityId;
import org.socialbank.support.FormClient;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Review 2026-12-07 console follow-up over real HTTP: an agent available for new cases whom the
 * console has not seen within {@code presence-timeout} (their last sighting moved back in the
 * database, as a closed browser or an ended session leaves it) is given no new case; any signed-in
 * console request, a page's refresh too, makes them present again; the presence janitor marks an
 * absent one away and gives their unanswered case back to the queue, the customer told. Presence is
 * best effort: a sighting that fails, or whose row another transaction holds, never fails or holds
 * the page.
 */
@TestPropertySource(properties = "socialbank.handoff.janitor-interval=1d") // the test runs the janitor itself
@Import(H2AgentPresencePagesIntegrationTests.Broken.class)
class H2AgentPresencePagesIntegrationTests extends ConsolePagesFixture {

    /** A presence implementation that fails while {@link #failing} (the database lost, say); told first. */
    @TestConfiguration
    static class Broken {

        static final AtomicBoolean failing = new AtomicBoolean();

        @Bean
        @Order(0)
        StaffPresence brokenPresence() {
            return member -> {
                if (failing.get()) {
                    throw new DataAccessResourceFailureException("connection lost");
                }
            };
        }
    }

    @Autowired
    PlatformTransactionManager transactionManager;

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

    @Test
    @DisplayName("review 2026-12-07 console follow-up: a presence write that fails does not fail the console page, "
            + "and the other presence implementations are still told")
    void aFailingPresenceWriteDoesNotFailThePage() {
        StaffMember alice = member(Role.AGENT, team());
        FormClient browser = onDuty(alice);
        unseenFor(alice, properties.presenceTimeout().plusMinutes(1));

        Broken.failing.set(true);
        try {
            FormClient.Page page = browser.get("/console/conversations");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.html()).contains("/console/conversations/available"); // her page, signed in
        } finally {
            Broken.failing.set(false);
        }
        assertThat(available(alice))
                .as("the handoff's presence was told after the failing one")
                .isTrue();
    }

    @Test
    @DisplayName("review 2026-12-07 console follow-up: while another transaction holds the agent's row (the "
            + "presence janitor), a console page neither waits for it nor fails, and its sighting is kept, "
            + "not dropped")
    void aLockedAgentRowDoesNotHoldThePage() throws Exception {
        StaffMember alice = member(Role.AGENT, team());
        FormClient browser = onDuty(alice);
        unseenFor(alice, properties.presenceTimeout().plusMinutes(1));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService janitorNode = Executors.newSingleThreadExecutor();
        try {
            Future<?> holding = janitorNode.submit(() -> new TransactionTemplate(transactionManager)
                    .executeWithoutResult(status -> {
                        assertThat(store.lockAgent(agent(alice))).isTrue();
                        locked.countDown();
                        awaitQuietly(release);
                    }));
            locked.await();

            // before: the sighting waited for the lock (H2's LOCK_TIMEOUT, then 500)
            assertThat(browser.get("/console/conversations").status()).isEqualTo(200);
            assertThat(available(alice))
                    .as("the sighting was kept in its own row, not dropped nor waited for")
                    .isTrue();

            release.countDown();
            holding.get();
        } finally {
            release.countDown();
            janitorNode.shutdown();
        }
        assertThat(browser.get("/console/conversations").status()).isEqualTo(200);
        assertThat(available(alice)).isTrue();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The console last saw the agent this long ago. */
    private void unseenFor(StaffMember member, Duration ago) {
        jdbc.sql("UPDATE handoff_agent_sightings SET seen_at = ? WHERE agent_id = ?")
                .params(
                        org.socialbank.shared.jdbc.Timestamps.utc(
                                clock.instant().minus(ago)),
                        agent(member).value())
                .update();
        assertThat(available(member)).isFalse();
    }
}
