package org.socialbank.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.console.ConsoleStaff;
import org.socialbank.console.Role;
import org.socialbank.console.StaffDirectory;
import org.socialbank.console.StaffId;
import org.socialbank.console.StaffMember;
import org.socialbank.console.staff.StaffAccounts;
import org.socialbank.directory.IdentityId;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.socialbank.shared.Language;
import org.socialbank.shared.jdbc.Timestamps;
import org.socialbank.support.Chats;
import org.socialbank.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Review 2026-12-07 console follow-up on a real store: the queues give customers only to agents
 * who are there and who may answer them. An available agent the console has not seen within
 * {@code presence-timeout} gets no new case, and the presence janitor marks them away, their
 * unanswered cases back to the queue or to a colleague, each customer told in her language; the
 * staff reconcile brings agents whose account changed before {@code StaffAccountChanged} existed in
 * line. Both run on two nodes at once and tell each customer once. The same contract on H2 and
 * PostgreSQL; the schedules are off, the tests run the jobs.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "socialbank.conversation.relay-enabled=false",
            "socialbank.handoff.default-team=presence",
            "socialbank.handoff.janitor-interval=1d",
            "socialbank.handoff.reconcile-interval=1d",
            "socialbank.handoff.reconcile-start-delay=1d"
        })
@Import({Chats.class, HandoffContract.Fakes.class})
abstract class AgentRosterContract {

    @Autowired
    Handoffs handoffs;

    @Autowired
    AgentReplies replies;

    @Autowired
    HandoffViews views;

    @Autowired
    JdbcHandoffs store;

    @Autowired
    QueueJanitor janitor;

    @Autowired
    ReconcileAgents reconcile;

    @Autowired
    HandoffProperties properties;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Chats chats;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    StaffDirectory directory;

    @Autowired
    StaffAccountChanges changes;

    @Autowired
    AgentPresence presence;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    @DisplayName("review 2026-12-07 console follow-up: an available agent not seen within presence-timeout gets no "
            + "new case; the janitor marks them away, their unanswered case goes to a colleague, the French customer "
            + "told in French; an answered case stays")
    void anUnseenAgentIsMarkedAwayAndTheirUnansweredCasesMove() {
        AgentId alice = agent("Alice", true, "presence");
        String chat = Chats.newChat();
        chats.say(chat, "Je voudrais parler à un conseiller");
        IdentityId french = chats.identity(chat);
        CaseId unanswered = caseOf(french);
        HandoffCase before = views.find(unanswered).orElseThrow();
        assertThat(before.agent()).contains(alice);
        assertThat(before.language()).isEqualTo(Language.FR);
        IdentityId other = chat();
        CaseId answered = open(other, "presence");
        assertThat(replies.reply(alice, answered, "c-1", "Hello, let me check")).isInstanceOf(HandoffResult.Done.class);
        long toldFrench = outboxRows(french);
        long toldOther = outboxRows(other);

        clock.advance(properties.presenceTimeout().plusSeconds(1));
        CaseId meanwhile = open(chat(), "presence");
        assertThat(views.find(meanwhile).orElseThrow().status())
                .as("not given to an agent whose presence expired, before the janitor runs")
                .isEqualTo(HandoffCase.Status.QUEUED);
        assertThat(lastBankLine(meanwhile)).contains("nobody is available");
        AgentId bob = agent("Bob", true, "presence");
        assertThat(views.find(meanwhile).orElseThrow().agent()).contains(bob);

        // an account change meanwhile (Handoffs.enrol) keeps what she chose: the janitor still finds her
        handoffs.enrol(alice, "Alice", Set.of("presence"), Set.of(Language.EN, Language.FR, Language.RU), 3);
        assertThat(store.availableFlag(alice)).isTrue();

        assertThat(janitor.markUnseenAway()).isPositive();

        assertThat(store.availableFlag(alice)).isFalse();
        HandoffCase moved = views.find(unanswered).orElseThrow();
        assertThat(moved.agent()).contains(bob);
        assertThat(moved.queuedAt()).as("keeps its place").isEqualTo(before.queuedAt());
        assertThat(outboxRows(french)).isEqualTo(toldFrench + 1);
        assertThat(lastBankLine(unanswered)).isEqualTo("Bob, de la banque, est avec vous.");
        assertThat(bankLines(unanswered)).anyMatch(l -> l.startsWith("back to the queue: the agent was not seen"));
        assertThat(views.find(answered).orElseThrow().agent()).contains(alice);
        assertThat(outboxRows(other)).isEqualTo(toldOther);
        assertThat(janitor.markUnseenAway()).isZero();
    }

