package org.socialbank.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.engine.ChatIds;
import org.socialbank.directory.Confirmations;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Ledger;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.Chats;
import org.socialbank.support.Customers;
import org.socialbank.support.FakeSms;
import org.socialbank.support.MutableClock;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Security review #4 for billing: a top-up or a bill asked for in a chat linked a minute ago (maybe
 * hijacked) waits for the step-up on the bank's page, bound to its amount and number or bill, for
 * the new-chat window and until one payment asked for in that chat was confirmed there (a P2P
 * payment counts too); an account bill, which has no step-up, is refused with the reason and what
 * lifts it. The API links no chat: only its own thresholds hold it. The default new-chat rule
 * ({@code new-channel-window} 24h, {@code new-channel-confirmations-min} 1).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "socialbank.conversation.relay-enabled=false",
            "socialbank.billing.worker-interval=10m",
            "socialbank.payments.risk.burst-payments-max=1000",
            "socialbank.payments.risk.step-up.IRR.above=80000",
            "socialbank.payments.risk.step-up.IRR.new-payee-above=80000"
        })
@Import(NewChatBillingIntegrationTests.Fakes.class)
class NewChatBillingIntegrationTests {

    private static final long SEED = System.nanoTime();
    private static final String IRANCELL = "09351234567";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    Chats chats;

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    @Autowired
    MutableClock clock;

    @Autowired
    TopUps topUps;

    @Autowired
    TopUpPhone topUpWorker;

    @Autowired
    Bills bills;

    @Autowired
    SendBills billWorker;

    @Autowired
    BillInquiries inquiries;

    @Autowired
    AccountBills accountBills;

    @Autowired
    Confirmations confirmations;

    @Autowired
    FakeSms sms;

    BillingFixtures fixtures;
    Customers customers;

    @BeforeEach
    void setUp() {
        fixtures = new BillingFixtures(directory, ledger, SEED);
        customers = new Customers(directory, ledger, chats);
    }

    @Test
    @DisplayName("security review #4: a new chat's top-up and bill wait for the bank's page; after the window and"
            + " a confirmation they go at once")
    void aNewChatsTopUpAndBillWaitForTheBanksPage() {
        BillingFixtures.Person reza = fixtures.customer("Reza", 1_000_000);
        String chat = chats.linkedTo(reza.id(), Duration.ofMinutes(1));

        String topUpPress = "m-" + UUID.randomUUID();
        Outbound.Link topUpHeld = (Outbound.Link) press(chat, topUpPress, topUpOffer(chat));
        assertThat(topUpHeld.text())
                .startsWith("To top up +989351234567 with")
                .endsWith("Why: this chat was linked recently.");
        TopUpId topUp = ChatIds.topUpId(Network.TELEGRAM, topUpPress);
        assertThat(topUps.topUp(topUp).orElseThrow().status()).isEqualTo(BillPaymentStatus.AWAITING_CONFIRMATION);
        assertThat(fixtures.available(reza.wallet()))
                .as("nothing moves before the page")
                .isEqualTo(1_000_000);
        assertThat(lastSms(reza.phone())).as("the code is bound to the number").contains("+989351234567");
        confirm(topUpHeld.url(), reza.phone());
        topUpWorker.recheck();
        assertThat(topUps.topUp(topUp).orElseThrow().status()).isEqualTo(BillPaymentStatus.COMPLETED);
        assertThat(fixtures.available(reza.wallet())).isEqualTo(1_000_000 - 50_000);

        // within the window one confirmation is not enough: the bill waits too
        IranianBill bill = fixtures.freshBill(23);
        String billPress = "m-" + UUID.randomUUID();
        Outbound.Link billHeld = (Outbound.Link) press(chat, billPress, billOffer(chat, bill));
        assertThat(billHeld.text()).contains(bill.billId()).endsWith("Why: this chat was linked recently.");
        assertThat(lastSms(reza.phone())).contains("bill " + bill.billId());
        confirm(billHeld.url(), reza.phone());
        billWorker.work();
        BillPaymentId paid = ChatIds.billPaymentId(Network.TELEGRAM, billPress);
        assertThat(bills.payment(paid).orElseThrow().status()).isEqualTo(BillPaymentStatus.COMPLETED);

        clock.advance(Duration.ofHours(25));
        String later = "m-" + UUID.randomUUID();
        assertThat(Chats.text(List.of(press(chat, later, topUpOffer(chat)))))
                .as("past the window, with a confirmation: at once")
                .startsWith("Topping up +989351234567");
        assertThat(topUps.topUp(ChatIds.topUpId(Network.TELEGRAM, later))
                        .orElseThrow()
                        .status())
                .isEqualTo(BillPaymentStatus.PENDING);
    }

