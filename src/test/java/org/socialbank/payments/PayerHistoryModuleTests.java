package org.socialbank.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Ledger;
import org.socialbank.payments.jdbc.JdbcPayments;
import org.socialbank.payments.jdbc.PaymentHistory;
import org.socialbank.payments.jdbc.PaymentRow;
import org.socialbank.payments.risk.History;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.support.Customers;
import org.socialbank.support.Seeds;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 22: the risk policy's questions about a payer's past, answered by one read
 * ({@link JdbcPayments#history}), give what the one-query-per-rule history gives, on seeded random
 * payments (statuses, currencies, channels, confirmations, ages); and a question the read was not
 * made for is still answered as asked.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class PayerHistoryModuleTests {

    static final CurrencyCode EUR = CurrencyCode.of("EUR");
    static final CurrencyCode USD = CurrencyCode.of("USD");
    static final List<String> CHANNELS = List.of("telegram", "api", "bale");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    JdbcPayments store;

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    static List<Long> seeds() {
        return Seeds.consecutive("PayerHistoryModuleTests", 4).boxed().toList();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void oneReadAnswersWhatEachRuleWouldRead(long seed) {
        RandomGenerator random = Seeds.random(seed);
        Instant now = org.socialbank.shared.Microseconds.now(java.time.Clock.systemUTC());
        CustomerId payer =
                new Customers(directory, ledger).named("History payer").create().id();
        for (int i = 0; i < 40; i++) {
            store.insert(payment(random, payer, now.minus(Duration.ofMinutes(random.nextLong(60 * 24 * 45)))));
        }
        for (int q = 0; q < 6; q++) {
            History.Questions asked = new History.Questions(
                    payer,
                    random.nextBoolean() ? EUR : USD,
                    CHANNELS.get(random.nextInt(CHANNELS.size())),
                    now.minus(Duration.ofDays(random.nextLong(1, 31))),
                    now.minus(Duration.ofHours(random.nextLong(1, 24))),
                    now.minus(Duration.ofMinutes(random.nextLong(1, 600))),
                    random.nextInt(4) == 0
                            ? Optional.empty()
                            : Optional.of(now.minus(Duration.ofDays(random.nextLong(0, 60)))));
            History one = store.history(asked);
            History each = new PaymentHistory(store);
            String why = Seeds.replay(seed) + ", " + asked;
            assertThat(one.sentMinor(payer, asked.currency(), Optional.empty(), asked.monthStart()))
                    .as(why)
                    .isEqualTo(each.sentMinor(payer, asked.currency(), Optional.empty(), asked.monthStart()));
            assertThat(one.sentMinor(payer, asked.currency(), Optional.empty(), asked.dayStart()))
                    .as(why)
                    .isEqualTo(each.sentMinor(payer, asked.currency(), Optional.empty(), asked.dayStart()));
            assertThat(one.sentMinor(payer, asked.currency(), Optional.of(asked.channel()), asked.dayStart()))
                    .as(why)
                    .isEqualTo(each.sentMinor(payer, asked.currency(), Optional.of(asked.channel()), asked.dayStart()));
            assertThat(one.paymentsSince(payer, asked.burstFrom()))
                    .as(why)
                    .isEqualTo(each.paymentsSince(payer, asked.burstFrom()));
            asked.linkedAt()
                    .ifPresent(linked -> assertThat(one.confirmedSince(payer, asked.channel(), linked))
                            .as(why)
                            .isEqualTo(each.confirmedSince(payer, asked.channel(), linked)));
            Instant other = now.minus(Duration.ofDays(40));
            assertThat(one.sentMinor(payer, asked.currency(), Optional.empty(), other))
                    .as("a question the read was not made for, " + why)
                    .isEqualTo(each.sentMinor(payer, asked.currency(), Optional.empty(), other));
            assertThat(one.newPayeesSince(payer, asked.dayStart()))
                    .as(why)
                    .isEqualTo(each.newPayeesSince(payer, asked.dayStart()));
        }
    }

    /** A payment of the payer at {@code at}: rejected, completed, held, or held and then confirmed. */
    private static PaymentRow payment(RandomGenerator random, CustomerId payer, Instant at) {
        Alias payee = new Alias(AliasType.TAG, null, "payee" + random.nextInt(5));
        PaymentRow fresh = PaymentRow.fresh(
                new PaymentId(UUID.randomUUID()),
                new PaymentRow.Parties(payer, payee, null, null, random.nextBoolean()),
                random.nextLong(1, 100_000),
                random.nextInt(3) == 0 ? USD : EUR,
                CHANNELS.get(random.nextInt(CHANNELS.size())),
                at);
        return switch (random.nextInt(4)) {
            case 0 -> fresh.rejected(PaymentRejection.INSUFFICIENT_FUNDS, null, null, null);
            case 1 -> fresh.completed(UUID.randomUUID());
            case 2 -> fresh.held(UUID.randomUUID(), "sealed");
            default -> fresh.held(UUID.randomUUID(), "sealed").completed(UUID.randomUUID());
        };
    }
}
