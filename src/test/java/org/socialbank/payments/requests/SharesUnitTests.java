package org.socialbank.payments.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.support.Seeds;

/** Sharing a split's total out: exact to the minor unit, deterministic, and refused when it cannot add up. */
class SharesUnitTests {

    private static final long SEED = Seeds.fixed() != null ? Seeds.fixed() : 20260406L;

    static IntStream runs() {
        return IntStream.range(0, 200);
    }

    @ParameterizedTest(name = "run {0}")
    @MethodSource("runs")
    void equalSharesAddUpToTheTotalAndDifferByAtMostTheRemainder(int run) {
        RandomGenerator random = Seeds.random(SEED + run);
        int members = 1 + random.nextInt(SplitOrder.MEMBERS_MAX);
        boolean organiser = random.nextBoolean();
        long total = members + 1 + random.nextLong(10_000_000L);
        Shares.Allocation a =
                Shares.allocate(order(members, total, organiser, null)).value();
        String seed = "seed " + (SEED + run);

        assertThat(a.membersMinor().stream().mapToLong(Long::longValue).sum() + a.organiserMinor())
                .as(seed)
                .isEqualTo(total);
        long min = a.membersMinor().stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = a.membersMinor().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(min).as(seed).isPositive();
        if (organiser) {
            assertThat(max).as(seed).isEqualTo(min);
            assertThat(a.organiserMinor() - min).as(seed).isBetween(0L, (long) members);
        } else {
            assertThat(max - min).as(seed).isLessThanOrEqualTo(1);
            assertThat(a.membersMinor())
                    .as("the odd units go to the first members, " + seed)
                    .isSortedAccordingTo((x, y) -> Long.compare(y, x));
        }
        assertThat(Shares.allocate(order(members, total, organiser, null)))
                .as(seed)
                .isEqualTo(Shares.allocate(order(members, total, organiser, null)));
    }

    /** The refusal's stable code, of an allocation that was refused. */
    private static String code(Checked<Shares.Allocation> refused) {
        return ((Checked.No<Shares.Allocation>) refused).rejection().code();
    }

    @Test
    void givenSharesMustAddUp() {
        assertThat(Shares.allocate(order(2, 1_000, false, List.of(600L, 400L)))
                        .value()
                        .membersMinor())
                .containsExactly(600L, 400L);
        assertThat(Shares.allocate(order(2, 1_200, true, List.of(600L, 400L)))
                        .value()
                        .organiserMinor())
                .isEqualTo(200);
        assertThat(code(Shares.allocate(order(2, 1_001, false, List.of(600L, 400L)))))
                .isEqualTo("shares_do_not_add_up");
        assertThat(code(Shares.allocate(order(2, 1_000, true, List.of(600L, 400L)))))
                .isEqualTo("shares_do_not_add_up");
        assertThat(code(Shares.allocate(order(2, 900, false, List.of(600L, 400L)))))
                .isEqualTo("shares_do_not_add_up");
        assertThat(code(Shares.allocate(order(2, Long.MAX_VALUE, false, List.of(Long.MAX_VALUE, 1L)))))
                .as("no overflow")
                .isEqualTo("shares_do_not_add_up");
        assertThat(code(Shares.allocate(order(3, 2, false, null)))).isEqualTo("share_too_small");
    }

    @Test
    void aReplayHasTheSameFingerprintAndAnyChangeAnother() {
        SplitOrder order = order(3, 9_000, true, null);
        SplitOrder same = new SplitOrder(
                order.id(), order.organiser(), order.shares(), 9_000, order.currency(), null, "api", true);
        SplitOrder other = new SplitOrder(
                order.id(), order.organiser(), order.shares(), 9_000, order.currency(), null, "api", false);
        assertThat(Shares.fingerprint(same)).isEqualTo(Shares.fingerprint(order));
        assertThat(Shares.fingerprint(other)).isNotEqualTo(Shares.fingerprint(order));
    }

    private static SplitOrder order(int members, long total, boolean includeOrganiser, List<Long> amounts) {
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            shares.add(
                    new Share(new Alias(AliasType.TAG, null, "member" + i), amounts == null ? null : amounts.get(i)));
        }
        UUID id = new UUID(total, members);
        return new SplitOrder(
                new SplitId(id),
                new CustomerId(id),
                shares,
                total,
                CurrencyCode.of("EUR"),
                null,
                "api",
                includeOrganiser);
    }
}
