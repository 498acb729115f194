package org.socialbank.sweeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.ledger.OwnAccounts;
import org.socialbank.shared.CurrencyCode;

/**
 * The sweeping settlement account kept its id when its opening moved to the ledger's {@link
 * OwnAccounts}: a new id would leave the money already pulled on an account nobody uses.
 */
class SettlementAccountUnitTests {

    @Test
    void theSettlementAccountOfACurrencyKeepsItsId() {
        assertThat(OwnAccounts.id(CollectMoney.settlementName(CurrencyCode.of("EUR")))
                        .value())
                .isEqualTo(UUID.fromString("6526a2ce-6711-3262-850a-0478c0e670f9"));
        assertThat(OwnAccounts.id(CollectMoney.settlementName(CurrencyCode.of("GBP"))))
                .isNotEqualTo(OwnAccounts.id(CollectMoney.settlementName(CurrencyCode.of("EUR"))));
    }
}