    @Test
    @DisplayName("review 2026-12-07 console follow-up: two presence janitors at once (two nodes) mark an unseen "
            + "agent away once and tell each of their customers once")
    void twoJanitorsAtOnceTellEachCustomerOnce() throws Exception {
        String team = team();
        AgentId carol = agent("Carol", true, team);
        List<IdentityId> customers = List.of(chat(), chat(), chat());
        List<CaseId> held = customers.stream().map(c -> open(c, team)).toList();
        held.forEach(id -> assertThat(views.find(id).orElseThrow().agent()).contains(carol));
        Map<IdentityId, Long> told = customers.stream().collect(Collectors.toMap(c -> c, this::outboxRows));
        clock.advance(properties.presenceTimeout().plusSeconds(1));

        assertThat(twoNodesAtOnce(janitor::markUnseenAway)).isPositive();

        assertThat(store.availableFlag(carol)).isFalse();
        customers.forEach(c -> assertThat(outboxRows(c)).isEqualTo(told.get(c) + 1));
        for (CaseId id : held) {
            assertThat(views.find(id).orElseThrow().status()).isEqualTo(HandoffCase.Status.QUEUED);
            assertThat(bankLines(id).stream().filter(l -> l.startsWith("back to the queue")))
                    .hasSize(1);
        }
    }

    @Test
    @DisplayName("review 2026-12-07 console follow-up: agents disabled, de-roled or moved out of a team before the "
            + "staff event existed are brought in line by the reconcile, on two nodes at once; a second run "
            + "changes nothing")
    void theReconcileBringsEarlierChangesInLine() throws Exception {
        String left = team();
        String kept = team();
        ConsoleStaff staff = new ConsoleStaff(accounts, clock);
        // each takes their cases alone, then goes away: what the reconcile requeues waits for nobody
        StaffMember dave = enrolled(staff.createIn(List.of(left), Role.AGENT));
        IdentityId daves = chat();
        CaseId davesCase = open(daves, left);
        handoffs.setAvailable(AgentId.of(dave.id()), false);
        StaffMember erin = enrolled(staff.createIn(List.of(left), Role.AGENT));
        IdentityId erins = chat();
        CaseId erinsCase = open(erins, left);
        handoffs.setAvailable(AgentId.of(erin.id()), false);
        StaffMember frank = enrolled(staff.createIn(List.of(left, kept), Role.AGENT));
        IdentityId franksLeft = chat();
        CaseId franksLeftCase = open(franksLeft, left);
        CaseId franksKeptCase = open(chat(), kept);
        handoffs.setAvailable(AgentId.of(frank.id()), false);
        assertThat(views.find(davesCase).orElseThrow().agent()).contains(AgentId.of(dave.id()));
        assertThat(views.find(erinsCase).orElseThrow().agent()).contains(AgentId.of(erin.id()));
        assertThat(views.find(franksLeftCase).orElseThrow().agent()).contains(AgentId.of(frank.id()));
        assertThat(views.find(franksKeptCase).orElseThrow().agent()).contains(AgentId.of(frank.id()));
        Map<IdentityId, Long> told =
                List.of(daves, erins, franksLeft).stream().collect(Collectors.toMap(c -> c, this::outboxRows));
        // what an administrator's change did to the accounts before StaffAccountChanged existed
        jdbc.sql("UPDATE console_staff SET active = FALSE WHERE id = ?")
                .param(dave.id().value())
                .update();
        jdbc.sql("UPDATE console_staff SET roles = 'auditor' WHERE id = ?")
                .param(erin.id().value())
                .update();
        jdbc.sql("UPDATE console_staff SET teams = ?, languages = 'en,fr' WHERE id = ?")
                .params(kept, frank.id().value())
                .update();

        assertThat(twoNodesAtOnce(reconcile::run)).isGreaterThanOrEqualTo(3);

        for (StaffMember out : List.of(dave, erin)) {
            Assignment.Agent agent = views.agent(AgentId.of(out.id())).orElseThrow();
            assertThat(agent.teams()).isEmpty();
            assertThat(agent.available()).isFalse();
            assertThat(store.availableFlag(AgentId.of(out.id()))).isFalse();
        }
        Assignment.Agent franks = views.agent(AgentId.of(frank.id())).orElseThrow();
        assertThat(franks.teams()).containsExactly(kept);
        assertThat(franks.languages()).containsExactlyInAnyOrder(Language.EN, Language.FR);
        assertThat(franks.available()).isFalse();
        for (CaseId id : List.of(davesCase, erinsCase, franksLeftCase)) {
            assertThat(views.find(id).orElseThrow().status()).isEqualTo(HandoffCase.Status.QUEUED);
            assertThat(lastBankLine(id)).contains("in the queue").contains("nobody is available");
        }
        told.forEach((customer, before) -> assertThat(outboxRows(customer)).isEqualTo(before + 1));
        assertThat(views.find(franksKeptCase).orElseThrow().agent()).contains(AgentId.of(frank.id()));
        assertThat(views.find(open(chat(), left)).orElseThrow().status()).isEqualTo(HandoffCase.Status.QUEUED);

        assertThat(reconcile.run()).isZero();
        told.forEach((customer, before) -> assertThat(outboxRows(customer)).isEqualTo(before + 1));
    }

