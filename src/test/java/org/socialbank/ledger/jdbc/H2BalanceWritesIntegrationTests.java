package org.socialbank.ledger.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.ledger.Account;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewAccount;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.OpenResult;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.ledger.posting.Book.BalanceChange;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Races;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On H2 a balance write is a compare-and-set (session 10): it writes an account only where the row
 * still holds what its lock read, and otherwise fails the transaction as a lost race, which the
 * ledger runs again with fresh reads. So a stale read (H2 has had releases whose SELECT ... FOR
 * UPDATE returned an older row under contention) can never become a lost update of a balance.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class H2BalanceWritesIntegrationTests {

    private static final CurrencyCode EUR = CurrencyCode.of("EUR");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcBook book;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aBalanceWriteFromAStaleReadIsALostRaceAndChangesNothing() {
        AccountId payer = open();
        AccountId payee = open();
        Account stale = ledger.account(payer).orElseThrow();
        assertThat(ledger.transfer(
                        NewTransfer.posted(new TransferId(UUID.randomUUID()), payer, payee, 500, EUR, "p2p")))
                .isInstanceOf(TransferResult.Posted.class);
        Account now = ledger.account(payer).orElseThrow();
        assertThat(now.debitsPosted()).isEqualTo(500);

        Account fromStale = stale.withBalances(
                stale.debitsPosted() + 700, stale.creditsPosted(), stale.debitsPending(), stale.creditsPending());
        assertThatThrownBy(() -> transactions.executeWithoutResult(
                        status -> book.updateBalances(List.of(new BalanceChange(stale, fromStale)))))
                .isInstanceOfSatisfying(
                        DataAccessException.class,
                        e -> assertThat(Races.lost(e))
                                .as("a lost race, which the ledger runs again")
                                .isTrue());
        assertThat(ledger.account(payer).orElseThrow()).isEqualTo(now);

        Account fromNow = now.withBalances(
                now.debitsPosted() + 700, now.creditsPosted(), now.debitsPending(), now.creditsPending());
        transactions.executeWithoutResult(status -> book.updateBalances(List.of(new BalanceChange(now, fromNow))));
        assertThat(ledger.account(payer).orElseThrow().debitsPosted()).isEqualTo(1_200);
    }

    private AccountId open() {
        AccountId id = new AccountId(UUID.randomUUID());
        assertThat(ledger.open(new NewAccount(id, EUR, null, AccountKind.CUSTOMER_WALLET, Set.of())))
                .isInstanceOf(OpenResult.Opened.class);
        return id;
    }
}
