package org.socialbank.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 17: a campaign's variants, control group, quiet hours and bounds, without Spring. */
class CampaignRulesUnitTests {

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: the reward follower's page fits the ledger's journal page")
    void theRewardFollowersPageFitsTheJournalPage() {
        assertThat(CampaignRewards.BATCH_MAX).isBetween(1, org.socialbank.ledger.Ledger.JOURNAL_PAGE_MAX);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {17L, 2026L, 31337L})
    void theSplitIsStableAndNearItsShares(long seed) {
        java.util.Random r = new java.util.Random(seed);
        CampaignRules rules = new CampaignRules(2, null, null, Set.of(), Set.of(), 20);
        UUID campaign = new UUID(r.nextLong(), r.nextLong());
        Map<String, Integer> counts = new HashMap<>();
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            String user = Long.toString(r.nextLong() & Long.MAX_VALUE);
            String variant = rules.variantOf(campaign, "telegram", user, true);
            assertThat(rules.variantOf(campaign, "telegram", user, true))
                    .as("seed %d: the same every time", seed)
                    .isEqualTo(variant);
            counts.merge(variant, 1, Integer::sum);
        }
        assertThat(counts.get("control")).as("seed %d: about 20 %%", seed).isBetween(1_800, 2_200);
        assertThat(counts.get("A")).as("seed %d", seed).isBetween(3_700, 4_300);
        assertThat(counts.get("B")).as("seed %d", seed).isBetween(3_700, 4_300);
        assertThat(rules.variantOf(campaign, "telegram", "42", false))
                .as("no B text: A or control")
                .isIn("A", "control");
    }

    @Test
    void quietHoursAreReadInTheRecipientsZoneAndWrapMidnight() {
        CampaignRules rules = new CampaignRules(2, LocalTime.of(21, 0), LocalTime.of(9, 0), Set.of(), Set.of(), 0);
        Instant evening = Instant.parse("2026-12-02T18:30:00Z"); // 21:30 in Moscow, 18:30 in London
        assertThat(rules.quietUntil(evening, ZoneId.of("Europe/London"))).isEmpty();
        assertThat(rules.quietUntil(evening, ZoneId.of("Europe/Moscow")))
                .contains(Instant.parse("2026-12-03T06:00:00Z")); // 09:00 in Moscow
        assertThat(rules.quietUntil(Instant.parse("2026-12-02T02:00:00Z"), ZoneId.of("Europe/London")))
                .contains(Instant.parse("2026-12-02T09:00:00Z"));
    }

    @Test
    void boundsAreChecked() {
        assertThatThrownBy(() -> new CampaignRules(0, null, null, Set.of(), Set.of(), 0))
                .hasMessage("weekly_cap_invalid");
        assertThatThrownBy(() -> new CampaignRules(2, LocalTime.NOON, null, Set.of(), Set.of(), 0))
                .hasMessage("quiet_hours_invalid");
        assertThatThrownBy(() -> new CampaignRules(2, null, null, Set.of(), Set.of(), 51))
                .hasMessage("control_percent_invalid");
    }

    @Test
    void aPaceLetsThroughItsRateAndCarriesWhatARoundDidNotUse() {
        Pace pace = new Pace(10, 100);
        Instant t0 = Instant.parse("2026-12-02T10:00:00Z");
        assertThat(pace.take(t0, 100)).as("the first second's worth").isEqualTo(10);
        assertThat(pace.take(t0, 100)).isZero();
        assertThat(pace.take(t0.plusMillis(500), 100)).isEqualTo(5);
        pace.giveBack(3);
        assertThat(pace.take(t0.plusMillis(500), 2)).isEqualTo(2);
        assertThat(pace.take(t0.plusSeconds(60), 1_000)).as("at most a burst").isEqualTo(100);
    }
}
