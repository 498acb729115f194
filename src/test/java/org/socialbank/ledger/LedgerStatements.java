package org.socialbank.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.support.StatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Issue 22 (ledger22): the SQL statements a group of single transfers, a linked batch and a group
 * of linked batches cost, counted at the JDBC driver. Whatever their size, all are one lock pass over their accounts,
 * one look-up of their ids (H2 only: PostgreSQL takes them to be new and lets the journal's
 * primary key refuse a replay, {@code Posting.assumeNew}), one (multi-row) insert, one write of
 * the balances and one commit: 4 statements on H2, 3 on PostgreSQL. Before session 10 a group
 * was 4 on both, a linked batch of 64 looked its ids up one by one (67), and PostgreSQL wrote
 * each changed account with an UPDATE of its own (a JDBC batch, one statement each on the
 * server). The histogram is printed, so a rise says which statement came back. Not a timed test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(LedgerStatements.Counting.class)
abstract class LedgerStatements {

    static final StatementCounter COUNTER = new StatementCounter();
    static final CurrencyCode EUR = CurrencyCode.of("EUR");

    @Autowired
    Ledger ledger;

    /** The most statements a group or a linked batch may run on this store. */
    abstract int statementsMax();

    @TestConfiguration
    static class Counting {
        @Bean
        static BeanPostProcessor countedDataSource() {
            return COUNTER.wrapper();
        }
    }

    @Test
    void aGroupOfSingleTransfersRunsFewStatementsWhateverItsSize() {
        List<NewTransfer> group = transfers(accounts(32), 16);
        Map<String, Integer> histogram = count(() -> ledger.transferAll(group));
        assertThat(StatementCounter.statements(histogram))
                .as("statements of a group of 16 single transfers; the histogram is printed above")
                .isLessThanOrEqualTo(statementsMax());
        assertThat(histogram).containsEntry("# commit", 1);
    }

    @Test
    void aLinkedBatchOf64RunsFewStatements() {
        List<NewTransfer> batch = transfers(accounts(100), 64);
        Map<String, Integer> histogram = count(() ->
                assertThat(ledger.linkedAll(List.of(batch))).singleElement().isInstanceOf(BatchResult.Committed.class));
        assertThat(StatementCounter.statements(histogram))
                .as("statements of a linked batch of 64; the histogram is printed above")
                .isLessThanOrEqualTo(statementsMax());
        assertThat(histogram).containsEntry("# commit", 1);
    }

    @Test
    void aGroupOfLinkedBatchesRunsAsFewWithOneOfThemRefused() {
        List<AccountId> accounts = accounts(100);
        List<NewTransfer> refused = new ArrayList<>(transfers(accounts, 15));
        refused.add(NewTransfer.posted( // an account that is not there: the whole batch goes
                new TransferId(UUID.randomUUID()), accounts.get(0), new AccountId(UUID.randomUUID()), 1, EUR, "p2p"));
        List<List<NewTransfer>> group =
                List.of(transfers(accounts, 16), refused, transfers(accounts, 16), transfers(accounts, 16));
        Map<String, Integer> histogram = count(() -> assertThat(ledger.linkedAll(group))
                .extracting(r -> r.getClass().getSimpleName())
                .containsExactly("Committed", "Rejected", "Committed", "Committed"));
        // on PostgreSQL the refused transfer's id is looked up before its rejection is answered
        // (Posting.assumeNew: a replay is never answered with a rejection): one statement more
        assertThat(StatementCounter.statements(histogram))
                .as("statements of a group of four linked batches of 16; the histogram is printed above")
                .isLessThanOrEqualTo(statementsMax() + 1);
        assertThat(histogram).containsEntry("# commit", 1);
        for (NewTransfer t : refused) {
            assertThat(ledger.transfer(t.id()))
                    .as("a transfer of the refused batch")
                    .isEmpty();
        }
        assertThat(ledger.transfer(group.get(3).get(15).id())).isPresent();
    }

    @Test
    void aGroupWithReplaysAnswersThemAsReplays() {
        List<AccountId> accounts = accounts(12);
        List<NewTransfer> first = transfers(accounts, 8);
        assertThat(ledger.transferAll(first)).allMatch(r -> r instanceof TransferResult.Posted p && !p.replayed());
        List<NewTransfer> mixed = new ArrayList<>(transfers(accounts, 4));
        mixed.add(first.get(2)); // booked above: the primary key refuses it, and the group runs again
        NewTransfer changed = first.get(5);
        mixed.add(
                new NewTransfer( // the same id for another amount: its rejection is looked up first
                        changed.id(),
                        changed.debitAccountId(),
                        changed.creditAccountId(),
                        changed.amountMinor() + 1,
                        EUR,
                        changed.code(),
                        false,
                        0,
                        changed.metadata()));
        List<TransferResult> results = ledger.transferAll(mixed);
        assertThat(results.subList(0, 4)).allMatch(r -> r instanceof TransferResult.Posted p && !p.replayed());
        assertThat(results.get(4))
                .isInstanceOfSatisfying(
                        TransferResult.Posted.class,
                        p -> assertThat(p.replayed()).isTrue());
        assertThat(results.get(5))
                .isEqualTo(new TransferResult.Rejected(RejectionCode.ID_EXISTS_WITH_DIFFERENT_FIELDS));
        NewTransfer elsewhere = first.get(6); // the same id to an account that is not there: rejected, then looked up
        List<TransferResult> second = ledger.transferAll(List.of(
                transfers(accounts, 1).get(0),
                new NewTransfer(
                        elsewhere.id(),
                        elsewhere.debitAccountId(),
                        new AccountId(UUID.randomUUID()),
                        elsewhere.amountMinor(),
                        EUR,
                        elsewhere.code(),
                        false,
                        0,
                        elsewhere.metadata())));
        assertThat(second.get(0))
                .isInstanceOfSatisfying(
                        TransferResult.Posted.class,
                        p -> assertThat(p.replayed()).isFalse());
        assertThat(second.get(1)).isEqualTo(new TransferResult.Rejected(RejectionCode.ID_EXISTS_WITH_DIFFERENT_FIELDS));
        assertThat(ledger.transferLinked(first))
                .isInstanceOfSatisfying(
                        BatchResult.Committed.class,
                        c -> assertThat(c.replayed()).isTrue());
    }

    private Map<String, Integer> count(Runnable work) {
        Thread test = Thread.currentThread();
        COUNTER.start(t -> t == test);
        work.run();
        Map<String, Integer> histogram = COUNTER.stop();
        System.out.println(
                getClass().getSimpleName() + ", statements (issue 22):\n" + StatementCounter.print(histogram));
        return histogram;
    }

    /** Unflagged EUR wallets (they may go negative, so no funding is needed). */
    private List<AccountId> accounts(int n) {
        List<AccountId> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AccountId id = new AccountId(UUID.randomUUID());
            assertThat(ledger.open(new NewAccount(id, EUR, null, AccountKind.CUSTOMER_WALLET, Set.of())))
                    .isInstanceOf(OpenResult.Opened.class);
            ids.add(id);
        }
        return ids;
    }

    /** {@code n} transfers between neighbours in the list, each with a fresh id. */
    private static List<NewTransfer> transfers(List<AccountId> accounts, int n) {
        List<NewTransfer> transfers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            transfers.add(NewTransfer.posted(
                    new TransferId(UUID.randomUUID()),
                    accounts.get(i % accounts.size()),
                    accounts.get((i + 1) % accounts.size()),
                    1 + i,
                    EUR,
                    "p2p"));
        }
        return transfers;
    }
}
