package org.socialbank.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Conversations;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.Received;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.directory.DirectoryResult;
import org.socialbank.directory.IdentityId;
import org.socialbank.directory.KycLevel;
import org.socialbank.directory.NewCustomer;
import org.socialbank.ledger.AccountFlag;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewAccount;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.support.MutableClock;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 13 end to end over the Telegram fake (the engine, the real payments, requests and ledger on
 * H2, replies through the outbox to the fake sender): "my requests", "remind", "cancel my request",
 * "my account number", "my limits" and "spending this month", in English and in Chinese or Persian.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "socialbank.conversation.relay-enabled=false",
            "socialbank.payments.risk.new-channel-confirmations-min=0"
        })
@Import(ConversationEngineContract.Fakes.class)
class H2AccountIntentsIntegrationTests {

    static final CurrencyCode EUR = CurrencyCode.of("EUR");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("spring.datasource.hikari.minimum-idle", () -> "10"); // h2database#4302, as the contract
    }

    @Autowired
    Conversations conversations;

    @Autowired
    OutboxRelay relay;

    @Autowired
    Directory directory;

    @Autowired
    ChannelIdentities identities;

    @Autowired
    Ledger ledger;

    @Autowired
    MutableClock clock;

    @Autowired
    FakeSender telegramSender;

    @Autowired
    org.socialbank.directory.LinkSignIn linkSignIn;

    @Autowired
    org.socialbank.support.FakeSms sms;

    @Autowired
    org.socialbank.support.RecordedEvents events;

    record Person(CustomerId id, String phone, String handle, AccountId wallet, String chat) {}

    Person alice;
    Person carol;

    @BeforeEach
    void setUp() {
        alice = linked(person("Alice Archer", 50_000, Language.EN));
        carol = linked(person("Carol Cole", 10_000, Language.EN));
    }

    @Test
    @DisplayName("issue 13: a request is listed on both sides, reminded once per interval, and withdrawn from the chat")
    void requestsAreListedRemindedAndWithdrawn() {
        assertThat(text(say(alice, "request 20 from @" + carol.handle()))).startsWith("Asked Carol C. for €20.00.");
        assertThat(text(say(alice, "my requests"))).contains("Carol C. owes you €20.00");
        assertThat(text(say(carol, "my requests"))).contains("You owe Alice A. €20.00");
        assertThat(text(say(alice, "remind @" + carol.handle())))
                .as("asked a moment ago")
                .startsWith("Carol C. was asked or reminded recently, so I sent nothing.");
        clock.advance(Duration.ofHours(25));
        assertThat(text(say(alice, "remind @" + carol.handle())))
                .isEqualTo("Reminded Carol C. of your request for €20.00.");
        assertThat(text(say(alice, "send a reminder to @" + carol.handle())))
                .startsWith("Carol C. was asked or reminded");
        drain();
        assertThat(telegramSender.to(carol.chat()))
                .extracting(m -> text(m.content()))
                .filteredOn(t -> t.startsWith("Reminder: Alice A. asks you for €20.00."))
                .hasSize(1);
        assertThat(text(say(alice, "cancel my request to @" + carol.handle())))
                .isEqualTo("Withdrawn: your request to Carol C. for €20.00. They can no longer pay it.");
        drain();
        assertThat(telegramSender.to(carol.chat()))
                .extracting(m -> text(m.content()))
                .contains("Alice A. withdrew their request for €20.00. You owe nothing for it.");
        assertThat(text(say(alice, "my requests"))).isEqualTo("You have no open requests.");
        assertThat(text(say(alice, "remind @" + carol.handle()))).startsWith("You have no open request to remind");
        assertThat(ledger.account(carol.wallet()).orElseThrow().balanceMinor()).isEqualTo(10_000); // nothing moved
    }

    @Test
    @DisplayName("issue 13: \"request 20 from @carol for pizza\" keeps the note, and the payer sees it")
    void aRequestKeepsItsNoteAndThePayerSeesIt() {
        assertThat(text(say(alice, "request 20 from @" + carol.handle() + " for pizza")))
                .isEqualTo("Asked Carol C. for €20.00. You will hear when they pay.\nFor: “pizza”");
        assertThat(text(say(alice, "my requests"))).contains("Carol C. owes you €20.00", "for “pizza”");
        drain();
        assertThat(telegramSender.to(carol.chat()))
                .extracting(m -> text(m.content()))
                .anyMatch(t -> t.startsWith("Alice A. asks you for €20.00.") && t.endsWith("For: “pizza”"));
        Person wang = linked(person("王芳", 0, Language.ZH));
        assertThat(text(say(wang, "向@" + carol.handle() + "要20欧元用于聚餐"))).contains("聚餐");
        drain();
        assertThat(telegramSender.to(carol.chat()))
                .extracting(m -> text(m.content()))
                .anyMatch(t -> t.contains(" asks you for €20.00.") && t.endsWith("For: “聚餐”"));
    }

    @Test
    @DisplayName("issue 13: the same in Persian: «درخواست‌های من», a reminder, «لغو درخواست»")
    void requestsInPersian() {
        Person sara = linked(person("سارا رضایی", 0, Language.FA));
        assertThat(text(say(sara, "درخواست ۲۰ یورو از @" + carol.handle()))).isNotBlank();
        assertThat(text(say(sara, "درخواست‌های من")))
                .startsWith("درخواست‌های باز شما:")
                .contains("۲۰");
        clock.advance(Duration.ofHours(25));
        assertThat(text(say(sara, "به @" + carol.handle() + " یادآوری کن")))
                .startsWith("درخواست")
                .contains("یادآوری کردم");
        assertThat(text(say(sara, "لغو درخواست"))).startsWith("درخواست لغو شد");
        assertThat(text(say(sara, "درخواست‌های من"))).isEqualTo("درخواست بازی ندارید.");
    }

    @Test
    @DisplayName(
            "issue 13: limits, spending this month and the account number, in English and Chinese, from the ledger")
    void limitsSpendingAndAccountNumber() {
        List<Outbound> confirm = say(alice, "pay @" + carol.handle() + " 12.50");
        String yes = ((Outbound.Buttons) confirm.get(0)).buttons().get(0).reference();
        assertThat(say(alice, new Inbound.Button(yes)).get(0)).isInstanceOf(Outbound.Receipt.class);
        String limits = text(say(alice, "my limits"));
        assertThat(limits)
                .startsWith("Your limits for payments from this chat in EUR:")
                .contains("• per payment: up to €", "• today: €");
        String spending = text(say(alice, "how much did I spend this month?"));
        assertThat(spending).contains("€12.50 to Carol C. (one payment)", "Total: €12.50");
        assertThat(text(say(alice, "what is my IBAN?")))
                .contains("EUR: " + alice.wallet().value(), "no IBAN");

        Person wang = linked(person("王芳", 30_000, Language.ZH));
        String zhLimits = text(say(wang, "我的限额"));
        assertThat(zhLimits).contains("单笔：最多");
        assertThat(text(say(wang, "本月支出"))).startsWith("自").contains("没有支出");
        assertThat(text(say(wang, "我的账号"))).contains(wang.wallet().value().toString());
    }

    @Test
    @DisplayName("issue 13: history pages by 20 with a More button on Telegram, and \"更多\" typed in Chinese")
    void historyPagesByMore() {
        Person wang = linked(person("王芳", 0, Language.ZH));
        AccountId funding = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(funding, EUR, null, AccountKind.BANK_EQUITY, Set.of()));
        for (int i = 1; i <= 30; i++) {
            assertThat(ledger.transfer(NewTransfer.posted(
                            new TransferId(UUID.randomUUID()), funding, wang.wallet(), 100 + i, EUR, "top-up")))
                    .isInstanceOf(TransferResult.Posted.class);
            clock.advance(Duration.ofMinutes(1));
        }
        Outbound.Buttons first = (Outbound.Buttons) say(wang, "记录").get(0);
        assertThat(first.text().lines().filter(l -> l.startsWith("+"))).hasSize(5);
        assertThat(first.buttons()).extracting(Outbound.Button::label).containsExactly("更多", "余额");
        Outbound second = say(wang, new Inbound.Button(first.buttons().get(0).reference()))
                .get(0);
        assertThat(text(second).lines().filter(l -> l.startsWith("+"))).hasSize(20);
        assertThat(text(second)).contains("€1.25").doesNotContain("€1.26"); // the 6th newest to the 25th
        Outbound third = say(wang, "更多").get(0);
        assertThat(text(third).lines().filter(l -> l.startsWith("+"))).hasSize(5);
        assertThat(text(say(wang, "更多"))).isEqualTo("已显示全部，没有更早的记录。");
        Outbound.Buttons balance = (Outbound.Buttons) say(alice, "balance").get(0);
        assertThat(balance.buttons()).extracting(Outbound.Button::label).containsExactly("History", "Pay someone");
    }

    // --- helpers, as in ConversationEngineContract -----------------------------------------

    Person person(String name, long fundingMinor, Language language) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String phone = "+3361" + String.format("%07d", Math.floorMod(suffix.hashCode(), 10_000_000));
        String handle = "u" + suffix;
        CustomerId id = new CustomerId(UUID.randomUUID());
        DirectoryResult registered = directory.register(new NewCustomer(
                id,
                name,
                language,
                KycLevel.FULL,
                null,
                null,
                List.of(
                        new CustomerView.AliasEntry(Alias.phone(phone, null), true),
                        new CustomerView.AliasEntry(new Alias(AliasType.HANDLE, Network.TELEGRAM, handle), true))));
        assertThat(registered).isInstanceOf(DirectoryResult.Done.class);
        AccountId wallet = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(
                wallet,
                EUR,
                id.toString(),
                AccountKind.CUSTOMER_WALLET,
                Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)));
        assertThat(directory.holdAccount(id, wallet, true)).isInstanceOf(DirectoryResult.Done.class);
        if (fundingMinor > 0) {
            AccountId funding = new AccountId(UUID.randomUUID());
            ledger.open(new NewAccount(funding, EUR, null, AccountKind.BANK_EQUITY, Set.of()));
            assertThat(ledger.transfer(NewTransfer.posted(
                            new TransferId(UUID.randomUUID()), funding, wallet, fundingMinor, EUR, "top-up")))
                    .isInstanceOf(TransferResult.Posted.class);
        }
        return new Person(id, phone, handle, wallet, "tg-" + UUID.randomUUID());
    }

    /** Links the person's chat by their phone and the SMS code, then moves past the new-link hold. */
    Person linked(Person person) {
        say(person, new Inbound.Contact(person.phone(), true));
        IdentityId identity =
                identities.identify(Network.TELEGRAM, person.chat(), null, null).id();
        String url = events.stream(org.socialbank.directory.PhoneLinkStarted.class)
                .filter(e -> e.identityId().equals(identity))
                .reduce((a, b) -> b)
                .orElseThrow()
                .url();
        String token = url.substring(url.lastIndexOf('/') + 1);
        org.socialbank.directory.LinkSignIn.Opened opened = linkSignIn.openAndBind(
                token, org.socialbank.directory.LinkSignIn.Browser.of(null), java.util.Locale.ENGLISH);
        linkSignIn.enterCode(
                token,
                org.socialbank.directory.LinkSignIn.Browser.of(opened.bindSecret()),
                sms.lastCode(person.phone()),
                java.util.Locale.ENGLISH);
        assertThat(identities.linkedCustomer(identity)).contains(person.id());
        clock.advance(Duration.ofHours(25));
        return person;
    }

    List<Outbound> say(Person person, Inbound content) {
        Received received = conversations.receive(
                new InboundMessage(Network.TELEGRAM, "m-" + UUID.randomUUID(), person.chat(), null, null, content));
        assertThat(received).isInstanceOf(Received.Handled.class);
        return ((Received.Handled) received)
                .replies().stream().map(OutboundMessage::content).toList();
    }

    List<Outbound> say(Person person, String text) {
        return say(person, new Inbound.Text(text));
    }

    void drain() {
        for (int run = 0; run < 100 && relay.relay() > 0; run++) {
            // keep going
        }
    }

    static String text(List<Outbound> replies) {
        return text(replies.get(0));
    }

    static String text(Outbound reply) {
        return ConversationEngineContract.text(reply);
    }
}