    @Test
    @DisplayName("security review #4: past the window, a new chat's payments still wait until one was confirmed")
    void pastTheWindowWithoutAConfirmationATopUpStillWaits() {
        BillingFixtures.Person ali = fixtures.customer("Ali", 1_000_000);
        String chat = chats.linkedTo(ali.id(), Duration.ofDays(2));
        String message = "m-" + UUID.randomUUID();
        Outbound held = press(chat, message, topUpOffer(chat));
        assertThat(held).isInstanceOf(Outbound.Link.class);
        assertThat(((Outbound.Link) held).text()).endsWith("Why: this chat was linked recently.");

        confirmations.cancel(token(((Outbound.Link) held).url()));
        TopUp cancelled =
                topUps.topUp(ChatIds.topUpId(Network.TELEGRAM, message)).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(BillPaymentStatus.NOT_CONFIRMED);
        assertThat(fixtures.available(ali.wallet()))
                .as("a cancelled step-up moves nothing")
                .isEqualTo(1_000_000);
        chats.drain();
        List<Outbound.Text> told = chats.sent(chat, Outbound.Text.class);
        assertThat(told.get(told.size() - 1).text())
                .as("the chat says nothing was taken, not that the money is back")
                .startsWith("+989351234567 was not topped up with")
                .contains("it was not confirmed on the bank’s page")
                .endsWith("Nothing was taken from your account.");
    }

    @Test
    @DisplayName("a held top-up confirmed on the page that the ledger then refuses (no funds) is told in the chat:"
            + " nothing was taken")
    void aConfirmedTopUpTheLedgerRefusesIsToldInTheChat() {
        BillingFixtures.Person sara = fixtures.customer("Sara", 10_000);
        String chat = chats.linkedTo(sara.id(), Duration.ofMinutes(1));
        String message = "m-" + UUID.randomUUID();
        Outbound.Link held = (Outbound.Link) press(chat, message, topUpOffer(chat));
        confirm(held.url(), sara.phone());
        assertThat(topUps.topUp(ChatIds.topUpId(Network.TELEGRAM, message))
                        .orElseThrow()
                        .status())
                .isEqualTo(BillPaymentStatus.REJECTED);
        assertThat(fixtures.available(sara.wallet())).isEqualTo(10_000);
        chats.drain();
        List<Outbound.Text> told = chats.sent(chat, Outbound.Text.class);
        assertThat(told.get(told.size() - 1).text())
                .startsWith("+989351234567 was not topped up with")
                .contains("it was confirmed, but the bank could not take the payment")
                .endsWith("Nothing was taken from your account.");
    }

    @Test
    @DisplayName("review 2026-12-07 billing follow-up: a held bill cancelled on the page and a held top-up whose"
            + " time ran out are told why in the customer's words (Russian, Persian), never as a code")
    void heldPaymentsThatEndedUnconfirmedAreToldWhyInTheCustomersWords() {
        BillingFixtures.Person olga = fixtures.customer("Olga", Language.RU, 1_000_000);
        String chat = chats.linkedTo(olga.id(), Duration.ofMinutes(1));
        IranianBill bill = fixtures.freshBill(26);
        Outbound.Link held = (Outbound.Link) press(chat, "m-" + UUID.randomUUID(), billOffer(chat, bill));
        confirmations.cancel(token(held.url()));
        assertThat(lastText(chat))
                .isEqualTo("Счёт " + bill.billId() + " не оплачен (вы отменили операцию)."
                        + " С вашего счёта ничего не списано.");

        BillingFixtures.Person reza = fixtures.customer("Reza", Language.FA, 1_000_000);
        String persian = chats.linkedTo(reza.id(), Duration.ofMinutes(1));
        assertThat(press(persian, "m-" + UUID.randomUUID(), topUpOffer(persian)))
                .isInstanceOf(Outbound.Link.class);
        clock.advance(Duration.ofHours(1));
        confirmations.expireDue(100);
        assertThat(Chats.plain(lastText(persian)))
                .contains("در صفحهٔ بانک تأیید نشد (مهلت تأیید تمام شد)")
                .doesNotContain("expired");
        assertThat(fixtures.available(reza.wallet())).isEqualTo(1_000_000);
    }

    private String lastText(String chat) {
        chats.drain();
        List<Outbound.Text> told = chats.sent(chat, Outbound.Text.class);
        return told.get(told.size() - 1).text();
    }

    @Test
    @DisplayName("the API links no chat: only a threshold holds its top-up, and the page's confirmation sends it")
    void theApiIsHeldOnlyByItsThresholds() {
        BillingFixtures.Person sara = fixtures.customer("Sara", 1_000_000);
        chats.linkedTo(sara.id(), Duration.ofMinutes(1)); // a chat of hers is new; the API is not that chat
        TopUp small = apiTopUp(sara, 50_000);
        assertThat(small.status()).isEqualTo(BillPaymentStatus.COMPLETED);

        TopUp large = apiTopUp(sara, 100_000);
        assertThat(large.status()).isEqualTo(BillPaymentStatus.AWAITING_CONFIRMATION);
        assertThat(large.code()).isEqualTo("above_threshold");
        assertThat(large.confirmationUrl()).contains("/confirm/");
        confirm(large.confirmationUrl(), sara.phone());
        topUpWorker.recheck();
        assertThat(topUps.topUp(large.id()).orElseThrow().status()).isEqualTo(BillPaymentStatus.COMPLETED);
        assertThat(fixtures.available(sara.wallet())).isEqualTo(1_000_000 - 150_000);
    }

