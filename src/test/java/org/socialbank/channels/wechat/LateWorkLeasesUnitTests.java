package org.socialbank.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.security.otp.OneTimeCodes;
import org.socialbank.shared.Network;
import org.socialbank.support.MigrationStores;
import org.socialbank.support.MutableClock;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Review 2026-12-07 channels follow-up: the lease of WeChat's late work is renewed while it runs,
 * at most {@code late-work-run-max}, and never taken back once lost; two nodes on one store (the
 * table of {@code V76__wechat_retries.sql}, on H2 and PostgreSQL) and one clock moved by hand, each
 * node's renewals run by the test in place of their scheduler. No test here hands a message to the
 * engine (the nodes have none).
 */
class LateWorkLeasesUnitTests {

    static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration RUN_MAX = Duration.ofMinutes(30);

    /** One node: its retries and the leases it renews. */
    private record Node(WeChatRetries retries, LateWorkLeases leases, SimpleMeterRegistry meters) {}

    private final MutableClock clock = new MutableClock(START);
    private JdbcClient jdbc;
    /** The node whose late run holds the row, and another node. */
    private Node a;

    private Node b;
    /** The kept message's id, and node a's hold on its row. */
    private String id;

    private LateWorkLeases.Held held;

    static Stream<String> stores() {
        return MigrationStores.kinds();
    }

