package org.socialbank.sweeping.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.ProviderAnswer;
import org.socialbank.sweeping.ConsentId;
import org.socialbank.sweeping.PullId;
import org.socialbank.sweeping.PullOrder;

/** The sandbox provider: deterministic accounts and balances, idempotent pulls, its refusals and mishaps. */
class SandboxOpenBankingUnitTests {

    static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    final SandboxOpenBanking sandbox = new SandboxOpenBanking(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void listsTheSameAccountsAndBalancesEveryTime() {
        SandboxOpenBanking other = new SandboxOpenBanking(Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(sandbox.accounts("other-bank", "holder-1"))
                .isEqualTo(other.accounts("other-bank", "holder-1"))
                .hasSize(SandboxOpenBanking.CURRENCIES.size());
        String ref = SandboxOpenBanking.accountRef("other-bank", "holder-1", "EUR");
        assertThat(sandbox.balanceOf(ref)).isEqualTo(other.balanceOf(ref)).isBetween(100_000L, 999_999L);
        assertThat(sandbox.accounts("Not A Bank!", "holder-1")).isEmpty();
    }

    @Test
    void aPullIsIdempotentByIdAndRefusedOverTheBalanceOrTheConsent() {
        String ref = SandboxOpenBanking.accountRef("other-bank", "holder-2", "EUR");
        sandbox.setBalance(ref, 10_000);
        PullOrder order = order(ref, 6_000, 8_000, NOW.plusSeconds(60));
        assertThat(sandbox.pull(order)).isInstanceOf(ProviderAnswer.Succeeded.class);
        assertThat(sandbox.pull(order)).isInstanceOf(ProviderAnswer.Succeeded.class);
        assertThat(sandbox.balanceOf(ref)).isEqualTo(4_000);
        assertThat(sandbox.pull(order(ref, 5_000, 8_000, NOW.plusSeconds(60))))
                .isEqualTo(new ProviderAnswer.Failed("insufficient_funds"));
        assertThat(sandbox.pull(order(ref, 3_000, 2_000, NOW.plusSeconds(60))))
                .isEqualTo(new ProviderAnswer.Failed("over_consent_limit"));
        assertThat(sandbox.pull(order(ref, 1_000, 2_000, NOW))).isEqualTo(new ProviderAnswer.Failed("consent_expired"));
    }

    @Test
    void aTimedOutPullNeverArrivedAndALostOneDid() {
        String ref = SandboxOpenBanking.accountRef("other-bank", "holder-3", "EUR");
        sandbox.setBalance(ref, 10_000);
        sandbox.next(SandboxOpenBanking.Mishap.TIME_OUT, 1);
        sandbox.next(SandboxOpenBanking.Mishap.LOSE, 1);
        PullOrder timedOut = order(ref, 1_000, 5_000, NOW.plusSeconds(60));
        PullOrder lost = order(ref, 2_000, 5_000, NOW.plusSeconds(60));
        assertThat(sandbox.pull(timedOut)).isInstanceOf(ProviderAnswer.Unknown.class);
        assertThat(sandbox.pull(lost)).isInstanceOf(ProviderAnswer.Unknown.class);
        assertThat(sandbox.status(timedOut.id())).isEqualTo(new ProviderAnswer.Failed(ProviderAnswer.NOT_RECEIVED));
        assertThat(sandbox.status(lost.id())).isInstanceOf(ProviderAnswer.Succeeded.class);
        assertThat(sandbox.balanceOf(ref)).isEqualTo(8_000);
    }

    private static PullOrder order(String ref, long amount, long maxPayment, Instant expires) {
        return new PullOrder(
                new PullId(UUID.randomUUID()),
                new ConsentId(UUID.randomUUID()),
                "other-bank",
                ref,
                amount,
                CurrencyCode.of("EUR"),
                maxPayment,
                expires);
    }
}
