package org.socialbank.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ledger starts on its own, with only the shared kernel beside it (issue 14 item 9): no
 * other module's bean is needed to open accounts and book a transfer through the group commit,
 * and none is in the context.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class LedgerModuleTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    Ledger ledger;

    @Autowired
    ApplicationContext context;

    @Test
    void opensAccountsAndBooksATransferWithNoOtherModule() {
        AccountId from = new AccountId(UUID.randomUUID());
        AccountId to = new AccountId(UUID.randomUUID());
        CurrencyCode eur = CurrencyCode.of("EUR");
        assertThat(ledger.open(new NewAccount(from, eur, "module-test", AccountKind.BANK_EQUITY, Set.of())))
                .isInstanceOf(OpenResult.Opened.class);
        assertThat(ledger.open(new NewAccount(
                        to,
                        eur,
                        "module-test",
                        AccountKind.CUSTOMER_WALLET,
                        Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS))))
                .isInstanceOf(OpenResult.Opened.class);

        TransferResult result =
                ledger.transfer(NewTransfer.posted(new TransferId(UUID.randomUUID()), from, to, 1_234, eur, "deposit"));

        assertThat(result).isInstanceOf(TransferResult.Posted.class);
        assertThat(ledger.account(to).orElseThrow().balanceMinor()).isEqualTo(1_234);
        assertThat(context.getBeanNamesForType(org.socialbank.directory.Directory.class))
                .as("the directory is another module, not started here")
                .isEmpty();
    }
}
