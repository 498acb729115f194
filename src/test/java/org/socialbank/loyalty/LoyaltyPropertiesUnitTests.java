package org.socialbank.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.ledger.Ledger;
import org.socialbank.shared.CurrencyCode;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The loyalty settings' bounds, checked when they are bound at start, without Spring. */
class LoyaltyPropertiesUnitTests {

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: loyalty's batch-max is checked at start against the ledger's"
            + " journal page")
    void theBatchIsBoundByTheLedgersJournalPage() {
        assertThat(properties(Ledger.JOURNAL_PAGE_MAX).batchMax()).isEqualTo(Ledger.JOURNAL_PAGE_MAX);
        assertThatThrownBy(() -> properties(Ledger.JOURNAL_PAGE_MAX + 1))
                .hasMessageContaining("batch-max must be 1.." + Ledger.JOURNAL_PAGE_MAX);
    }

    @Test
    @DisplayName("setting one currency's earn rate or point value keeps the shipped ones (review 2026-12-07 docs"
            + " follow-up)")
    void oneConfiguredCurrencyKeepsTheShippedOnes() {
        Map<String, String> source = Map.of(
                "socialbank.loyalty.minor-per-point.EUR", "100",
                "socialbank.loyalty.point-value-minor.GBP", "1");

        LoyaltyProperties properties = new Binder(new MapConfigurationPropertySource(source))
                .bindOrCreate("socialbank.loyalty", LoyaltyProperties.class);

        assertThat(properties.minorPerPoint())
                .containsEntry("EUR", 100L)
                .containsEntry("CNY", 2_000L)
                .hasSize(LoyaltyProperties.EARN_DEFAULTS.size());
        assertThat(properties.pointValueMinor())
                .containsEntry("GBP", 1L)
                .containsEntry("IRR", 5_000L)
                .hasSize(LoyaltyProperties.VALUE_DEFAULTS.size() + 1);
    }

    @Test
    @DisplayName("review 2026-12-07 loyalty follow-up: p2p earns only when the bank adds it to earn-codes; a cash"
            + " withdrawal never by default")
    void p2pEarnsOnlyWhenConfigured() {
        CurrencyCode eur = CurrencyCode.of("EUR");
        LoyaltyProperties configured = properties(Set.of("card-purchase", "p2p"), 200);
        assertThat(configured.points("p2p", 1_000, eur)).isEqualTo(5);
        LoyaltyProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("socialbank.loyalty", LoyaltyProperties.class); // as bound at start, unset
        assertThat(defaults.earnCodes()).containsExactly("card-purchase");
        assertThat(defaults.points("p2p", 1_000, eur)).isZero();
        assertThat(defaults.points("card-cash-withdrawal", 100_000, eur)).isZero();
        assertThat(defaults.points("card-purchase", 1_000, eur)).isEqualTo(5);
    }

    private static LoyaltyProperties properties(int batchMax) {
        return properties(Set.of("card-purchase"), batchMax);
    }

    private static LoyaltyProperties properties(Set<String> earnCodes, int batchMax) {
        return new LoyaltyProperties(
                true,
                Duration.ofSeconds(5),
                Duration.ofSeconds(2),
                batchMax,
                earnCodes,
                null,
                null,
                Duration.ofDays(730),
                Duration.ofDays(60),
                100,
                Duration.ofSeconds(30));
    }
}
