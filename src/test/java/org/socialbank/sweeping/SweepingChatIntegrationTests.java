package org.socialbank.sweeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.conversation.Outbound;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Ledger;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;
import org.socialbank.shared.Network;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.Chats;
import org.socialbank.support.LedgerAudit;
import org.socialbank.support.MutableClock;
import org.socialbank.support.TestStores;
import org.socialbank.sweeping.sandbox.SandboxOpenBanking;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 16 section 6 in chat, on a Telegram fake over the real engine, store and sandbox: "collect
 * my money" in the customer's language is recorded and answered at once, the worker collects
 * outside the message and the chat hears the arrival once though the worker runs twice; a second
 * collection over the consent's monthly limit is told with the reason; the linked accounts are
 * listed and revoked by name; an unlinked chat is offered the link and a public network gets the
 * neutral answer.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "socialbank.conversation.relay-enabled=false",
            "socialbank.sweeping.worker-interval=10m",
            "socialbank.sweeping.rules-enabled=false"
        })
@Import({ChatFakes.class, SweepingTestClock.class})
class SweepingChatIntegrationTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    @Autowired
    Sweeping sweeping;

    @Autowired
    SandboxOpenBanking sandbox;

    @Autowired
    ChatCollections worker;

    @Autowired
    MutableClock clock;

    @Autowired
    Chats chats;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CollectMoney collect;

    @Autowired
    JdbcPulls pulls;

    @Autowired
    JdbcChatCollections requests;

    @Autowired
    DurableTransactions writes;

    SweepingFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SweepingFixtures(directory, ledger, sweeping, sandbox);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "EN|please collect my money from my other bank|I’ve asked|has arrived",
                "FR|Bonjour, pouvez-vous rapatrier mon argent ?|J’ai demandé votre argent|sont arrivés",
                "RU|собрать деньги с других банков|Я запросил ваши деньги|поступило",
                "FA|جمع‌آوری پول از بانک دیگر|درخواست کردم|رسید",
                "ZH|请帮我办理资金归集|发起资金归集|归集到您的账户"
            })
    void collectsOnceAndTellsTheArrivalOnce(Language language, String text, String asked, String arrived) {
        SweepingFixtures.Person person = fixtures.customer("Chat Sweeper", language, 300_00);
        fixtures.link(person, 1_000_00, 5_000_00, LimitPeriod.MONTH, clock.instant());
        String chat = chats.linkedTo(person.id());

        String answer = ((Outbound.Text) chats.say(chat, text).get(0)).text();
        assertThat(answer).contains(asked).contains("other-bank");
        assertThat(fixtures.balance(person.wallet())).isZero(); // the message asked nobody

        worker.run();
        worker.run();
        chats.drain();
        String amount = MoneyFormat.format(300_00, SweepingFixtures.EUR, language.locale());
        List<String> told =
                chats.sent(chat).stream().filter(t -> t.contains(amount)).toList();
        assertThat(told).hasSize(1);
        assertThat(told.get(0)).contains(arrived);
        assertThat(fixtures.balance(person.wallet())).isEqualTo(300_00);
    }

    @Test
    void aRedeliveredMessageAsksOnce() {
        SweepingFixtures.Person person = fixtures.customer("Twice Sweeper", Language.EN, 300_00);
        fixtures.link(person, 100_00, 1_000_00, LimitPeriod.MONTH, clock.instant());
        String chat = chats.linkedTo(person.id());
        InboundMessage message = new InboundMessage(
                Network.TELEGRAM,
                "m-" + UUID.randomUUID(),
                chat,
                null,
                null,
                new Inbound.Text("collect my money"),
                null);
        chats.receive(message);
        chats.receive(message);
        worker.run();
        assertThat(sweeping.pulls(person.id())).hasSize(1);
    }

    @Test
    void aCollectionOverTheMonthlyLimitIsToldWithTheReason() {
        SweepingFixtures.Person person = fixtures.customer("Limited Sweeper", Language.RU, 500_00);
        fixtures.link(person, 100_00, 100_00, LimitPeriod.MONTH, clock.instant());
        String chat = chats.linkedTo(person.id());

        chats.say(chat, "собери деньги из другого банка");
        worker.run();
        chats.say(chat, "собери деньги из другого банка");
        worker.run();
        worker.run();
        chats.drain();
        List<String> told = chats.sent(chat);
        assertThat(told.stream().filter(t -> t.contains("поступило")).toList()).hasSize(1);
        assertThat(told.stream().filter(t -> t.contains("превысила бы лимит")).toList())
                .hasSize(1);
        assertThat(fixtures.balance(person.wallet())).isEqualTo(100_00);
    }

    @Test
    @DisplayName(
            "review 2026-12-07 money #6: a collection whose consent was revoked before the worker is told once, nothing moves")
    void aCollectionWhoseConsentWasRevokedBeforeTheWorkerIsToldOnce() {
        SweepingFixtures.Person person = fixtures.customer("Revoked Sweeper", Language.EN, 300_00);
        ConsentId consent = fixtures.link(person, 100_00, 1_000_00, LimitPeriod.MONTH, clock.instant());
        String chat = chats.linkedTo(person.id());

        assertThat(((Outbound.Text) chats.say(chat, "collect my money").get(0)).text())
                .contains("I’ve asked");
        sweeping.revoke(person.id(), consent).orElseThrow();
        worker.run();
        worker.run();
        chats.drain();

        List<String> told = chats.sent(chat).stream()
                .filter(t -> t.startsWith("Nothing was collected"))
                .toList();
        assertThat(told)
                .containsExactly("Nothing was collected from other-bank: your consent for that account was "
                        + "withdrawn or is no longer valid. You can link it again in the bank’s app.");
        assertThat(sweeping.pulls(person.id())).isEmpty();
        assertThat(fixtures.balance(person.wallet())).isZero();
        new LedgerAudit(jdbc).assertBalanced();
        new LedgerAudit(jdbc).assertBalancesMatchTheJournal();
    }

    @Test
    @DisplayName("review 2026-12-07 sweeping follow-up: a PENDING pull left by a crash is not sent once its consent is"
            + " revoked; it is refused and she is told once")
    void aPendingPullLeftByACrashIsNotSentAfterTheConsentIsRevoked() {
        SweepingFixtures.Person person = fixtures.customer("Crashed Sweeper", Language.EN, 300_00);
        ConsentId consent = fixtures.link(person, 100_00, 1_000_00, LimitPeriod.MONTH, clock.instant());
        String chat = chats.linkedTo(person.id());
        chats.say(chat, "my other banks"); // her most recent chat, where she is told
        PullId id = new PullId(UUID.randomUUID());
        UUID request = UUID.randomUUID();
        // the node recorded the pull (PENDING) and the chat request, then died before asking the provider
        writes.write(tx -> {
            pulls.insert(new JdbcPulls.Row(
                    new Pull(
                            id,
                            consent,
                            person.id(),
                            Optional.empty(),
                            100_00,
                            SweepingFixtures.EUR,
                            PullStatus.PENDING,
                            null,
                            null,
                            clock.instant(),
                            clock.instant()),
                    100_00L,
                    CollectMoney.transferId(id)));
            requests.insert(request, person.id(), consent, 100_00L, clock.instant());
            requests.take(request, List.of(id), person.id(), clock.instant());
            return null;
        });
        sweeping.revoke(person.id(), consent).orElseThrow();
        int calls = sandbox.pullCalls();

        clock.advance(Duration.ofMinutes(1));
        collect.recheck();
        collect.recheck();
        worker.run();
        worker.run();
        chats.drain();

        assertThat(sandbox.pullCalls()).as("nothing asked of the other bank").isEqualTo(calls);
        assertThat(sweeping.pulls(person.id())).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(PullStatus.REFUSED);
            assertThat(p.code()).isEqualTo("consent_revoked");
        });
        assertThat(fixtures.balance(person.wallet())).isZero();
        assertThat(chats.sent(chat).stream().filter(t -> t.startsWith("Nothing was collected")))
                .containsExactly("Nothing was collected from other-bank: your consent for that account was "
                        + "withdrawn or is no longer valid. You can link it again in the bank’s app.");
        new LedgerAudit(jdbc).assertBalanced();
    }

    @Test
    @DisplayName("review 2026-12-07 money follow-up: a collection from every account that starts some pulls and not"
            + " others tells, in one answer, which accounts were not asked and why")
    void aCollectionThatStartsSomePullsNotOthersTellsWhichDidNotStartAndWhy() {
        SweepingFixtures.Person person = fixtures.customer("Partly Sweeper", Language.EN, 300_00);
        fixtures.link(person, 1_000_00, 5_000_00, LimitPeriod.MONTH, clock.instant());
        ConsentId second = fixtures.linkAt(person, "second-bank", 200_00, 1_000_00, clock.instant());
        String chat = chats.linkedTo(person.id());
        chats.say(chat, "my other banks"); // her most recent chat, where she is told
        assertThat(sweeping.askCollection(UUID.randomUUID(), person.id())).hasSize(2);
        sweeping.revoke(person.id(), second).orElseThrow();

        worker.run();
        worker.run();
        chats.drain();

        List<String> told = chats.sent(chat);
        assertThat(told.stream().filter(t -> t.contains("could not be asked")))
                .as("%s", told)
                .containsExactly(
                        "I’ve asked other-bank for your money. I’ll tell you here when it arrives. Your other"
                                + " accounts could not be asked:\n• Nothing was collected from second-bank: your consent for"
                                + " that account was withdrawn or is no longer valid. You can link it again in the bank’s app.");
        assertThat(told.stream().filter(t -> t.contains("has arrived from other-bank")))
                .hasSize(1);
        assertThat(fixtures.balance(person.wallet())).isEqualTo(300_00);
        new LedgerAudit(jdbc).assertBalanced();
    }

    @Test
    void theLinkedAccountsAreListedAndRevokedByName() {
        SweepingFixtures.Person person = fixtures.customer("Listing Sweeper", Language.EN, 300_00);
        ConsentId consent = fixtures.link(person, 100_00, 1_000_00, LimitPeriod.MONTH, clock.instant());
        String chat = chats.linkedTo(person.id());

        // svc16: the list comes with the signed link to the same list on the bank's page (issue 16 s6)
        Outbound.Link listedWithPage =
                (Outbound.Link) chats.say(chat, "show my other banks").get(0);
        String listed = listedWithPage.text();
        assertThat(listed)
                .startsWith("Your accounts at other banks:")
                .contains(person.externalRef())
                .contains("a month, active");
        assertThat(listedWithPage.url()).contains("/linked-accounts/").endsWith("?lang=en");
        String revoked = ((Outbound.Text) chats.say(chat, "revoke other-bank").get(0)).text();
        assertThat(revoked).startsWith("Done").contains("other-bank");
        assertThat(sweeping.consent(person.id(), consent).orElseThrow().revoked())
                .isTrue();
        String none = ((Outbound.Text) chats.say(chat, "collect my money").get(0)).text();
        assertThat(none).startsWith("You have no account at another bank linked");
    }

    @Test
    void anUnlinkedChatIsOfferedTheLink() {
        String chat = "tg-" + UUID.randomUUID();
        assertThat(chats.say(chat, "collect my money").get(0)).isInstanceOf(Outbound.Link.class);
    }

    @Test
    void aPublicNetworkGetsTheNeutralAnswerEvenWhenLinked() {
        SweepingFixtures.Person person = fixtures.customer("Public Sweeper", Language.EN, 300_00);
        fixtures.link(person, 100_00, 1_000_00, LimitPeriod.MONTH, clock.instant());
        String account = "x-" + UUID.randomUUID().toString().substring(0, 8);
        chats.linkedTo(Network.X, account, person.id());
        String reply = Chats.text(chats.say(Network.X, account, new Inbound.Text("collect my money")));
        assertThat(reply).startsWith("Money at your other banks is handled in a private chat");
        worker.run();
        assertThat(sweeping.pulls(person.id())).isEmpty();
    }
}