    /** Two nodes on a fresh store, and a message node a keeps as its late run's, under its lease. */
    private void start(String store) {
        jdbc = MigrationStores.store(store, "V76__wechat_retries.sql");
        a = node(jdbc);
        b = node(jdbc);
        InboundMessage message = new InboundMessage(
                Network.WECHAT, "m:" + UUID.randomUUID(), "oAbc_123-xyz", null, null, new Inbound.Text("help"));
        id = message.externalMessageId();
        held = a.retries().hold(message).orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("stores")
    @DisplayName("review 2026-12-07 channels follow-up: a late run three leases long is renewed and claimed by no"
            + " other node; its end removes the row")
    void aRunLongerThanTheLeaseIsNotClaimedByASecondNode(String store) {
        start(store);

        for (int turn = 1; turn <= 9; turn++) { // 15 minutes: three leases
            clock.advance(a.leases().renewEvery());
            assertThat(a.leases().renew()).as("renewed at turn " + turn).isEqualTo(1);
            assertThat(b.retries().claim(id, clock.instant()))
                    .as("claimed by the other node at turn " + turn)
                    .isEmpty();
            assertThat(b.retries().retryDue()).isZero();
        }
        assertThat(held.lost()).isFalse();
        assertThat(leaseUntil(jdbc, id)).isEqualTo(clock.instant().plus(LEASE));

        a.retries().ended(held, null);
        assertThat(rows(jdbc, id)).as("the run ended well: its row goes").isZero();
        assertThat(a.leases().renew()).as("renewed no more").isZero();
    }

    @ParameterizedTest
    @MethodSource("stores")
    @DisplayName("review 2026-12-07 channels follow-up: a late run past late-work-run-max is renewed no more,"
            + " logged and counted; once its lease ends a new claim takes the row, and the old run's end"
            + " changes nothing")
    void aRunPastTheMaximumIsReleased(String store) {
        start(store);

        Duration every = a.leases().renewEvery();
        int turns = 0;
        while (every.multipliedBy(turns + 1).compareTo(RUN_MAX) < 0) {
            clock.advance(every);
            turns++;
            assertThat(a.leases().renew()).isEqualTo(1);
            assertThat(b.retries().claim(id, clock.instant())).isEmpty();
        }
        Instant lastUntil = leaseUntil(jdbc, id);
        clock.advance(every); // the run is now late-work-run-max old
        assertThat(a.leases().renew()).as("not renewed past the maximum").isZero();
        assertThat(a.meters().counter(LateWorkLeases.OVERRAN).count()).isEqualTo(1.0);
        assertThat(leaseUntil(jdbc, id)).isEqualTo(lastUntil);
        assertThat(b.retries().claim(id, clock.instant()))
                .as("its last lease still runs")
                .isEmpty();

        clock.advance(Duration.between(clock.instant(), lastUntil).plusSeconds(1));
        // even this node's own round: a new claim, a new holder
        String claim = a.retries().claim(id, clock.instant()).orElseThrow();
        assertThat(claim).isNotEqualTo(held.token());
        a.retries().ended(held, null); // the stuck run ends at last
        assertThat(holder(jdbc, id)).as("the new claim's row, untouched").isEqualTo(claim);
        assertThat(b.retries().claim(id, clock.instant())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    @DisplayName("review 2026-12-07 channels follow-up: a renewal after the lease was lost does not take it back;"
            + " the run is told, and its end changes nothing")
    void aRenewalAfterLosingTheLeaseDoesNotStealItBack(String store) {
        start(store);

        // node a's renewals do not happen (its database link, a pause): its lease ends, b claims the row
        clock.advance(LEASE.plusSeconds(1));
        String claim = b.retries().claim(id, clock.instant()).orElseThrow();
        Instant bUntil = leaseUntil(jdbc, id);

        clock.advance(Duration.ofSeconds(10));
        assertThat(a.leases().renew()).isZero();
        assertThat(held.lost()).as("the run is told it lost the row").isTrue();
        assertThat(holder(jdbc, id)).isEqualTo(claim);
        assertThat(leaseUntil(jdbc, id)).isEqualTo(bUntil);

        a.retries().ended(held, new SQLTransientConnectionException("pool exhausted"));
        assertThat(holder(jdbc, id)).as("b still holds it").isEqualTo(claim);
        assertThat(leaseUntil(jdbc, id)).isEqualTo(bUntil);
        a.retries().ended(held, null);
        assertThat(rows(jdbc, id)).as("not deleted by the run that lost it").isEqualTo(1);
        assertThat(a.leases().renew()).isZero();
        assertThat(a.meters().counter(LateWorkLeases.OVERRAN).count()).isZero();
    }

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: late-work-lease and late-work-run-max are checked at start")
    void theLeaseAndTheMaximumAreChecked() {
        WeChatProperties defaults = properties(null, null);
        assertThat(defaults.lateWorkLease()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.lateWorkRunMax()).isEqualTo(Duration.ofMinutes(30));
        assertThatThrownBy(() -> properties(Duration.ofSeconds(20), RUN_MAX))
                .rootCause()
                .hasMessageContaining("socialbank.channels.wechat.late-work-lease");
        assertThatThrownBy(() -> properties(Duration.ofHours(2), Duration.ofHours(3)))
                .rootCause()
                .hasMessageContaining("socialbank.channels.wechat.late-work-lease");
        assertThatThrownBy(() -> properties(LEASE, LEASE))
                .rootCause()
                .hasMessageContaining("socialbank.channels.wechat.late-work-run-max");
        assertThatThrownBy(() -> properties(LEASE, Duration.ofHours(25)))
                .rootCause()
                .hasMessageContaining("socialbank.channels.wechat.late-work-run-max");
    }

    private Node node(JdbcClient jdbc) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        WeChatProperties properties = properties(LEASE, RUN_MAX);
        LateWorkLeases leases = new LateWorkLeases(jdbc, properties, clock, meters);
        return new Node(
                new WeChatRetries(jdbc, null, new OneTimeCodes(WeChatOAuthUnitTests.PEPPER), properties, clock, leases),
                leases,
                meters);
    }

    /** The settings of a channel that is on, with the given lease and maximum (null: not set). */
    static WeChatProperties properties(Duration lease, Duration runMax) {
        Map<String, String> values = new HashMap<>(Map.of(
                "socialbank.channels.wechat.app-id", "wx1",
                "socialbank.channels.wechat.app-secret", "secret",
                "socialbank.channels.wechat.token", WeChatPropertiesUnitTests.TOKEN));
        if (lease != null) {
            values.put("socialbank.channels.wechat.late-work-lease", lease.toString());
        }
        if (runMax != null) {
            values.put("socialbank.channels.wechat.late-work-run-max", runMax.toString());
        }
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("socialbank.channels.wechat", WeChatProperties.class);
    }

    private static int rows(JdbcClient jdbc, String id) {
        return jdbc.sql("SELECT COUNT(*) FROM wechat_retries WHERE message_id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    private static String holder(JdbcClient jdbc, String id) {
        return jdbc.sql("SELECT lease_holder FROM wechat_retries WHERE message_id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private static Instant leaseUntil(JdbcClient jdbc, String id) {
        return jdbc.sql("SELECT lease_until FROM wechat_retries WHERE message_id = ?")
                .param(id)
                .query((rs, n) ->
                        rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
                .single();
    }
}