    @Test
    @DisplayName("review 2026-12-07 console follow-up: the staff directory failing for one agent neither stops the "
            + "reconcile nor escapes it; the other agents are brought in line, the failed one at the next run")
    void aFailingLookupForOneAgentStopsNoOther() {
        String team = team();
        ConsoleStaff staff = new ConsoleStaff(accounts, clock);
        List<StaffMember> two =
                List.of(staff.createIn(List.of(team), Role.AGENT), staff.createIn(List.of(team), Role.AGENT)).stream()
                        .map(this::enrolled)
                        .sorted(Comparator.comparing(m -> AgentId.of(m.id()).value()))
                        .toList();
        StaffMember failing = two.get(0); // read first: the other comes after the fault
        StaffMember other = two.get(1);
        two.forEach(m -> jdbc.sql("UPDATE console_staff SET active = FALSE WHERE id = ?")
                .param(m.id().value())
                .update());
        ReconcileAgents withFault = new ReconcileAgents(store, failingFor(failing.id()), changes, transactionManager);

        assertThatCode(withFault::scheduled).doesNotThrowAnyException();

        assertThat(views.agent(AgentId.of(other.id())).orElseThrow().teams()).isEmpty();
        assertThat(store.availableFlag(AgentId.of(other.id()))).isFalse();
        assertThat(views.agent(AgentId.of(failing.id())).orElseThrow().teams()).containsExactly(team);
        assertThat(reconcile.run()).isPositive();
        assertThat(views.agent(AgentId.of(failing.id())).orElseThrow().teams()).isEmpty();
        assertThat(store.availableFlag(AgentId.of(failing.id()))).isFalse();
    }

