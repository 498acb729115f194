package org.socialbank.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.billing.sandbox.SandboxAccountBiller;
import org.socialbank.billing.sandbox.SandboxBiller;
import org.socialbank.conversation.Outbound;
import org.socialbank.shared.Language;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.Chats;
import org.socialbank.support.Customers;
import org.socialbank.support.LedgerAudit;
import org.socialbank.support.Races;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Review 2026-12-07 billing follow-up: a due bill paid by account number (biller, account, due date)
 * is paid once. She asks twice for the same bill (the answer comes later), gets two Confirm offers
 * and presses both, in turn or at the same moment: one payment goes to the biller, the other is
 * refused {@code bill_already_paid} and told so in her language; a payment that ended without paying
 * frees the bill. The embedded sandbox biller refuses a second payment id of a due bill it was paid.
 * On H2 and PostgreSQL (the twins).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "socialbank.conversation.relay-enabled=false",
            "socialbank.billing.worker-interval=10m",
            "socialbank.payments.risk.burst-payments-max=1000",
            "socialbank.payments.risk.new-channel-confirmations-min=0"
        })
@Import(ChatFakes.class)
abstract class AccountBillOnceContract extends AccountBillTestBase {

    static final long FUNDED_MINOR = 1_000_000;
    static final int RACES = 5;

    @Autowired
    SandboxAccountBiller biller;

    @Test
    @DisplayName("review 2026-12-07 billing follow-up: two offers of the same due bill pressed in turn pay it once")
    void twoOffersOfTheSameDueBillPressedInTurnPayItOnce() {
        Customers.Customer zoe = customer("Zoé", Language.FR, "EUR", FUNDED_MINOR);
        String account = freshAccount("fr_edf");
        List<Outbound.Buttons> offers = twoOffers(zoe, "payer EDF " + account);

        confirm(zoe, offers.get(0));
        List<Outbound> second = chats.say(zoe.chat(), confirmOf(offers.get(1)));
        assertThat(Chats.text(second))
                .isEqualTo("Cette facture est déjà payée, ou en cours de paiement, "
                        + "par une autre confirmation. Rien n’a été payé deux fois.");
        worker.work();
        chats.drain();

        UUID paid = accountBillOf(zoe);
        assertThat(status(paid)).isEqualTo("COMPLETED");
        long amount = amount(paid);
        assertThat(ledger.account(zoe.wallet()).orElseThrow().balanceMinor())
                .as("debited once")
                .isEqualTo(FUNDED_MINOR - amount);
        assertThat(count(zoe)).isEqualTo(1);
        new LedgerAudit(jdbc).assertBalanced();
    }

    @Test
    @DisplayName("review 2026-12-07 billing follow-up: a payment the biller refused frees the due bill for another")
    void aPaymentTheBillerRefusedFreesTheDueBill() {
        Customers.Customer li = customer("Li", Language.ZH, "CNY", FUNDED_MINOR);
        List<Outbound.Buttons> offers = twoOffers(li, "交电费 " + freshAccount("cn_state_grid"));
        biller.troubleNext(SandboxBiller.Trouble.FAIL);
        confirm(li, offers.get(0));
        worker.work();

        confirm(li, offers.get(1));
        worker.work();
        chats.drain();

        assertThat(jdbc.sql(
                                "SELECT status FROM billing_account_bill_payments WHERE customer_id = ? ORDER BY created_at")
                        .param(li.id().value())
                        .query(String.class)
                        .list())
                .containsExactly("FAILED", "COMPLETED");
    }

