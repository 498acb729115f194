package org.socialbank.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.ledger.Ledger;

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

    private static LoyaltyProperties properties(int batchMax) {
        return new LoyaltyProperties(
                true,
                Duration.ofSeconds(5),
                Duration.ofSeconds(2),
                batchMax,
                Set.of("card-purchase"),
                null,
                null,
                Duration.ofDays(730),
                Duration.ofDays(60),
                100);
    }
}