    @Test
    @DisplayName("review 2026-12-07 console follow-up: the staff reconcile leaves agents added through the API "
            + "(ids that are no staff id, one UUID.fromString would stretch) alone: teams, availability, cases")
    void theReconcileLeavesAgentsOfTheApiAlone() {
        String team = team();
        AgentId api = agent("Grace", true, team);
        IdentityId answeredBy = chat();
        CaseId answered = open(answeredBy, team);
        assertThat(replies.reply(api, answered, "c-1", "Hello")).isInstanceOf(HandoffResult.Done.class);
        CaseId unanswered = open(chat(), team);
        String stretched = team();
        AgentId uuidLike = new AgentId("1-2-3-4-" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(handoffs.saveAgent(uuidLike, "Heidi", 3, true, Set.of(stretched), Set.of(Language.EN)))
                .isEmpty();
        CaseId heidis = open(chat(), stretched);
        long told = outboxRows(answeredBy);

        reconcile.run();

        assertThat(views.agent(api).orElseThrow().teams()).containsExactly(team);
        assertThat(views.agent(uuidLike).orElseThrow().teams()).containsExactly(stretched);
        assertThat(store.availableFlag(api)).isTrue();
        assertThat(store.availableFlag(uuidLike)).isTrue();
        assertThat(views.find(answered).orElseThrow().agent()).contains(api);
        assertThat(views.find(unanswered).orElseThrow().agent()).contains(api);
        assertThat(views.find(heidis).orElseThrow().agent()).contains(uuidLike);
        assertThat(outboxRows(answeredBy)).isEqualTo(told);
    }

    @Test
    @DisplayName("review 2026-12-07 console follow-up: a console sighting while another transaction holds the "
            + "agent's row (an assignment, the presence janitor) neither waits nor fails, and is kept: the janitor "
            + "that runs next leaves her available")
    void aSightingDoesNotWaitForTheAgentsRowAndIsKept() throws Exception {
        StaffMember heidi = enrolled(new ConsoleStaff(accounts, clock).createIn(List.of(team()), Role.AGENT));
        AgentId agent = AgentId.of(heidi.id());
        unseenSince(agent, clock.instant().minus(properties.presenceTimeout().plusMinutes(1)));
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<?> otherNode = holdRow(nodes, agent, release);
            sightingWithin60s(nodes, heidi);
            // before: dropped (SKIP LOCKED on the agent's row), and the janitor below marked her away
            assertThat(lastSeen(agent)).as("kept, not dropped").isAfter(recently());
            release.countDown();
            otherNode.get();
        } finally {
            release.countDown();
            stop(nodes);
        }
        janitor.markUnseenAway();
        assertThat(store.availableFlag(agent)).isTrue();
        assertThat(views.agent(agent).orElseThrow().available()).isTrue();
    }