    @Test
    @DisplayName("review 2026-12-07 billing follow-up: two Confirms of the same due bill racing pay it once")
    void twoConfirmsOfTheSameDueBillRacingPayItOnce() throws Exception {
        for (int round = 0; round < RACES; round++) {
            Customers.Customer ivan = customer("Ivan " + round, Language.RU, "RUB", FUNDED_MINOR);
            twoOffers(ivan, "оплатить Мосэнергосбыт " + freshAccount("ru_mosenergosbyt"));
            List<UUID> inquiries = inquiries(ivan);
            List<AccountBillResult> results = Races.race(List.<Callable<AccountBillResult>>of(
                    () -> bills.accept(ivan.id(), inquiries.get(0), false),
                    () -> bills.accept(ivan.id(), inquiries.get(1), false)));

            assertThat(results)
                    .as("round %d", round)
                    .filteredOn(AccountBillResult.Accepted.class::isInstance)
                    .singleElement()
                    .satisfies(r -> assertThat(((AccountBillResult.Accepted) r).status())
                            .isEqualTo(BillPaymentStatus.PENDING));
            assertThat(results)
                    .as("round %d", round)
                    .contains(new AccountBillResult.Refused(AccountBillResult.BILL_ALREADY_PAID));
            worker.work();
            UUID paid = accountBillOf(ivan);
            assertThat(status(paid)).isEqualTo("COMPLETED");
            assertThat(ledger.account(ivan.wallet()).orElseThrow().balanceMinor())
                    .isEqualTo(FUNDED_MINOR - amount(paid));
        }
        new LedgerAudit(jdbc).assertBalanced();
    }

    @Test
    @DisplayName(
            "review 2026-12-07 billing follow-up: the sandbox biller refuses a second payment id of a paid due bill")
    void theSandboxRefusesASecondPaymentOfAPaidDueBill() {
        String account = freshAccount("ru_mosenergosbyt");
        AccountBiller.Due due = (AccountBiller.Due) biller.inquire("ru_mosenergosbyt", account);
        AccountBiller.Order first = new AccountBiller.Order(
                UUID.randomUUID(), "ru_mosenergosbyt", account, due.amountMinor(), due.currency());
        AccountBiller.Order second = new AccountBiller.Order(
                UUID.randomUUID(), "ru_mosenergosbyt", account, due.amountMinor(), due.currency());

        assertThat(biller.pay(first)).isInstanceOf(org.socialbank.shared.ProviderAnswer.Succeeded.class);
        assertThat(biller.pay(second))
                .isEqualTo(new org.socialbank.shared.ProviderAnswer.Failed(SandboxAccountBiller.ALREADY_PAID));
        assertThat(biller.pay(first)).as("idempotent").isEqualTo(biller.status(first.id()));
        assertThat(biller.status(first.id())).isInstanceOf(org.socialbank.shared.ProviderAnswer.Succeeded.class);
    }

    /** Asks for the bill twice before the biller answers: two inquiries, two offers. */
    private List<Outbound.Buttons> twoOffers(Customers.Customer customer, String ask) {
        chats.say(customer.chat(), ask);
        chats.say(customer.chat(), ask);
        bills.lookUp();
        chats.drain();
        List<Outbound.Buttons> offers = chats.sent(customer.chat(), Outbound.Buttons.class);
        assertThat(offers).hasSize(2);
        return offers;
    }

    private static org.socialbank.conversation.Inbound.Button confirmOf(Outbound.Buttons offer) {
        return new org.socialbank.conversation.Inbound.Button(
                offer.buttons().get(0).reference());
    }

    private List<UUID> inquiries(Customers.Customer customer) {
        return jdbc.sql("SELECT id FROM billing_account_bill_inquiries WHERE customer_id = ? ORDER BY created_at, id")
                .param(customer.id().value())
                .query(UUID.class)
                .list();
    }

    private String status(UUID id) {
        return jdbc.sql("SELECT status FROM billing_account_bill_payments WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private long amount(UUID id) {
        return jdbc.sql("SELECT amount_minor FROM billing_account_bill_payments WHERE id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    private int count(Customers.Customer customer) {
        return jdbc.sql("SELECT COUNT(*) FROM billing_account_bill_payments WHERE customer_id = ?")
                .param(customer.id().value())
                .query(Integer.class)
                .single();
    }
}
