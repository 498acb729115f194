package org.socialbank.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.billing.sandbox.SandboxOperator;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.conversation.Outbound;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Ledger;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;
import org.socialbank.shared.Network;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.Chats;
import org.socialbank.support.Customers;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 15 s2 in chat: a PIN voucher and an operator's bonus charge are bought in chat as a direct
 * charge is (Confirm reserves, the operator is asked afterwards); the voucher's PIN is never in the
 * chat, which gets the one-time link to the bank's page; a bonus charge is sold at the operator's
 * bonus denominations only.
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
class TopUpKindsChatIntegrationTests {

    private static final CurrencyCode IRR = CurrencyCode.of("IRR");

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
    TopUps topUps;

    @Autowired
    TopUpPhone worker;

    @Autowired
    PinVouchers vouchers;

    @Autowired
    SandboxOperator operator;

    Customers customers;
    TopUpsInChat inChat;

    @BeforeEach
    void setUp() {
        customers = new Customers(directory, ledger, chats);
        inChat = new TopUpsInChat(chats);
    }

    @Test
    void aPinVoucherAskedInChatIsToldAsALinkToTheBanksPageAndItsPinNeverInTheChat() {
        Customers.Customer reza = customers
                .named("Reza")
                .wallet("IRR", 1_000_000)
                .linkedChat(BillingFixtures.LINKED_AGO)
                .create();
        Outbound.Buttons offer = inChat.offer(reza, TopUpsInChat.VOUCHER);
        assertThat(offer.text()).contains("PIN voucher", "+989351234567", "Irancell");

        TopUp topUp = confirm(reza, offer.buttons().get(0), "PIN voucher");

        assertThat(topUp.kind()).isEqualTo(TopUpKind.VOUCHER);
        assertThat(topUp.status()).isEqualTo(BillPaymentStatus.COMPLETED);
        String pin = operator.voucherPin(topUp.id()).orElseThrow();
        List<Outbound.Link> links = chats.sent(reza.chat(), Outbound.Link.class).stream()
                .filter(l -> l.url().contains("/vouchers/"))
                .toList();
        assertThat(links).hasSize(1);
        assertThat(links.get(0).text()).doesNotContain(pin);
        assertThat(chats.sent(reza.chat())).noneMatch(t -> t.contains(pin));
        assertThat(ledger.account(reza.wallet()).orElseThrow().balanceMinor()).isEqualTo(900_000);
        // review 2026-12-07 billing follow-up: a voucher charged no number, it is bought and its link follows
        assertThat(chats.sent(reza.chat()))
                .noneMatch(t -> t.contains("was topped up"))
                .anySatisfy(t -> assertThat(t)
                        .startsWith("Your PIN voucher of")
                        .contains("+989351234567 is bought; the link to its PIN follows")
                        .contains(topUp.traceNumber()));
    }

    @Test
    void aBonusChargeAskedInChatIsSoldAtTheOperatorsBonusDenominationsInPersianToo() {
        Customers.Customer sara = customers
                .named("Sara")
                .wallet("IRR", 1_000_000)
                .linkedChat(BillingFixtures.LINKED_AGO)
                .create();
        // 20,000 rial is a direct charge of Irancell's, not a bonus one: the nearest bonus amounts are offered
        Outbound.Buttons nearest = inChat.offer(sara, "top up bonus 09351234567 20000 rial");
        assertThat(nearest.buttons())
                .extracting(Outbound.Button::label)
                .contains(MoneyFormat.format(50_000, IRR, Language.EN.locale()))
                .doesNotContain(MoneyFormat.format(20_000, IRR, Language.EN.locale()));
        Outbound.Button fifty = nearest.buttons().stream()
                .filter(b -> b.label().equals(MoneyFormat.format(50_000, IRR, Language.EN.locale())))
                .findFirst()
                .orElseThrow();
        TopUp bonus = confirm(sara, fifty, "Topping up");
        assertThat(bonus.kind()).isEqualTo(TopUpKind.BONUS);
        assertThat(bonus.amountMinor()).isEqualTo(50_000);

        Customers.Customer ali = customers
                .named("Ali")
                .speaking(Language.FA)
                .wallet("IRR", 1_000_000)
                .linkedChat(BillingFixtures.LINKED_AGO)
                .create();
        Outbound.Buttons offer = inChat.offer(ali, "شارژ شگفت‌انگیز ۱۰ هزار تومانی ایرانسل برای ۰۹۳۵۱۲۳۴۵۶۷");
        assertThat(offer.text()).contains("شارژ ویژه");
        assertThat(confirm(ali, offer.buttons().get(0), "").kind()).isEqualTo(TopUpKind.BONUS);
    }