    @Test
    @DisplayName("review 2026-12-07 console follow-up: a sighting in the middle of the presence janitor's pass (it "
            + "read her old sighting, holds her row and waits for a colleague's row to give him her case) is kept, "
            + "and the pass is undone: she stays available with her case, her customer is told nothing")
    void aSightingDuringTheJanitorsPassKeepsTheAgent() throws Exception {
        String team = team();
        StaffMember ivy = enrolled(new ConsoleStaff(accounts, clock).createIn(List.of(team), Role.AGENT));
        AgentId agent = AgentId.of(ivy.id());
        IdentityId customer = chat();
        CaseId waiting = open(customer, team);
        assertThat(views.find(waiting).orElseThrow().agent()).contains(agent);
        clock.advance(properties.presenceTimeout().plusSeconds(1));
        AgentId judy = agent("Judy", true, team); // seen now: the janitor would give her Ivy's case
        long told = outboxRows(customer);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(3);
        try {
            Future<?> holdsJudy = holdRow(nodes, judy, release);
            Future<Integer> pass = nodes.submit(janitor::markUnseenAway);
            awaitRowHeld(agent); // the pass read Ivy's old sighting and holds her row; it cannot end before Judy's
            sightingWithin60s(nodes, ivy);
            assertThat(pass.isDone()).isFalse();
            release.countDown();
            holdsJudy.get();
            pass.get(60, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            stop(nodes);
        }
        assertThat(store.availableFlag(agent))
                .as("not marked away: seen during the pass")
                .isTrue();
        HandoffCase still = views.find(waiting).orElseThrow();
        assertThat(still.status()).isEqualTo(HandoffCase.Status.ASSIGNED);
        assertThat(still.agent()).contains(agent);
        assertThat(bankLines(waiting)).noneMatch(l -> l.startsWith("back to the queue"));
        assertThat(outboxRows(customer)).isEqualTo(told);
    }

    @Test
    @DisplayName("review 2026-12-07 console follow-up: an agent away by choice and then not seen for "
            + "presence-timeout gives back her unanswered case (to a colleague on duty, keeping its place, the "
            + "customer told who joined), keeps her answered one and stays away; an agent away and seen keeps all")
    void anAgentAwayByChoiceAndGoneGivesBackUnansweredCases() {
        String team = team();
        AgentId kim = agent("Kim", true, team);
        IdentityId waitingFor = chat();
        CaseId unanswered = open(waitingFor, team);
        IdentityId other = chat();
        CaseId answered = open(other, team);
        assertThat(replies.reply(kim, answered, "c-1", "Hello, let me check")).isInstanceOf(HandoffResult.Done.class);
        handoffs.setAvailable(kim, false);
        String elsewhere = team();
        AgentId nia = agent("Nia", true, elsewhere);
        CaseId niasCase = open(chat(), elsewhere);
        handoffs.setAvailable(nia, false);
        Instant queuedAt = views.find(unanswered).orElseThrow().queuedAt();
        long toldWaiting = outboxRows(waitingFor);
        long toldOther = outboxRows(other);
        clock.advance(properties.presenceTimeout().plusSeconds(1));
        store.seen(nia, clock.instant(), clock.instant()); // Nia is still at the console, away by choice
        AgentId lee = agent("Lee", true, team);

        // before: an agent away by choice kept her unanswered cases for ever
        assertThat(janitor.markUnseenAway()).isPositive();

        HandoffCase moved = views.find(unanswered).orElseThrow();
        assertThat(moved.agent()).contains(lee);
        assertThat(moved.queuedAt()).as("keeps its place").isEqualTo(queuedAt);
        assertThat(bankLines(unanswered)).anyMatch(l -> l.startsWith("back to the queue: the agent was not seen"));
        assertThat(lastBankLine(unanswered)).isEqualTo("Lee from the bank is with you now.");
        assertThat(outboxRows(waitingFor)).isEqualTo(toldWaiting + 1);
        assertThat(views.find(answered).orElseThrow().agent()).contains(kim);
        assertThat(outboxRows(other)).isEqualTo(toldOther);
        assertThat(store.availableFlag(kim)).as("her choice stays").isFalse();
        assertThat(views.find(niasCase).orElseThrow().agent()).contains(nia);

        janitor.markUnseenAway();
        assertThat(store.awayWithUnansweredSince(clock.instant().minus(properties.presenceTimeout()), 1000))
                .doesNotContain(kim, nia);
        assertThat(outboxRows(waitingFor)).isEqualTo(toldWaiting + 1);
        assertThat(store.availableFlag(kim)).isFalse();
    }

    @Test
    @DisplayName("review 2026-12-07 console follow-up: a case an away agent gone from the console gives back "
            + "after hours gets a fresh queue-wait-max: its customer is told her place once, is not told a "
            + "minute later that nobody could take it, and goes back to the bot queue-wait-max after the give-back")
    void aCaseGivenBackWaitsAFreshQueueWaitMax() {
        String team = team();
        AgentId omar = agent("Omar", true, team);
        IdentityId customer = chat();
        CaseId held = open(customer, team);
        assertThat(views.find(held).orElseThrow().agent()).contains(omar);
        handoffs.setAvailable(omar, false);
        Instant queuedAt = views.find(held).orElseThrow().queuedAt();
        clock.advance(properties.queueWaitMax().plusHours(1)); // she has waited for Omar longer than queue-wait-max
        long told = outboxRows(customer);

        janitor.scheduled(); // Omar is gone: the case goes back to the queue, nobody of it on duty
        Instant givenBack = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        janitor.scheduled(); // before: handed back to the bot at once, "waited too long"

        HandoffCase waiting = views.find(held).orElseThrow();
        assertThat(waiting.status()).isEqualTo(HandoffCase.Status.QUEUED);
        assertThat(waiting.queuedAt()).as("keeps its place in the fair order").isEqualTo(queuedAt);
        assertThat(waiting.waitFrom())
                .as("a fresh wait from the give-back (as stored: microseconds)")
                .isBetween(givenBack.minusMillis(1), givenBack.plusMillis(1));
        assertThat(outboxRows(customer)).as("told her place once").isEqualTo(told + 1);
        assertThat(lastBankLine(held)).contains("You are number 1 in the queue");

        clock.advance(Duration.between(clock.instant(), givenBack.plus(properties.queueWaitMax()))
                .minusSeconds(1));
        janitor.run();
        assertThat(views.find(held).orElseThrow().status()).isEqualTo(HandoffCase.Status.QUEUED);

        clock.advance(Duration.ofSeconds(2));
        janitor.run();
        assertThat(views.find(held).orElseThrow().status()).isEqualTo(HandoffCase.Status.HANDED_BACK);
        assertThat(handoffs.owner(customer)).isEqualTo(new Owner.Bot());
        assertThat(outboxRows(customer)).as("then told it waited too long").isEqualTo(told + 2);
    }

    @Test
    @DisplayName("review 2026-12-07 console follow-up: a case an agent held for hours and transferred to another "
            + "team's queue keeps its place there but waits a fresh queue-wait-max")
    void aCaseTransferredToAnotherTeamWaitsAFreshQueueWaitMax() {
        String team = team();
        AgentId pia = agent("Pia", true, team);
        IdentityId customer = chat();
        CaseId held = open(customer, team);
        Instant queuedAt = views.find(held).orElseThrow().queuedAt();
        clock.advance(properties.queueWaitMax().plusHours(1));

        String target = team();
        agent("Quin", false, target); // the team exists, nobody of it on duty
        assertThat(handoffs.transferToTeam(pia, held, target)).isInstanceOf(HandoffResult.Done.class);
        Instant transferred = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        janitor.run();

        HandoffCase waiting = views.find(held).orElseThrow();
        assertThat(waiting.status()).isEqualTo(HandoffCase.Status.QUEUED);
        assertThat(waiting.queuedAt()).as("keeps its place in the fair order").isEqualTo(queuedAt);
        assertThat(waiting.waitFrom()).isBetween(transferred.minusMillis(1), transferred.plusMillis(1));
        clock.advance(properties.queueWaitMax());
        janitor.run();
        assertThat(views.find(held).orElseThrow().status()).isEqualTo(HandoffCase.Status.HANDED_BACK);
    }

    @Test
    @DisplayName("an answered case transferred to another team and taken there by an agent who goes away without "
            + "writing goes back to the queue, the customer told her place, and its first-response timer runs for "
            + "the new team (review 2026-12-07 handoff follow-up)")
    void anAnswerBeforeATransferDoesNotKeepTheCaseWithTheNextAgent() {
        String first = team();
        AgentId ana = agent("Ana", true, first);
        IdentityId customer = chat();
        CaseId id = open(customer, first);
        assertThat(replies.reply(ana, id, "c-1", "Hello, I will pass you to cards"))
                .isInstanceOf(HandoffResult.Done.class);
        String cards = team();
        AgentId ben = agent("Ben", true, cards);

        assertThat(handoffs.transferToTeam(ana, id, cards)).isInstanceOf(HandoffResult.Done.class);
        HandoffCase withBen = views.find(id).orElseThrow();
        assertThat(withBen.agent()).contains(ben);
        assertThat(withBen.firstResponseAt())
                .as("the case's first answer stays for reports")
                .isPresent();
        assertThat(withBen.answeredAt()).as("Ben has not answered").isEmpty();
        clock.advance(properties.firstResponse().plusSeconds(1));
        // before: "met", the answer Ana gave in another team counted for Ben's
        assertThat(views.find(id).orElseThrow().sla(clock.instant(), properties).firstResponse())
                .isEqualTo(Sla.State.BREACHED);
        long told = outboxRows(customer);

        clock.advance(properties.presenceTimeout()); // Ben is not seen at the console again
        assertThat(janitor.markUnseenAway()).isPositive();

        HandoffCase given = views.find(id).orElseThrow();
        assertThat(given.status())
                .as("before: answered, it stayed with Ben for ever")
                .isEqualTo(HandoffCase.Status.QUEUED);
        assertThat(given.agent()).isEmpty();
        assertThat(outboxRows(customer)).isEqualTo(told + 1);
        assertThat(lastBankLine(id)).contains("You are number 1 in the queue");
    }

    /**
     * Lets the threads end on their own: interrupting one inside a statement closes an H2 database,
     * and every later test of the class would fail for it.
     */
    private static void stop(ExecutorService nodes) throws InterruptedException {
        nodes.shutdown();
        assertThat(nodes.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    /** Another transaction (another node's) locks the agent's row and holds it until {@code release}; returns once locked. */
    private Future<?> holdRow(ExecutorService nodes, AgentId agent, CountDownLatch release)
            throws InterruptedException {
        CountDownLatch locked = new CountDownLatch(1);
        Future<?> holding =
                nodes.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                    assertThat(store.lockAgent(agent)).isTrue();
                    locked.countDown();
                    awaitQuietly(release);
                }));
        locked.await();
        return holding;
    }

