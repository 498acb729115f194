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
import org.socialbank.payments.Payment;
import org.socialbank.payments.PaymentCheck;
import org.socialbank.payments.PaymentStatus;
import org.socialbank.payments.Payments;
import org.socialbank.shared.Network;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.Chats;
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
 * Security review #4, the other way round from {@link NewChatBillingIntegrationTests}: a top-up
 * asked for in a newly linked chat and confirmed on the bank's page counts for that chat's P2P
 * payments as a P2P confirmation counts for billing (the payments module reads billing's through
 * {@link org.socialbank.payments.risk.ConfirmationsElsewhere}); one confirmed elsewhere (the API)
 * does not. The default new-chat rule ({@code new-channel-window} 24h), one confirmation needed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "socialbank.conversation.relay-enabled=false",
            "socialbank.billing.worker-interval=10m",
            "socialbank.payments.risk.burst-payments-max=1000",
            "socialbank.payments.risk.new-channel-confirmations-min=1",
            "socialbank.payments.risk.step-up.IRR.above=80000",
            "socialbank.payments.risk.step-up.IRR.new-payee-above=80000"
        })
@Import(NewChatPaymentsIntegrationTests.Fakes.class)
class NewChatPaymentsIntegrationTests {

    private static final long SEED = System.nanoTime();
    private static final String IRANCELL = "09351234567";
    private static final String NEW_CHAT_RULE = "first_after_new_channel";

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
    Payments payments;

    @Autowired
    Confirmations confirmations;

    @Autowired
    FakeSms sms;

    BillingFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new BillingFixtures(directory, ledger, SEED);
    }

    @Test
    @DisplayName("security review #4: a top-up confirmed on the bank's page from a new chat lifts the new-chat hold"
            + " of that chat's P2P payments")
    void aTopUpConfirmedFromANewChatCountsForItsP2pPayments() {
        BillingFixtures.Person reza = fixtures.customer("Reza", 1_000_000);
        BillingFixtures.Person bob = fixtures.customer("Bob", 0);
        String chat = chats.linkedTo(reza.id(), Duration.ofMinutes(1));

        Payment first = pay(chat, bob);
        assertThat(first.status()).isEqualTo(PaymentStatus.AWAITING_CONFIRMATION);
        assertThat(first.audit().reason())
                .as("only the chat's newness holds it")
                .isEqualTo(NEW_CHAT_RULE);
        assertThat(newChatCheck(first).detail())
                .as("within the window the confirmations cannot decide, so they are not read")
                .contains("confirmedSinceLink=unasked-within-window");

        String topUpPress = "m-" + UUID.randomUUID();
        Outbound.Link topUpHeld =
                (Outbound.Link) press(chat, topUpPress, topUpOffer(chat)).get(0);
        confirm(topUpHeld.url(), reza.phone());
        topUpWorker.recheck();
        assertThat(topUps.topUp(ChatIds.topUpId(Network.TELEGRAM, topUpPress))
                        .orElseThrow()
                        .status())
                .isEqualTo(BillPaymentStatus.COMPLETED);

        clock.advance(Duration.ofHours(25));
        Payment later = pay(chat, bob);
        assertThat(later.status())
                .as("past the window, the confirmed top-up is the chat's confirmation: paid at once")
                .isEqualTo(PaymentStatus.COMPLETED);
        assertThat(newChatCheck(later).outcome()).isEqualTo("pass");
        assertThat(newChatCheck(later).detail())
                .as("the audit counts billing's confirmation (the held P2P payment was never confirmed)")
                .contains("confirmedSinceLink=1");
        assertThat(ledger.account(bob.wallet()).orElseThrow().balanceMinor()).isEqualTo(later.amountMinor());
    }

    @Test
    @DisplayName("security review #4: a top-up confirmed on the bank's page for the API does not lift a new chat's"
            + " hold")
    void aTopUpConfirmedElsewhereDoesNotCountForANewChat() {
        BillingFixtures.Person ali = fixtures.customer("Ali", 1_000_000);
        BillingFixtures.Person bob = fixtures.customer("Bob", 0);
        String chat = chats.linkedTo(ali.id(), Duration.ofMinutes(1));

        TopUp api = apiTopUp(ali, 100_000);
        assertThat(api.status()).isEqualTo(BillPaymentStatus.AWAITING_CONFIRMATION);
        confirm(api.confirmationUrl(), ali.phone());
        topUpWorker.recheck();
        assertThat(topUps.topUp(api.id()).orElseThrow().status()).isEqualTo(BillPaymentStatus.COMPLETED);

        clock.advance(Duration.ofHours(25));
        Payment held = pay(chat, bob);
        assertThat(held.status())
                .as("a confirmation for the API says nothing about who holds the chat")
                .isEqualTo(PaymentStatus.AWAITING_CONFIRMATION);
        assertThat(held.audit().reason()).isEqualTo(NEW_CHAT_RULE);
        assertThat(newChatCheck(held).detail()).contains("confirmedSinceLink=0");
        assertThat(ledger.account(bob.wallet()).orElseThrow().balanceMinor()).isZero();
    }

    /** Pays the payee 10,000 rial in the chat (below every threshold) and answers the payment as stored. */
    private Payment pay(String chat, BillingFixtures.Person payee) {
        Outbound.Buttons offer = (Outbound.Buttons)
                chats.say(chat, "pay " + payee.phone() + " 10000").get(0);
        String message = "m-" + UUID.randomUUID();
        press(chat, message, offer);
        return payments.payment(ChatIds.paymentId(Network.TELEGRAM, message)).orElseThrow();
    }

    private static PaymentCheck newChatCheck(Payment payment) {
        return payment.audit().checks().stream()
                .filter(c -> NEW_CHAT_RULE.equals(c.rule()))
                .findFirst()
                .orElseThrow();
    }

    private Outbound.Buttons topUpOffer(String chat) {
        return (Outbound.Buttons)
                chats.say(chat, "top up " + IRANCELL + " 50000 rial").get(0);
    }

    private List<Outbound> press(String chat, String messageId, Outbound.Buttons offer) {
        List<Outbound> replies = chats.say(new InboundMessage(
                Network.TELEGRAM,
                messageId,
                chat,
                null,
                null,
                new Inbound.Button(offer.buttons().get(0).reference())));
        assertThat(replies).isNotEmpty();
        return replies;
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
        confirmations.confirm(url.substring(url.lastIndexOf('/') + 1), sms.lastCode(phone));
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
