package org.socialbank.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.support.Ids;
import org.socialbank.support.LedgerAudit;
import org.socialbank.support.MutableClock;
import org.socialbank.support.Seeds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Thousands of seeded random operations against the real ledger: posted, pending, post, void,
 * expiry, linked batches, replays and conflicting replays. After every step debits equal credits
 * per currency and no account breaks its flag; replays change nothing; and the balances always
 * equal what the journal adds up to. A failure names its seed; rerun one with
 * {@code -Dsocialbank.test.seed=N}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(LedgerInvariants.Clocks.class)
abstract class LedgerInvariants {

    static final int STEPS = 1_500;
    static final List<String> CURRENCIES = List.of("EUR", "IRR");

    @Autowired
    Ledger ledger;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    static List<Long> seeds() {
        return Seeds.fixedAndFresh("LedgerInvariants", 20261122L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void invariantsHoldAfterEveryStep(long seed) {
        try {
            new Run(seed).go();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("invariant broken with " + Seeds.replay(seed) + ": " + e.getMessage(), e);
        }
    }

    /** One seeded run over its own accounts. */
    final class Run {

        final RandomGenerator random;
        final LedgerAudit audit = new LedgerAudit(jdbc);
        final List<List<AccountId>> accountsByCurrency = new ArrayList<>();
        final List<NewTransfer> sent = new ArrayList<>();
        final List<TransferResult> results = new ArrayList<>();
        final List<TransferId> pendings = new ArrayList<>();

        Run(long seed) {
            random = Seeds.random(seed);
        }

        void go() {
            for (String currency : CURRENCIES) {
                accountsByCurrency.add(openAccounts(CurrencyCode.of(currency)));
            }
            for (int step = 0; step < STEPS; step++) {
                step();
                audit.assertBalanced();
                if (step % 250 == 0) {
                    audit.assertBalancesMatchTheJournal();
                }
            }
            audit.assertBalancesMatchTheJournal();
        }

        List<AccountId> openAccounts(CurrencyCode currency) {
            List<AccountId> ids = new ArrayList<>();
            List<Set<AccountFlag>> flags = List.of(
                    Set.of(),
                    Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
                    Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
                    Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
                    Set.of(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS),
                    Set.of());
            for (Set<AccountFlag> f : flags) {
                AccountId id = new AccountId(Ids.uuid(random));
                assertThat(ledger.open(new NewAccount(id, currency, null, AccountKind.CUSTOMER_WALLET, f)))
                        .isInstanceOf(OpenResult.Opened.class);
                ids.add(id);
            }
            for (int i = 1; i <= 3; i++) { // fund the flagged wallets from the unflagged bank account
                ledger.transfer(NewTransfer.posted(
                        new TransferId(Ids.uuid(random)), ids.get(0), ids.get(i), 10_000, currency, "opening"));
            }
            return ids;
        }

        void step() {
            int dice = random.nextInt(100);
            if (dice < 35) {
                send(newTransfer(false));
            } else if (dice < 50) {
                send(newTransfer(true));
            } else if (dice < 60) {
                resolve(true);
            } else if (dice < 67) {
                resolve(false);
            } else if (dice < 73) {
                clock.advance(Duration.ofSeconds(random.nextInt(1, 30)));
                ledger.expireDue();
            } else if (dice < 81) {
                batch();
            } else if (dice < 91) {
                replay();
            } else if (dice < 96) {
                conflictingReplay();
            } else {
                crossCurrency();
            }
        }

        NewTransfer newTransfer(boolean pending) {
            int c = random.nextInt(CURRENCIES.size());
            List<AccountId> accounts = accountsByCurrency.get(c);
            AccountId debit = accounts.get(random.nextInt(accounts.size()));
            AccountId credit = accounts.get(random.nextInt(accounts.size()));
            long amount = random.nextInt(20) == 0 ? -random.nextInt(5) : random.nextLong(1, 4_000);
            long timeout = pending && random.nextBoolean() ? random.nextLong(1, 120) : 0;
            return new NewTransfer(
                    new TransferId(Ids.uuid(random)),
                    debit,
                    credit,
                    amount,
                    CurrencyCode.of(CURRENCIES.get(c)),
                    new TransferCode(pending ? "claim" : "p2p"),
                    pending,
                    timeout,
                    Metadata.EMPTY);
        }

        void send(NewTransfer request) {
            TransferResult result = ledger.transfer(request);
            sent.add(request);
            results.add(result);
            if (result instanceof TransferResult.Posted posted && request.pending() && !posted.replayed()) {
                pendings.add(request.id());
            }
        }

        void resolve(boolean post) {
            if (pendings.isEmpty()) {
                return;
            }
            TransferId id = pendings.get(random.nextInt(pendings.size()));
            OptionalLong amount =
                    random.nextBoolean() ? OptionalLong.empty() : OptionalLong.of(random.nextLong(1, 4_500));
            String before = audit.fingerprint();
            TransferResult first = ledger.resolve(post ? Resolution.post(id, amount) : Resolution.voidIt(id));
            if (random.nextInt(4) == 0) { // the same resolution again: the same answer, no change
                String after = audit.fingerprint();
                TransferResult again = ledger.resolve(post ? Resolution.post(id, amount) : Resolution.voidIt(id));
                assertThat(audit.fingerprint()).isEqualTo(after);
                if (first instanceof TransferResult.Posted p) {
                    assertThat(again).isEqualTo(new TransferResult.Posted(p.transfer(), true));
                } else {
                    assertThat(again).isInstanceOf(TransferResult.Rejected.class);
                }
            } else if (first instanceof TransferResult.Rejected) {
                assertThat(audit.fingerprint())
                        .as("a rejection changes nothing")
                        .isEqualTo(before);
            }
        }

        void batch() {
            List<NewTransfer> requests = new ArrayList<>();
            int size = random.nextInt(2, 5);
            for (int i = 0; i < size; i++) {
                requests.add(newTransfer(random.nextInt(4) == 0));
            }
            String before = audit.fingerprint();
            BatchResult result = ledger.transferLinked(requests);
            if (result instanceof BatchResult.Rejected rejected) {
                assertThat(audit.fingerprint())
                        .as("a failed batch books nothing")
                        .isEqualTo(before);
                assertThat(rejected.codes()).hasSize(size);
            } else {
                for (NewTransfer r : requests) {
                    if (r.pending()) {
                        pendings.add(r.id());
                    }
                }
                String after = audit.fingerprint();
                assertThat(ledger.transferLinked(requests)).isInstanceOf(BatchResult.Committed.class);
                assertThat(audit.fingerprint())
                        .as("a replayed batch books nothing")
                        .isEqualTo(after);
            }
        }

        void replay() {
            if (sent.isEmpty()) {
                return;
            }
            int i = random.nextInt(sent.size());
            String before = audit.fingerprint();
            TransferResult again = ledger.transfer(sent.get(i));
            if (results.get(i) instanceof TransferResult.Posted posted) {
                assertThat(audit.fingerprint()).as("a replay changes nothing").isEqualTo(before);
                assertThat(again).isInstanceOf(TransferResult.Posted.class);
                assertThat(((TransferResult.Posted) again).replayed()).isTrue();
                assertThat(((TransferResult.Posted) again).transfer().id())
                        .isEqualTo(posted.transfer().id());
                assertThat(((TransferResult.Posted) again).transfer().amountMinor())
                        .isEqualTo(posted.transfer().amountMinor());
            }
        }

        void conflictingReplay() {
            for (int tries = 0; tries < 5 && !sent.isEmpty(); tries++) {
                int i = random.nextInt(sent.size());
                if (results.get(i) instanceof TransferResult.Posted
                        && sent.get(i).amountMinor() > 1) {
                    NewTransfer r = sent.get(i);
                    String before = audit.fingerprint();
                    TransferResult result = ledger.transfer(new NewTransfer(
                            r.id(),
                            r.debitAccountId(),
                            r.creditAccountId(),
                            r.amountMinor() - 1,
                            r.currency(),
                            r.code(),
                            r.pending(),
                            r.timeoutSeconds(),
                            r.metadata()));
                    assertThat(result)
                            .isEqualTo(new TransferResult.Rejected(RejectionCode.ID_EXISTS_WITH_DIFFERENT_FIELDS));
                    assertThat(audit.fingerprint()).isEqualTo(before);
                    return;
                }
            }
        }

        void crossCurrency() {
            AccountId eur = accountsByCurrency.get(0).get(0);
            AccountId irr = accountsByCurrency.get(1).get(1);
            TransferResult result = ledger.transfer(
                    NewTransfer.posted(new TransferId(Ids.uuid(random)), eur, irr, 5, CurrencyCode.of("EUR"), "p2p"));
            assertThat(result).isEqualTo(new TransferResult.Rejected(RejectionCode.CURRENCY_MISMATCH));
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
        }
    }
}
