package org.socialbank.cards;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The monthly statements of credit cards, and the job that writes them. The job is idempotent and
 * restartable and may run on several nodes at once: a statement is inserted under UNIQUE (card,
 * statement date), so of two nodes only one writes it; its late fee and interest are booked after,
 * under ids derived from the statement (a replay on the other node, or after a restart, changes
 * nothing); and the card's next statement date moves on by compare-and-set.
 */
@Service
public class Statements {

    /** A listing shows at most this many statements (two years). */
    public static final int LISTED_MAX = 24;
    /** One run catches a card up by at most this many months; the next run goes on. */
    static final int PASSES_MAX = 24;

    private static final String[] SPENDING = {FeedKind.PURCHASE.name(), FeedKind.CASH_WITHDRAWAL.name()};
    private static final Logger log = LoggerFactory.getLogger(Statements.class);

    private final JdbcCards cards;
    private final JdbcStatements store;
    private final JdbcCardTransactions transactions;
    private final Ledger ledger;
    private final DurableTransactions writes;
    private final CardsProperties properties;
    private final Clock clock;

    Statements(
            JdbcCards cards,
            JdbcStatements store,
            JdbcCardTransactions transactions,
            Ledger ledger,
            DurableTransactions writes,
            CardsProperties properties,
            Clock clock) {
        this.cards = cards;
        this.store = store;
        this.transactions = transactions;
        this.ledger = ledger;
        this.writes = writes;
        this.properties = properties;
        this.clock = clock;
    }

    /** The card's statements, newest first. */
    public List<Statement> of(CardId card) {
        return store.ofCard(card, LISTED_MAX);
    }

    public Optional<Statement> latest(CardId card) {
        return store.ofCard(card, 1).stream().findFirst();
    }

    /**
     * Writes every statement due before today (the bank's zone), in bounded batches; returns how
     * many this node wrote.
     */
    @Scheduled(
            fixedDelayString = "${socialbank.cards.statement-interval:1h}",
            initialDelayString = "${socialbank.cards.statement-interval:1h}")
    public int run() {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        store.unbooked(properties.statementBatchMax()).forEach(this::book);
        int written = 0;
        for (int pass = 0; pass < PASSES_MAX; pass++) {
            List<JdbcCards.Due> due = cards.dueForStatement(today, properties.statementBatchMax());
            if (due.isEmpty()) {
                break;
            }
            for (JdbcCards.Due d : due) {
                written += generate(d) ? 1 : 0;
            }
        }
        return written;
    }

    /** Writes and books one statement; false when it existed (another node or an earlier run wrote it). */
    private boolean generate(JdbcCards.Due due) {
        Card card = cards.find(due.card()).orElseThrow();
        boolean[] written = {false};
        Statement statement = writes.write(status -> {
            written[0] = false; // a retried attempt starts again
            cards.lock(card.id()); // no row is booked between the sums and marking them counted
            return store.find(card.id(), due.statementDate()).orElseGet(() -> {
                Statement fresh = compute(card, due.statementDate());
                store.insert(fresh, clock.instant());
                transactions.markStated(card.id(), due.statementDate());
                written[0] = true; // not yet committed: a lost insert race throws and is retried
                return fresh;
            });
        });
        book(statement);
        cards.advance(card.id(), due.statementDate(), StatementCycle.next(due.statementDate()));
        return written[0];
    }

    private Statement compute(Card card, LocalDate date) {
        Optional<Statement> previous = store.latestBefore(card.id(), date);
        LocalDate after =
                previous.map(Statement::statementDate).orElse(card.issuedOn().minusDays(1));
        long paidByGraceEnd = previous.map(p ->
                        transactions.sum(card.id(), p.statementDate(), p.graceEndsOn(), JdbcCardTransactions.REPAYMENT))
                .orElse(0L);
        StatementRule.Cycle cycle = new StatementRule.Cycle(
                previous.map(Statement::balanceMinor).orElse(0L),
                previous.map(Statement::minimumPaymentMinor).orElse(0L),
                paidByGraceEnd,
                // the rows no statement counted yet: late deliveries from before the cycle are carried in
                transactions.unstated(card.id(), date, SPENDING),
                transactions.unstated(card.id(), date, FeedKind.REFUND.name()),
                transactions.unstated(card.id(), date, JdbcCardTransactions.REPAYMENT),
                ChronoUnit.DAYS.between(after, date),
                card.limitMinor());
        StatementRule.Amounts a = rule(card).apply(cycle);
        LocalDate due = date.plusDays(properties.dueAfterDays());
        return new Statement(
                derived("statement:" + card.id() + ":" + date),
                card.id(),
                date,
                due,
                due.plusDays(properties.graceDays()),
                card.currency(),
                a.previousBalanceMinor(),
                a.purchasesMinor(),
                a.creditsMinor(),
                a.lateFeeMinor(),
                a.interestMinor(),
                a.balanceMinor(),
                a.minimumPaymentMinor());
    }

    StatementRule rule(Card card) {
        String currency = card.currency().code();
        return new StatementRule(
                properties.minimumPercent(),
                properties.minimumFloorMinor(currency),
                properties.lateFeePercent(),
                properties.lateFeeFloorMinor(currency),
                properties.interestBasisPointsPerDay());
    }

    /** Books the statement's late fee and interest to the bank's income; a replay changes nothing. */
    private void book(Statement s) {
        Card card = cards.find(s.cardId()).orElseThrow();
        boolean booked =
                charge(s, card, "late-fee", s.lateFeeMinor()) && charge(s, card, "interest", s.interestMinor());
        if (booked) {
            store.markBooked(s.id());
        }
    }

    private boolean charge(Statement s, Card card, String what, long amountMinor) {
        if (amountMinor == 0) {
            return true;
        }
        TransferResult result = ledger.transfer(NewTransfer.posted(
                new TransferId(derived("statement:" + s.id() + ":" + what)),
                card.accountId(),
                CardAccounts.income(card.currency()),
                amountMinor,
                card.currency(),
                "card-" + what));
        if (result instanceof TransferResult.Rejected rejected) {
            log.warn(
                    "Statement {} of card {}: the {} was not booked ({}); the next run tries again",
                    s.id(),
                    card.id(),
                    what,
                    rejected.code().code());
            return false;
        }
        return true;
    }

    private static UUID derived(String name) {
        return UUID.nameUUIDFromBytes(("socialbank-cards:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
