package org.socialbank.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.billing.sandbox.SandboxBiller;
import org.socialbank.shared.Language;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.Customers;
import org.socialbank.support.LedgerAudit;
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
 * The janitor's per-row handling ({@code ProviderCalls}, review 2026-12-07 billing follow-up) with
 * faults other than a payment posted by hand, over the account-bill switch's HTTP protocol (the
 * local fake switch): three account bills in doubt, the oldest first in the janitor's order; when
 * the switch answers garbage about that one, or its answer cannot be booked, the other two still
 * settle in the same round and the oldest is moved behind them ({@code updated_at} of the round),
 * still in doubt, and settles once it can be.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "socialbank.conversation.relay-enabled=false",
            "socialbank.billing.worker-interval=10m",
            "socialbank.billing.recheck-after=5s",
            "socialbank.billing.pending-timeout=1d",
            "socialbank.payments.risk.burst-payments-max=1000",
            "socialbank.payments.risk.new-channel-confirmations-min=0"
        })
@Import({ChatFakes.class, JanitorRowFaultsIntegrationTests.Fakes.class})
class JanitorRowFaultsIntegrationTests extends AccountBillTestBase {

    static final FakeAccountBillerServer SWITCH = FakeAccountBillerServer.shared();
    static final long FUNDED_MINOR = 1_000_000;

    @TestConfiguration(proxyBeanMethods = false)
    static class Fakes {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        }
    }

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        SWITCH.register(registry);
    }

    @Autowired
    MutableClock clock;

    @Test
    @DisplayName("review 2026-12-07 gaps follow-up: the switch answering garbage about one payment in doubt holds"
            + " back none of the others; that one is moved behind, still held, and settles when the switch answers")
    void garbageAboutOnePaymentInDoubtHoldsBackNoOther() {
        SWITCH.unavailable(0); // the shared switch's knobs are each test's to reset
        Payment garbled = inDoubt(customer("Zoya"), SandboxBiller.Trouble.TIMEOUT);
        Payment[] others = {
            inDoubt(customer("Fedor"), SandboxBiller.Trouble.TIMEOUT),
            inDoubt(customer("Galina"), SandboxBiller.Trouble.TIMEOUT)
        };
        SWITCH.garbleStatus(garbled.id(), true);
        try {
            Instant round = round();

            assertTheOthersSettledAndTheFirstMovedBehind(garbled, others, round);
        } finally {
            SWITCH.garbleStatus(garbled.id(), false);
        }
        round(); // the switch answers again: paid
        assertThat(status(garbled)).isEqualTo("COMPLETED");
        assertThat(balance(garbled)).as("debited once").isEqualTo(FUNDED_MINOR - garbled.amountMinor());
        new LedgerAudit(jdbc).assertBalanced();
    }

    @Test
    @DisplayName("review 2026-12-07 gaps follow-up: an answer about one payment in doubt that cannot be booked holds"
            + " back none of the others; that one is moved behind, still in doubt, and settles once it can be")
    void anAnswerThatCannotBeBookedHoldsBackNoOther() {
        SWITCH.unavailable(0);
        Payment broken = inDoubt(customer("Kira"), SandboxBiller.Trouble.LOSE); // the switch will say not received
        Payment[] others = {
            inDoubt(customer("Lev"), SandboxBiller.Trouble.TIMEOUT),
            inDoubt(customer("Mila"), SandboxBiller.Trouble.TIMEOUT)
        };
        // its reservation cannot be found by the ledger (billing's table restored alone): voiding it throws
        UUID reservation = transferOf(broken);
        setTransfer(broken, UUID.randomUUID());

        Instant round = round();

        assertTheOthersSettledAndTheFirstMovedBehind(broken, others, round);
        assertThat(column("code", broken)).isNull();

        setTransfer(broken, reservation); // repaired by operations
        round();
        assertThat(status(broken)).isEqualTo("FAILED");
        assertThat(column("code", broken)).isEqualTo(SendBills.BILLER_TIMEOUT);
        assertThat(available(broken)).as("the money is back").isEqualTo(FUNDED_MINOR);
        new LedgerAudit(jdbc).assertBalanced();
    }

    private void assertTheOthersSettledAndTheFirstMovedBehind(Payment first, Payment[] others, Instant round) {
        for (Payment other : others) {
            assertThat(status(other)).as("settled in the same round").isEqualTo("COMPLETED");
            assertThat(balance(other)).isEqualTo(FUNDED_MINOR - other.amountMinor());
        }
        assertThat(status(first)).isEqualTo("UNKNOWN");
        assertThat(updatedAt(first)).as("moved behind the others").isEqualTo(round);
        assertThat(available(first)).as("still held").isEqualTo(FUNDED_MINOR - first.amountMinor());
    }

    record Payment(Customers.Customer customer, UUID id, long amountMinor) {}

    private Customers.Customer customer(String name) {
        return customer(name, Language.RU, "RUB", FUNDED_MINOR);
    }

    /**
     * A bill confirmed in chat whose payment the switch leaves in doubt ({@code trouble}: paid or
     * never received, its answer lost); a second later than the one before, so after it in the
     * janitor's order.
     */
    private Payment inDoubt(Customers.Customer customer, SandboxBiller.Trouble trouble) {
        clock.advance(Duration.ofSeconds(1));
        confirm(customer, offer(customer, "оплатить Мосэнергосбыт " + freshAccount("ru_mosenergosbyt")));
        SWITCH.sandbox.troubleNext(trouble);
        worker.work();
        chats.drain();
        UUID id = accountBillOf(customer);
        Payment payment = new Payment(customer, id, Long.parseLong(column("amount_minor", id)));
        assertThat(status(payment)).isEqualTo("UNKNOWN");
        return payment;
    }

    /** Past {@code recheck-after}, one round of the janitor: its instant. */
    private Instant round() {
        clock.advance(Duration.ofSeconds(6));
        Instant round = clock.instant();
        worker.work();
        chats.drain();
        return round;
    }

    private UUID transferOf(Payment payment) {
        return UUID.fromString(column("transfer_id", payment.id()));
    }

    private void setTransfer(Payment payment, UUID transfer) {
        jdbc.sql("UPDATE billing_account_bill_payments SET transfer_id = ? WHERE id = ?")
                .params(transfer, payment.id())
                .update();
    }

    private Instant updatedAt(Payment payment) {
        return jdbc.sql("SELECT updated_at FROM billing_account_bill_payments WHERE id = ?")
                .param(payment.id())
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .single();
    }

    private String status(Payment payment) {
        return column("status", payment);
    }

    private String column(String name, Payment payment) {
        return column(name, payment.id());
    }

    private String column(String name, UUID id) {
        return jdbc.sql("SELECT " + name + " FROM billing_account_bill_payments WHERE id = ?")
                .param(id)
                .query((rs, n) -> rs.getString(1))
                .list()
                .get(0);
    }

    private long balance(Payment payment) {
        return ledger.account(payment.customer().wallet()).orElseThrow().balanceMinor();
    }

    private long available(Payment payment) {
        return ledger.account(payment.customer().wallet()).orElseThrow().availableMinor();
    }
}
