package org.socialbank.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.shared.CurrencyCode;

/**
 * A biller's settlement account kept its id when its opening moved to the ledger's OwnAccounts: a
 * new id would split what the bank owes a biller over two accounts.
 */
class BillerAccountsUnitTests {

    @Test
    void aBillersSettlementAccountKeepsItsId() {
        IranianBill water = new IranianBill("2050327604613", "1070189");
        assertThat(BillerAccounts.billerKey(water)).isEqualTo("ir-1-046");
        assertThat(BillerAccounts.of("ir-1-046", CurrencyCode.of("IRR")).value())
                .isEqualTo(UUID.fromString("5d0506eb-8e3a-36a6-a6a7-27babc22e849"));
    }
}