    @Test
    @DisplayName("security review #4: an account bill in a new chat is refused with why; a confirmed P2P payment"
            + " and the window lift it")
    void anAccountBillInANewChatIsRefusedWithWhyUntilAConfirmationAndTheWindow() {
        Customers.Customer eve = customers
                .named("Eve")
                .phoneIn(BillingFixtures.PHONES)
                .wallet("EUR", 100_000)
                .linkedChat(Duration.ofMinutes(1))
                .create();
        Customers.Customer bob = customers
                .named("Bob")
                .phoneIn(BillingFixtures.PHONES)
                .wallet("EUR")
                .create();

        String refused = Chats.text(chats.say(eve.chat(), confirmButton(accountBillOffer(eve.chat()))));
        assertThat(refused)
                .startsWith("I can’t pay €")
                .contains("it was linked recently")
                .contains("confirmed on the bank’s page")
                .endsWith("Nothing was paid.");
        assertThat(ledger.account(eve.wallet()).orElseThrow().availableMinor()).isEqualTo(100_000);

        Outbound.Buttons pay = (Outbound.Buttons)
                chats.say(eve.chat(), "pay " + bob.phone() + " 5").get(0);
        Outbound.Link p2pHeld =
                (Outbound.Link) chats.say(eve.chat(), confirmButton(pay)).get(0);
        confirm(p2pHeld.url(), eve.phone());
        assertThat(ledger.account(bob.wallet()).orElseThrow().balanceMinor()).isEqualTo(500);

        clock.advance(Duration.ofHours(25));
        String sending = Chats.text(chats.say(eve.chat(), confirmButton(accountBillOffer(eve.chat()))));
        assertThat(sending).as("the P2P confirmation counts for billing too").contains("49927398710001");
        assertThat(ledger.account(eve.wallet()).orElseThrow().availableMinor()).isLessThan(100_000 - 500);
    }

    private Outbound.Buttons topUpOffer(String chat) {
        return (Outbound.Buttons)
                chats.say(chat, "top up " + IRANCELL + " 50000 rial").get(0);
    }

    private Outbound.Buttons billOffer(String chat, IranianBill bill) {
        chats.drain(); // the replies so far, so that the offer is the one new Buttons
        int before = chats.sent(chat, Outbound.Buttons.class).size();
        chats.say(chat, "pay bill " + bill.billId() + " " + bill.paymentId());
        inquiries.lookUp();
        chats.drain();
        List<Outbound.Buttons> offers = chats.sent(chat, Outbound.Buttons.class);
        assertThat(offers).hasSize(before + 1);
        return offers.get(offers.size() - 1);
    }

    /** Asks a French biller what is due on an account; its answer with Confirm comes through the outbox. */
    private Outbound.Buttons accountBillOffer(String chat) {
        chats.drain(); // the replies so far, so that the offer is the one new Buttons
        int before = chats.sent(chat, Outbound.Buttons.class).size();
        chats.say(chat, "pay EDF 49927398710001");
        accountBills.lookUp();
        chats.drain();
        List<Outbound.Buttons> offers = chats.sent(chat, Outbound.Buttons.class);
        assertThat(offers).hasSize(before + 1);
        return offers.get(offers.size() - 1);
    }

    private Outbound press(String chat, String messageId, Outbound.Buttons offer) {
        List<Outbound> replies =
                chats.say(new InboundMessage(Network.TELEGRAM, messageId, chat, null, null, confirmButton(offer)));
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }

    private static Inbound.Button confirmButton(Outbound.Buttons offer) {
        return new Inbound.Button(offer.buttons().get(0).reference());
    }

    private TopUp apiTopUp(BillingFixtures.Person customer, long amountMinor) {
        TopUpResult result = topUps.topUp(new TopUpRequest(
                new TopUpId(UUID.randomUUID()),
                customer.id(),
                IRANCELL,
                amountMinor,
                BillingFixtures.IRR,
                Optional.empty(),
                "api"));
        return ((TopUpResult.Done) result).topUp();
    }

    /** The customer types the texted code on the bank's step-up page. */
    private void confirm(String url, String phone) {
        confirmations.confirm(token(url), sms.lastCode(phone));
    }

    private static String token(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private String lastSms(String phone) {
        List<org.socialbank.notifications.SmsMessage> messages = sms.to(phone);
        return messages.get(messages.size() - 1).text();
    }

    @TestConfiguration(proxyBeanMethods = false)
    @Import(ChatFakes.class)
    static class Fakes {

        /** Moved by hand past the new-chat window; Wednesday 2 December 2026, 9:00 in Paris. */
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));
        }

        @Bean
        FakeSms fakeSms() {
            return new FakeSms();
        }
    }
}
