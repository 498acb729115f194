package org.socialbank.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.socialbank.billing.BillerRegistry.ForeignBiller;
import org.socialbank.billing.sandbox.SandboxAccountBiller;
import org.socialbank.billing.sandbox.SandboxBiller;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.Outbound;
import org.socialbank.directory.CustomerId;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.loyalty.Points;
import org.socialbank.loyalty.PointsDiscounts;
import org.socialbank.loyalty.PointsSummary;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;
import org.socialbank.support.Await;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.Chats;
import org.socialbank.support.Customers;
import org.socialbank.support.Seeds;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 15 s1.9 and s1.13 in chat, over the real engine, store and ledger and the embedded sandbox
 * the demo bank uses: every demo biller of China, France and Russia is asked by account number in
 * one of the five languages, shows what is due with Confirm, is paid once through the ledger (the
 * money reserved by Confirm, posted to the biller's settlement account when it says paid) and
 * sends the receipt with its trace number; refusals are told with their reason in the customer's
 * language and end with the money back.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "socialbank.conversation.relay-enabled=false",
            "socialbank.billing.worker-interval=10m",
            "socialbank.billing.recheck-after=1s",
            "socialbank.payments.risk.burst-payments-max=1000",
            // the chats were linked two days ago (BillingFixtures.LINKED_AGO) and confirmed nothing on the
            // bank's page since: the hold of a new chat's payments is NewChatBillingIntegrationTests'
            "socialbank.payments.risk.new-channel-confirmations-min=0"
        })
@Import(ChatFakes.class)
class AccountBillChatIntegrationTests extends AccountBillTestBase {

