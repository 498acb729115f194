package org.socialbank.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.billing.sandbox.SandboxOperator;
import org.socialbank.conversation.Outbound;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Ledger;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.Chats;
import org.socialbank.support.Customers;
import org.socialbank.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Review 2026-12-07 billing follow-up: a PIN voucher the operator completed (she was charged) but
 * whose PIN does not come. It no longer blocks newer vouchers (one voucher a round here: the newer,
 * never asked, is asked first); {@code voucher-pin-wait} after the first ask it is reported once (a
 * {@code PIN_NOT_GIVEN} row in the in-doubt list, her chat told the PIN is delayed) and still asked,
 * so a PIN that comes late is delivered as usual. On H2 and PostgreSQL (the twins {@code
 * H2VoucherPinsIntegrationTests}, {@code PostgresVoucherPinsIntegrationTests}).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "socialbank.conversation.relay-enabled=false",
            "socialbank.billing.worker-interval=10m",
            "socialbank.billing.recheck-after=1s",
            "socialbank.billing.batch-max=1",
            "socialbank.billing.voucher-pin-wait=5m",
            "socialbank.payments.risk.burst-payments-max=1000",
            "socialbank.payments.risk.new-channel-confirmations-min=0"
        })
@Import({ChatFakes.class, VoucherPinsContract.Fakes.class})
abstract class VoucherPinsContract {

    @TestConfiguration(proxyBeanMethods = false)
    static class Fakes {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        }
    }

    @Autowired
    Chats chats;

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    @Autowired
    TopUpPhone worker;

    @Autowired
    PinVouchers vouchers;

    @Autowired
    SandboxOperator operator;

    @Autowired
    PaymentsInDoubt inDoubt;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("review 2026-12-07 billing follow-up: a voucher whose PIN never comes blocks no newer one, is"
            + " reported once after voucher-pin-wait and delivered when its PIN comes late")
    void aVoucherWhosePinNeverComesIsReportedOnceAndBlocksNoNewerOne() {
        Customers.Customer reza = customer("Reza");
        TopUpId stuck = buyVoucher(reza, id -> operator.withholdPin(id, true));
        vouchers.collect();
        assertThat(attempts(stuck)).isEqualTo(1);
        assertThat(links(reza)).isEmpty();

        Customers.Customer sara = customer("Sara");
        TopUpId fresh = buyVoucher(sara, id -> {});
        clock.advance(Duration.ofSeconds(1));
        vouchers.collect(); // one a round: the never-asked first
        chats.drain();
        assertThat(links(sara)).as("the newer voucher is not starved").hasSize(1);
        assertThat(attempts(fresh)).isZero();

        clock.advance(Duration.ofMinutes(4));
        vouchers.collect();
        chats.drain();
        assertThat(listed(stuck)).as("not before voucher-pin-wait").isEmpty();

        clock.advance(Duration.ofMinutes(2));
        vouchers.collect();
        vouchers.collect();
        chats.drain();
        assertThat(listed(stuck)).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(PaymentInDoubt.Reason.PIN_NOT_GIVEN);
            assertThat(p.kind()).isEqualTo("top_up");
            assertThat(p.status()).isEqualTo(BillPaymentStatus.COMPLETED);
        });
        assertThat(chats.sent(reza.chat()))
                .as("told once that the PIN is delayed")
                .filteredOn(t -> t.contains("has not given its PIN yet"))
                .hasSize(1);
        assertThat(attempts(stuck)).isEqualTo(4);

        operator.withholdPin(stuck, false); // the PIN comes late
        vouchers.collect();
        chats.drain();
        assertThat(links(reza)).hasSize(1);
        assertThat(chats.sent(reza.chat()))
                .noneMatch(t -> t.contains(operator.voucherPin(stuck).orElseThrow()));
    }

    private Customers.Customer customer(String name) {
        return new Customers(directory, ledger, chats)
                .named(name)
                .wallet("IRR", 1_000_000)
                .linkedChat(BillingFixtures.LINKED_AGO)
                .create();
    }

    /** Buys a voucher in chat and has the operator complete it; {@code beforeCollect} sees its id first. */
    private TopUpId buyVoucher(Customers.Customer customer, java.util.function.Consumer<TopUpId> beforeCollect) {
        TopUpsInChat inChat = new TopUpsInChat(chats);
        Outbound.Buttons offer = inChat.offer(customer, TopUpsInChat.VOUCHER);
        TopUpId id = inChat.press(customer, offer.buttons().get(0)).id();
        beforeCollect.accept(id);
        worker.recheck();
        worker.recheck();
        assertThat(jdbc.sql("SELECT status FROM billing_topups WHERE id = ?")
                        .param(id.value())
                        .query(String.class)
                        .single())
                .isEqualTo("COMPLETED");
        return id;
    }

    private int attempts(TopUpId id) {
        return jdbc.sql("SELECT pin_attempts FROM billing_topups WHERE id = ?")
                .param(id.value())
                .query(Integer.class)
                .single();
    }

    private List<Outbound.Link> links(Customers.Customer customer) {
        return chats.sent(customer.chat(), Outbound.Link.class).stream()
                .filter(l -> l.url().contains("/vouchers/"))
                .toList();
    }

    private List<PaymentsInDoubt.Listed> listed(TopUpId id) {
        return inDoubt.page(PaymentsInDoubt.LIMIT_MAX, false, Optional.empty()).payments().stream()
                .filter(p -> p.paymentId().equals(id.value()))
                .toList();
    }
}