    /** A console sighting of the member, on another thread; fails if it waits (for any lock) a minute. */
    private void sightingWithin60s(ExecutorService nodes, StaffMember member) throws Exception {
        Future<?> console = nodes.submit(() -> presence.seen(member));
        try {
            console.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException waited) {
            throw new AssertionError("the sighting waited for a lock", waited);
        }
    }

    /** Waits until another transaction holds the agent's row (at most a minute); asks without waiting. */
    private void awaitRowHeld(AgentId agent) throws InterruptedException {
        TransactionTemplate probe = new TransactionTemplate(transactionManager);
        for (int i = 0; i < 6000; i++) {
            boolean free = Boolean.TRUE.equals(probe.execute(
                    status -> jdbc.sql("SELECT agent_id FROM handoff_agents WHERE agent_id = ? FOR UPDATE SKIP LOCKED")
                            .param(agent.value())
                            .query(String.class)
                            .optional()
                            .isPresent()));
            if (!free) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("nobody took the agent's row");
    }

    private void unseenSince(AgentId agent, Instant at) {
        jdbc.sql("UPDATE handoff_agent_sightings SET seen_at = ? WHERE agent_id = ?")
                .params(Timestamps.utc(at), agent.value())
                .update();
    }

    private StaffDirectory failingFor(StaffId broken) {
        return new StaffDirectory() {
            @Override
            public Optional<StaffMember> find(StaffId id) {
                if (id.equals(broken)) {
                    throw new DataAccessResourceFailureException("connection lost");
                }
                return directory.find(id);
            }

            @Override
            public Optional<StaffMember> findByUsername(String username) {
                return directory.findByUsername(username);
            }

            @Override
            public List<StaffMember> inTeam(String team, Role role) {
                return directory.inTeam(team, role);
            }
        };
    }

    /** Before this, a sighting was not written just now. */
    private Instant recently() {
        return clock.instant().minus(AgentPresence.WRITE_EVERY);
    }

    private Instant lastSeen(AgentId agent) {
        return jdbc.sql("SELECT seen_at FROM handoff_agent_sightings WHERE agent_id = ?")
                .param(agent.value())
                .query((rs, n) -> Timestamps.instant(rs, "seen_at"))
                .single();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Two runs of a job at once, as on two nodes; their results added. */
    private static int twoNodesAtOnce(Callable<Integer> job) throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = nodes.submit(job);
            Future<Integer> second = nodes.submit(job);
            return first.get() + second.get();
        } finally {
            nodes.shutdown();
        }
    }

