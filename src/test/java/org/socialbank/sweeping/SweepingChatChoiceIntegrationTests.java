package org.socialbank.sweeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.Outbound;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.directory.DirectoryResult;
import org.socialbank.directory.KycLevel;
import org.socialbank.directory.NewCustomer;
import org.socialbank.ledger.AccountFlag;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewAccount;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.Chats;
import org.socialbank.support.FakeSms;
import org.socialbank.support.FormClient;
import org.socialbank.support.MutableClock;
import org.socialbank.support.SmsFakes;
import org.socialbank.support.TestStores;
import org.socialbank.sweeping.sandbox.SandboxOpenBanking;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 16 s6 in chat, choosing before a pull: with several linked accounts the customer picks one
 * (a button), an amount in the text is pulled exactly (French), and a pull above the step-up
 * threshold is recorded only once confirmed on the bank's page with the SMS code (Persian).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "socialbank.web.secure-cookies=false",
            "socialbank.conversation.relay-enabled=false",
            "socialbank.sweeping.worker-interval=10m",
            "socialbank.sweeping.rules-enabled=false"
        })
@Import({ChatFakes.class, SmsFakes.class, SweepingTestClock.class})
class SweepingChatChoiceIntegrationTests {

    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @LocalServerPort
    int port;

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
    FakeSms sms;

    record Person(CustomerId id, String phone, AccountId wallet) {}

    @Test
    void withTwoLinkedAccountsTheCustomerChoosesOneAndOnlyItIsPulled() {
        Person person = person(Language.EN);
        ConsentId other = link(person, "other-bank", 300_00, 1_000_00);
        ConsentId second = link(person, "second-bank", 400_00, 1_000_00);
        String chat = chats.linkedTo(person.id());
        Outbound.Buttons which = (Outbound.Buttons)
                chats.say(chat, new Inbound.Text("collect my money")).get(0);
        assertThat(which.text()).startsWith("From which account at another bank?");
        assertThat(which.buttons())
                .extracting(Outbound.Button::label)
                .anySatisfy(l -> assertThat(l).startsWith("other-bank"))
                .anySatisfy(l -> assertThat(l).startsWith("second-bank"));
        Outbound.Button pick = which.buttons().stream()
                .filter(b -> b.label().startsWith("second-bank"))
                .findFirst()
                .orElseThrow();
        assertThat(Chats.text(chats.say(chat, new Inbound.Button(pick.reference()))))
                .contains("second-bank");
        worker.run();
        assertThat(sweeping.pulls(person.id())).singleElement().satisfies(p -> {
            assertThat(p.consentId()).isEqualTo(second);
            assertThat(p.amountMinor()).isEqualTo(400_00);
        });
        assertThat(balance(person.wallet())).isEqualTo(400_00);
        assertThat(other).isNotNull();
    }

    @Test
    void anAmountInTheTextIsPulledExactlyAndToldInFrench() {
        Person person = person(Language.FR);
        link(person, "other-bank", 900_00, 1_000_00);
        String chat = chats.linkedTo(person.id());
        assertThat(Chats.text(chats.say(chat, new Inbound.Text("rapatrier 200 depuis other-bank"))))
                .contains("other-bank");
        worker.run();
        worker.run();
        chats.drain();
        assertThat(balance(person.wallet())).isEqualTo(200_00);
        String amount = MoneyFormat.format(200_00, SweepingFixtures.EUR, Language.FR.locale());
        assertThat(chats.sent(chat).stream().filter(t -> t.contains(amount))).hasSize(1);
    }

    @Test
    void aPullAboveTheThresholdWaitsForTheBanksPageInPersian() {
        Person person = person(Language.FA);
        link(person, "other-bank", 5_000_00, 5_000_00);
        String chat = chats.linkedTo(person.id());
        List<Outbound> offer = chats.say(chat, new Inbound.Text("جمع‌آوری ۱۵۰۰ از other-bank"));
        assertThat(offer).singleElement().isInstanceOf(Outbound.Link.class);
        Outbound.Link link = (Outbound.Link) offer.get(0);
        assertThat(link.text()).contains("other-bank").contains("تأیید");
        worker.run();
        assertThat(sweeping.pulls(person.id()))
                .as("nothing moves before the code")
                .isEmpty();

        String path = URI.create(link.url()).getPath();
        FormClient browser = new FormClient(port);
        assertThat(browser.get(path).status()).isEqualTo(200);
        browser.post(path, "code", sms.lastCode(person.phone()));
        browser.post(path, "code", sms.lastCode(person.phone())); // a second submit records nothing more
        worker.run();
        assertThat(sweeping.pulls(person.id()))
                .singleElement()
                .satisfies(p -> assertThat(p.amountMinor()).isEqualTo(1_500_00));
        assertThat(balance(person.wallet())).isEqualTo(1_500_00);
    }

    @Test
    void anAmountOverTheConsentsPaymentLimitIsRefusedAtOnce() {
        Person person = person(Language.EN);
        link(person, "other-bank", 5_000_00, 900_00); // at most 900.00 a payment
        String chat = chats.linkedTo(person.id());
        String refused = Chats.text(chats.say(chat, new Inbound.Text("collect 950 from other-bank")));
        assertThat(refused).contains("other-bank");
        worker.run();
        assertThat(sweeping.pulls(person.id())).isEmpty();
    }

    private Person person(Language language) {
        CustomerId id = new CustomerId(UUID.randomUUID());
        String phone = "+3364"
                + String.format(
                        "%07d",
                        (Math.abs(UUID.randomUUID().hashCode()) % 9_000 + 1_000) * 1_000
                                + NUMBERS.incrementAndGet() % 1_000);
        assertThat(directory.register(new NewCustomer(
                        id,
                        "Choice Sweeper",
                        language,
                        KycLevel.FULL,
                        null,
                        null,
                        List.of(new CustomerView.AliasEntry(Alias.parse(AliasType.PHONE, null, phone, null), true)))))
                .isInstanceOf(DirectoryResult.Done.class);
        AccountId wallet = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(
                wallet,
                SweepingFixtures.EUR,
                id.ownerRef(),
                AccountKind.CUSTOMER_WALLET,
                Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)));
        assertThat(directory.holdAccount(id, wallet, true)).isInstanceOf(DirectoryResult.Done.class);
        return new Person(id, phone, wallet);
    }

    private ConsentId link(Person person, String bank, long externalMinor, long maxPaymentMinor) {
        String ref = SandboxOpenBanking.accountRef(bank, person.id().value().toString(), "EUR");
        sandbox.setBalance(ref, externalMinor);
        ConsentId id = new ConsentId(UUID.randomUUID());
        LinkResult result = sweeping.link(new ConsentRequest(
                id,
                person.id(),
                bank,
                ref,
                SweepingFixtures.EUR,
                maxPaymentMinor,
                10_000_00,
                LimitPeriod.MONTH,
                clock.instant().plus(Duration.ofDays(365))));
        assertThat(result).isInstanceOf(LinkResult.Linked.class);
        return id;
    }

    private long balance(AccountId account) {
        return ledger.account(account).orElseThrow().balanceMinor();
    }
}
