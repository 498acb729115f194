package org.socialbank.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.support.FakeSms;
import org.socialbank.support.Races;
import org.socialbank.support.WrappedConnections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The send budgets when two nodes open the same new window at once (review 2026-12-07 alerts #2):
 * each racer's first insert of a counter row is held until both have looked for the row and
 * found none, so both insert it; the one that loses on the key counts in the row the other made.
 * The same test on H2 and PostgreSQL.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@Import(SendBudgetsContract.Gate.class)
abstract class SendBudgetsContract {

    static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");
    static final int PER_DESTINATION = 2;

    /** The racing threads whose first budget-row insert waits at {@link #bothLooked}; the gate lets each through once. */
    static final Set<Thread> RACERS = ConcurrentHashMap.newKeySet();

    static volatile CountDownLatch bothLooked = new CountDownLatch(0);

    @Autowired
    SendBudgets budgets;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NotificationsProperties properties;

    @Autowired
    Clock clock;

    @DynamicPropertySource
    static void budgets(DynamicPropertyRegistry registry) {
        registry.add("socialbank.notifications.budgets.per-destination-per-day", () -> PER_DESTINATION);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Gate {

        @Bean
        static BeanPostProcessor budgetRowGate() {
            return WrappedConnections.wrapper(SendBudgetsContract::gated);
        }
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: two sends that open the same new budget window at once"
            + " both count, neither fails on the counter row's key")
    void twoTakesThatOpenTheSameNewWindowBothCount() throws Exception {
        String to = "+3361" + String.format("%07d", RANDOM.nextInt(10_000_000)); // a fresh day row
        bothLooked = new CountDownLatch(2);
        Callable<SendBudgets.Take> take = () -> {
            RACERS.add(Thread.currentThread());
            try {
                return budgets.take(SendBudgets.Medium.SMS, to, Optional.empty());
            } finally {
                RACERS.remove(Thread.currentThread());
            }
        };
        List<SendBudgets.Take> takes = Races.race(List.of(take, take));

        assertThat(bothLooked.getCount())
                .as("both found no row and inserted it")
                .isZero();
        assertThat(takes).containsExactly(new SendBudgets.Taken(), new SendBudgets.Taken());
        assertThat(budgets.take(SendBudgets.Medium.SMS, to, Optional.empty()))
                .as("both were counted: the number's budget of " + PER_DESTINATION + " is spent")
                .isEqualTo(new SendBudgets.Refused(SendBudgets.Refused.DESTINATION_DAY));
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: a misconfigured SMS gateway (not exactly one provider)"
            + " stops the start and spends no send budget on messages that cannot go")
    void aMisconfiguredGatewayStopsTheStartAndSpendsNoBudget() {
        String to = "+3361" + String.format("%07d", RANDOM.nextInt(10_000_000));
        SmsGateway one = new FakeSms();
        SmsGateway two = new FakeSms();
        for (Map<String, Object> gateways : List.<Map<String, Object>>of(Map.of(), Map.of("one", one, "two", two))) {
            BudgetedSms sms = new BudgetedSms(
                    budgets,
                    new StaticListableBeanFactory(gateways).getBeanProvider(SmsGateway.class),
                    new TransactionTemplate(transactions));
            assertThatIllegalStateException()
                    .isThrownBy(sms::afterSingletonsInstantiated)
                    .withMessageContaining("Expected exactly one SmsGateway");
            SmsMessage message = new SmsMessage(to, "your code");
            for (int round = 0; round < PER_DESTINATION; round++) {
                assertThatIllegalStateException().isThrownBy(() -> sms.send(message, Optional.empty()));
                assertThatIllegalStateException().isThrownBy(() -> sms.send(message));
            }
        }
        assertThat(budgets.take(SendBudgets.Medium.SMS, to, Optional.empty()))
                .as("the number's budget is untouched by the sends that never went")
                .isEqualTo(new SendBudgets.Taken());
    }

    @Test
    @DisplayName("a number's budget row is keyed by an HMAC under the pepper, no row by the number's plain SHA-256"
            + " (review 2026-12-07 notifications follow-up)")
    void aNumbersBudgetRowHoldsNoPlainDigestOfIt() throws Exception {
        String to = "+3361" + String.format("%07d", RANDOM.nextInt(10_000_000));
        assertThat(budgets.take(SendBudgets.Medium.SMS, to, Optional.empty())).isEqualTo(new SendBudgets.Taken());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM send_budgets WHERE budget_key = ?")
                        .param("to:" + SendBudgetKeysUnitTests.sha256("sms:" + to))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(used(budgets.destinationKey(SendBudgets.Medium.SMS, to))).isEqualTo(1);
    }

    @Test
    @DisplayName("on the day the key pepper is switched, a number's count under the previous pepper is added:"
            + " the switch gives it no second day's budget (review 2026-12-07 alert follow-up)")
    void aPepperSwitchKeepsTheDaysCount() {
        String to = "+3361" + String.format("%07d", RANDOM.nextInt(10_000_000));
        assertThat(budgets.take(SendBudgets.Medium.SMS, to, Optional.empty()))
                .as("one SMS under the old pepper")
                .isEqualTo(new SendBudgets.Taken());
        byte[] fresh = SendBudgetKeysUnitTests.pepper(1 + RANDOM.nextInt(100));
        SendBudgets switched = switchedTo(fresh, properties.budgetKeyPepper());
        SendBudgets forgetful = switchedTo(fresh, null);

        assertThat(switched.take(SendBudgets.Medium.SMS, to, Optional.empty())).isEqualTo(new SendBudgets.Taken());
        assertThat(switched.take(SendBudgets.Medium.SMS, to, Optional.empty()))
                .as("1 under the old key and 1 under the new one spend the budget of " + PER_DESTINATION)
                .isEqualTo(new SendBudgets.Refused(SendBudgets.Refused.DESTINATION_DAY));
        assertThat(used(budgets.destinationKey(SendBudgets.Medium.SMS, to)))
                .as("nothing is counted under the previous pepper")
                .isEqualTo(1);
        assertThat(forgetful.take(SendBudgets.Medium.SMS, to, Optional.empty()))
                .as("without the previous pepper the new key's count alone (1) is what the budget sees")
                .isEqualTo(new SendBudgets.Taken());
    }

    private SendBudgets switchedTo(byte[] pepper, String previous) {
        NotificationsProperties p = new NotificationsProperties(
                properties.devInboxMax(),
                properties.budgets(),
                properties.devInboxReportsLater(),
                Base64.getEncoder().encodeToString(pepper),
                previous);
        return new SendBudgets(jdbc, new TransactionTemplate(transactions), p, pepper, clock);
    }

    private int used(String key) {
        return jdbc.sql("SELECT used FROM send_budgets WHERE budget_key = ?")
                .param(key)
                .query(Integer.class)
                .single();
    }

    /** Holds a racer's first {@code INSERT INTO send_budgets} until the other racer came to its own. */
    private static Connection gated(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                SendBudgetsContract.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "prepareStatement" -> awaitTheOtherRacer((String) args[0]);
                        default -> {}
                    }
                    try {
                        return m.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void awaitTheOtherRacer(String sql) throws InterruptedException {
        if (sql.startsWith("INSERT INTO send_budgets") && RACERS.remove(Thread.currentThread())) {
            CountDownLatch gate = bothLooked;
            gate.countDown();
            if (!gate.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other racer never came to its insert");
            }
        }
    }
}