    /** A member of staff enrolled as a console visit enrols them, and taking new conversations. */
    private StaffMember enrolled(StaffMember member) {
        AgentId agent = AgentId.of(member.id());
        handoffs.enrol(agent, member.displayName(), Set.copyOf(member.teams()), Set.of(Language.EN), 5);
        handoffs.setAvailable(agent, true);
        return member;
    }

    /** An agent added through the API, answering English and French, seen now when available. */
    private AgentId agent(String name, boolean available, String team) {
        AgentId agent = new AgentId("agent-" + UUID.randomUUID());
        assertThat(handoffs.saveAgent(agent, name, 3, available, Set.of(team), Set.of(Language.EN, Language.FR)))
                .isEmpty();
        return agent;
    }

    /** A team of its own per test: other tests' agents and cases never meet this one's. */
    private static String team() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    private IdentityId chat() {
        String chat = Chats.newChat();
        chats.say(chat, "hello");
        return chats.identity(chat);
    }

    private CaseId open(IdentityId customer, String team) {
        return ((HandoffResult.Done) handoffs.open(customer, team, false)).caseId();
    }

    private CaseId caseOf(IdentityId identity) {
        Owner owner = handoffs.owner(identity);
        return owner instanceof Owner.Agent a ? a.caseId() : ((Owner.Queue) owner).caseId();
    }

    private List<String> bankLines(CaseId id) {
        return store.transcript(id, 100).stream()
                .filter(l -> l.author().equals("BANK"))
                .map(JdbcHandoffs.Line::body)
                .toList();
    }

    private String lastBankLine(CaseId id) {
        List<String> lines = bankLines(id);
        return lines.get(lines.size() - 1);
    }

    private long outboxRows(IdentityId identity) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_messages WHERE identity_id = ?")
                .param(identity.value())
                .query(Long.class)
                .single();
    }
}