    @Test
    @DisplayName("review 2026-12-07 billing follow-up: a retry of a completed top-up whose operator was since"
            + " removed from the configuration replays it, not id_reused")
    void aRetryOfATopUpTheOperatorTableNowRefusesReplaysIt() {
        Customers.Customer omid = customers
                .named("Omid")
                .wallet("IRR", 1_000_000)
                .linkedChat(BillingFixtures.LINKED_AGO)
                .create();
        TopUpRequest request = new TopUpRequest(
                new TopUpId(UUID.randomUUID()), omid.id(), "09351234567", 100_000, IRR, Optional.empty(), "api");
        TopUp first = ((TopUpResult.Done) worker.topUp(request)).topUp();
        assertThat(first.status()).isEqualTo(BillPaymentStatus.COMPLETED);

        OperatorSettings irancell = worker.operators().all().remove("irancell");
        try {
            assertThat(worker.topUp(new TopUpRequest(
                            new TopUpId(UUID.randomUUID()),
                            omid.id(),
                            "09351234567",
                            100_000,
                            IRR,
                            Optional.empty(),
                            "api")))
                    .as("a new top-up is refused now")
                    .isInstanceOf(TopUpResult.Refused.class);
            assertThat(worker.topUp(request)).as("the retry").isEqualTo(new TopUpResult.Done(first, true));
            assertThat(worker.topUp(new TopUpRequest(
                            request.id(), omid.id(), "09351234567", 200_000, IRR, Optional.empty(), "api")))
                    .as("another request with its id")
                    .isEqualTo(new TopUpResult.Refused(BillPaymentResult.ID_REUSED, List.of()));
        } finally {
            worker.operators().all().put("irancell", irancell);
        }
        assertThat(ledger.account(omid.wallet()).orElseThrow().balanceMinor()).isEqualTo(900_000);
    }

    @Test
    @DisplayName("a top-up refused when pressed is told why in her words, never as unknown_operator"
            + " (review 2026-12-07 words follow-up)")
    void aTopUpRefusedWhenPressedIsToldWhyInHerWords() {
        Customers.Customer nima = customers
                .named("Nima")
                .wallet("IRR", 1_000_000)
                .linkedChat(BillingFixtures.LINKED_AGO)
                .create();
        Outbound.Buttons offer = (Outbound.Buttons)
                chats.say(nima.chat(), "top up 09351234567 100000 rial").get(0);
        OperatorSettings irancell = worker.operators().all().remove("irancell");
        try {
            String told = Chats.text(chats.say(new InboundMessage(
                    Network.TELEGRAM,
                    "m-" + UUID.randomUUID(),
                    nima.chat(),
                    null,
                    null,
                    new Inbound.Button(offer.buttons().get(0).reference()))));
            assertThat(told)
                    .contains("This was not paid: we do not know which operator this number belongs to.")
                    .doesNotContain("unknown_operator")
                    .doesNotContain("(");
        } finally {
            worker.operators().all().put("irancell", irancell);
        }
        assertThat(ledger.account(nima.wallet()).orElseThrow().balanceMinor()).isEqualTo(1_000_000);
    }

    /** Presses Confirm (its reply holds {@code told}), runs the operator's worker and the relay; the top-up. */
    private TopUp confirm(Customers.Customer customer, Outbound.Button button, String told) {
        TopUpsInChat.Pressed pressed = inChat.press(customer, button);
        assertThat(Chats.text(pressed.replies())).contains(told);
        worker.recheck();
        worker.recheck();
        vouchers.collect();
        chats.drain();
        return topUps.topUp(pressed.id()).orElseThrow();
    }
}