    private static final long FUNDED_MINOR = 1_000_000;
    private static final List<Language> LANGUAGES =
            List.of(Language.EN, Language.FR, Language.RU, Language.ZH, Language.FA);

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        TestStores.loyaltyFollowerQuick(registry); // the points these tests spend are earned by it
    }

    @Autowired
    SandboxAccountBiller biller;

    @Autowired
    Points points;

    @Autowired
    PointsDiscounts discounts;

    Customers customers;

    @BeforeEach
    void setUp() {
        customers = new Customers(directory, ledger, chats);
    }

    static Stream<Arguments> demoBillers() {
        List<ForeignBiller> all = BillerRegistry.shipped().all();
        return IntStream.range(0, all.size())
                .mapToObj(i -> Arguments.of(all.get(i).id(), LANGUAGES.get(i % 5)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("demoBillers")
    void paysEachDemoBillerByAccountNumberOnceWithAReceipt(String billerId, Language language) {
        ForeignBiller foreign = BillerRegistry.shipped().find(billerId).orElseThrow();
        assertThat(foreign.country()).isIn("CN", "FR", "RU");
        String account = account(foreign, Seeds.random(Seeds.seed("AccountBillChat " + billerId)));
        Customers.Customer ada = customers
                .named("Ada")
                .speaking(language)
                .wallet(foreign.currency().code(), FUNDED_MINOR)
                .linkedChat(BillingFixtures.LINKED_AGO)
                .create();
        AccountBiller.Due due = (AccountBiller.Due) biller.inquire(billerId, account);
        String amount = MoneyFormat.format(due.amountMinor(), foreign.currency(), language.locale());

        assertThat(Chats.text(chats.say(ada.chat(), sentence(foreign, language, account))))
                .contains(account);
        Outbound.Buttons offer = offer(ada.chat());
        assertThat(offer.text()).contains(foreign.name(language.locale()), account, due.holderMasked(), amount);
        long settledBefore = settled(billerId, foreign.currency());

        String sending = Chats.text(
                chats.say(ada.chat(), new Inbound.Button(offer.buttons().get(0).reference())));
        assertThat(sending).contains(amount);
        assertThat(available(ada.wallet())).as("reserved by Confirm").isEqualTo(FUNDED_MINOR - due.amountMinor());
        worker.work();
        chats.drain();

        Payment paid = payment(ada.id()).orElseThrow();
        assertThat(paid.status()).isEqualTo("COMPLETED");
        assertThat(biller.calls(paid.id())).as("the biller is paid once").isEqualTo(1);
        assertThat(settled(billerId, foreign.currency()) - settledBefore).isEqualTo(due.amountMinor());
        assertThat(balance(ada.wallet())).isEqualTo(FUNDED_MINOR - due.amountMinor());
        List<Outbound.Receipt> receipts = chats.sent(ada.chat(), Outbound.Receipt.class);
        assertThat(receipts).hasSize(1);
        assertThat(String.join("\n", receipts.get(0).lines())).contains(paid.traceNumber(), account, amount);

        // the same Confirm again pays nothing more
        chats.say(ada.chat(), new Inbound.Button(offer.buttons().get(0).reference()));
        worker.work();
        assertThat(biller.calls(paid.id())).isEqualTo(1);
        assertThat(count(ada.id())).isEqualTo(1);
    }

    @Test
    void theIssuesSentencesAreAnsweredWithTheReasonWhenNothingCanBePaid() {
        Customers.Customer li = customers
                .named("Li")
                .speaking(Language.ZH)
                .wallet("CNY", FUNDED_MINOR)
                .linkedChat(BillingFixtures.LINKED_AGO)
                .create();
        assertThat(Chats.text(chats.say(li.chat(), "交电费 4992739871")))
                .as("no biller takes a bad check digit")
                .contains("我找不到接受户号", "4992739871");
        Customers.Customer ivan = customers
                .named("Ivan")
                .speaking(Language.RU)
                .wallet("RUB", FUNDED_MINOR)
                .linkedChat(BillingFixtures.LINKED_AGO)
                .create();
        assertThat(Chats.text(chats.say(ivan.chat(), "оплатить Мосэнергосбыт 12345")))
                .contains("не похож на лицевой счёт", "Мосэнергосбыт");
        Customers.Customer zoe = customers
                .named("Zoé")
                .speaking(Language.FR)
                .wallet("EUR", FUNDED_MINOR)
                .linkedChat(BillingFixtures.LINKED_AGO)
                .create();
        biller.forget("fr_edf", "49927398710001");
        assertThat(Chats.text(chats.say(zoe.chat(), "payer EDF 4992 7398 7100 01")))
                .contains("49927398710001");
        bills.lookUp();
        chats.drain();
        assertThat(chats.sent(zoe.chat())).anyMatch(t -> t.contains("ne connaît pas le compte 49927398710001"));
        assertThat(chats.sent(zoe.chat(), Outbound.Buttons.class)).isEmpty();
        assertThat(count(li.id()) + count(ivan.id()) + count(zoe.id())).isZero();
    }

    @Test
    void noAccountInTheBillersCurrencyOrNotEnoughMoneyIsRefusedAndNothingMoves() {
        Customers.Customer eve = customers
                .named("Eve")
                .wallet("EUR", FUNDED_MINOR)
                .linkedChat(BillingFixtures.LINKED_AGO)
                .create();
        chats.say(eve.chat(), "pay State Grid 4992739872");
        assertThat(Chats.text(chats.say(eve.chat(), confirm(offer(eve.chat())))))
                .isEqualTo("You have no account in that currency. Nothing was paid.");
        Customers.Customer wang = customers
                .named("Wang")
                .speaking(Language.ZH)
                .wallet("CNY", 100)
                .linkedChat(BillingFixtures.LINKED_AGO)
                .create();
        chats.say(wang.chat(), "交电费 4992739872");
        assertThat(Chats.text(chats.say(wang.chat(), confirm(offer(wang.chat())))))
                .contains("余额不足");
        worker.work();
        assertThat(payment(eve.id()).orElseThrow().status()).isEqualTo("REJECTED");
        assertThat(payment(wang.id()).orElseThrow().status()).isEqualTo("REJECTED");
        assertThat(balance(wang.wallet())).isEqualTo(100);
    }

    @Test
    void aBillerRefusalOrALostPaymentEndsWithTheMoneyBackAndALostAnswerIsPaidOnce() {
        Customers.Customer refused = paying(SandboxBiller.Trouble.FAIL);
        assertThat(payment(refused.id()).orElseThrow().status()).isEqualTo("FAILED");
        assertThat(available(refused.wallet())).isEqualTo(FUNDED_MINOR);
        assertThat(chats.sent(refused.chat()))
                .anyMatch(t -> t.contains("did not take the payment") && t.contains("(the biller refused it)"))
                .as("review 2026-12-07 billing follow-up: why in her words, never the code")
                .noneMatch(t -> t.contains("biller_refused"));

        Customers.Customer lost = paying(SandboxBiller.Trouble.LOSE);
        assertThat(payment(lost.id()).orElseThrow().status())
                .as("kept reserved while in doubt")
                .isEqualTo("UNKNOWN");
        assertThat(available(lost.wallet())).isLessThan(FUNDED_MINOR);
        Await.until(() -> janitor(lost.id()).equals("FAILED"), "the janitor learns the biller never had it");
        assertThat(available(lost.wallet())).isEqualTo(FUNDED_MINOR);
        assertThat(payment(lost.id()).orElseThrow().code()).isEqualTo(SendBills.BILLER_TIMEOUT);

        Customers.Customer late = paying(SandboxBiller.Trouble.TIMEOUT);
        assertThat(payment(late.id()).orElseThrow().status()).isEqualTo("UNKNOWN");
        Await.until(() -> janitor(late.id()).equals("COMPLETED"), "the janitor learns the biller paid it");
        Payment paid = payment(late.id()).orElseThrow();
        assertThat(biller.calls(paid.id())).isEqualTo(1);
        assertThat(balance(late.wallet())).isEqualTo(FUNDED_MINOR - paid.amountMinor());
        chats.drain();
        assertThat(chats.sent(late.chat(), Outbound.Receipt.class)).hasSize(1);
    }

    @Test
    void anUnlinkedChatIsOfferedTheLinkAndNothingIsAsked() {
        String chat = Chats.newChat();
        assertThat(chats.say(chat, "pay State Grid 4992739872")).isNotEmpty();
        bills.lookUp();
        chats.drain();
        assertThat(chats.sent(chat, Outbound.Buttons.class)).isEmpty();
    }

    /** Issue 16 s3.7: loyalty points as a discount on a bill, chosen in the chat. */
    @Test
    void pointsTakeAShareOffTheBillAndAreSpentWhenItIsPaidAndReleasedWhenNot() {
        CurrencyCode eur = CurrencyCode.of("EUR");
        String euro = MoneyFormat.format(100, eur, Language.EN.locale());
        Customers.Customer ada = customers
                .named("Ada Points")
                .wallet("EUR", FUNDED_MINOR)
                .linkedChat(BillingFixtures.LINKED_AGO)
                .create();
        // a card purchase of 200 EUR earns 100 points (one a 2 EUR), worth 1.00 EUR (0.01 EUR each); p2p
        // earns nothing by default (review 2026-12-07 loyalty follow-up)
        assertThat(ledger.transfer(NewTransfer.posted(
                        new TransferId(UUID.randomUUID()),
                        ada.wallet(),
                        customers.funding(eur),
                        20_000,
                        eur,
                        "card-purchase")))
                .isInstanceOf(TransferResult.Posted.class);
        Await.until(() -> points(ada.id()) == 100, "the journal follower earns the points");
        long wallet = FUNDED_MINOR - 20_000;

        String account = freshAccount("fr_edf"); // its own due bill: another test's payment does not hold it
        chats.say(ada.chat(), "pay EDF " + account);
        Outbound.Buttons refused = offer(ada.chat());
        assertThat(refused.buttons())
                .extracting(Outbound.Button::label)
                .element(1)
                .isEqualTo("Use 100 points (−" + euro + ")");
        biller.troubleNext(SandboxBiller.Trouble.FAIL);
        assertThat(Chats.text(chats.say(
                        ada.chat(), new Inbound.Button(refused.buttons().get(1).reference()))))
                .contains("100 points take " + euro + " off");
        assertThat(discounts.offer(ada.id(), eur, 10_000))
                .as("held with the payment")
                .isEmpty();
        worker.work();
        assertThat(payment(ada.id()).orElseThrow().status()).isEqualTo("FAILED");
        assertThat(discounts.offer(ada.id(), eur, 10_000))
                .as("released when the biller refuses")
                .isPresent();
        assertThat(points(ada.id())).isEqualTo(100);
        assertThat(available(ada.wallet())).isEqualTo(wallet);

        chats.say(ada.chat(), "pay EDF " + account);
        bills.lookUp();
        chats.drain();
        List<Outbound.Buttons> offers = chats.sent(ada.chat(), Outbound.Buttons.class);
        assertThat(offers).hasSize(2);
        long settledBefore = settled("fr_edf", eur);
        chats.say(ada.chat(), new Inbound.Button(offers.get(1).buttons().get(1).reference()));
        worker.work();
        chats.drain();
        long amount = jdbc.sql("SELECT amount_minor FROM billing_account_bill_payments WHERE customer_id = ? "
                        + "AND status = 'COMPLETED'")
                .param(ada.id().value())
                .query(Long.class)
                .single();
        assertThat(points(ada.id())).as("spent when the bill is paid").isZero();
        assertThat(balance(ada.wallet())).as("the customer paid the rest").isEqualTo(wallet - (amount - 100));
        assertThat(settled("fr_edf", eur) - settledBefore)
                .as("the biller got it all, points' share included")
                .isEqualTo(amount);
        assertThat(String.join(
                        "\n",
                        chats.sent(ada.chat(), Outbound.Receipt.class).get(0).lines()))
                .contains("Points used: 100 (−" + euro + ")");
    }

    private long points(CustomerId customer) {
        return points.summary(customer, 0).map(PointsSummary::balance).orElse(0L);
    }

    /** A customer whose Confirm under an EDF bill meets this trouble at the biller. */
    private Customers.Customer paying(SandboxBiller.Trouble trouble) {
        Customers.Customer customer = customers
                .named("Max")
                .wallet("EUR", FUNDED_MINOR)
                .linkedChat(BillingFixtures.LINKED_AGO)
                .create();
        chats.say(customer.chat(), "pay EDF " + freshAccount("fr_edf"));
        Outbound.Buttons offer = offer(customer.chat());
        biller.troubleNext(trouble);
        chats.say(customer.chat(), confirm(offer));
        worker.work();
        chats.drain();
        return customer;
    }

    private String janitor(CustomerId customer) {
        worker.work();
        return payment(customer).orElseThrow().status();
    }

    private Outbound.Buttons offer(String chat) {
        bills.lookUp();
        chats.drain();
        List<Outbound.Buttons> offers = chats.sent(chat, Outbound.Buttons.class);
        assertThat(offers).hasSize(1);
        return offers.get(0);
    }

    private static Inbound.Button confirm(Outbound.Buttons offer) {
        return new Inbound.Button(offer.buttons().get(0).reference());
    }

    /** What a customer would write, in the language, naming the biller. */
    static String sentence(ForeignBiller biller, Language language, String account) {
        String name = biller.name(language.locale());
        return switch (language) {
            case ZH -> "交" + name + " " + account;
            case RU -> "оплатить " + name + " " + account;
            case FR -> "payer " + name + " " + account;
            case FA -> "پرداخت قبض " + name + " " + account;
            default -> "pay " + name + " " + account;
        };
    }

    record Payment(java.util.UUID id, String status, String code, long amountMinor, String traceNumber) {}

    private Optional<Payment> payment(CustomerId customer) {
        return jdbc.sql("SELECT id, status, code, amount_minor, trace_number FROM billing_account_bill_payments "
                        + "WHERE customer_id = ?")
                .param(customer.value())
                .query((rs, n) -> new Payment(
                        rs.getObject(1, java.util.UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5)))
                .optional();
    }

    private int count(CustomerId customer) {
        return jdbc.sql("SELECT COUNT(*) FROM billing_account_bill_payments WHERE customer_id = ?")
                .param(customer.value())
                .query(Integer.class)
                .single();
    }

    private long available(AccountId account) {
        return ledger.account(account).orElseThrow().availableMinor();
    }

    private long balance(AccountId account) {
        return ledger.account(account).orElseThrow().balanceMinor();
    }

    private long settled(String billerId, CurrencyCode currency) {
        return ledger.account(BillerAccounts.of(AccountBills.billerKey(billerId), currency))
                .map(a -> Math.abs(a.balanceMinor()))
                .orElse(0L);
    }
}
