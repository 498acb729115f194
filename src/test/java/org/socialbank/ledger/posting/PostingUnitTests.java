package org.socialbank.ledger.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.ledger.Account;
import org.socialbank.ledger.AccountFlag;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.AccountStatus;
import org.socialbank.ledger.Metadata;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.PendingStatus;
import org.socialbank.ledger.RejectionCode;
import org.socialbank.ledger.Resolution;
import org.socialbank.ledger.TransferCode;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.CurrencyCode;

/** The posting rules, without Spring or a database. */
class PostingUnitTests {

    static final CurrencyCode EUR = CurrencyCode.of("EUR");
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    InMemoryBook book;
    AccountId bank;
    AccountId alice;
    AccountId bob;

    @BeforeEach
    void setUp() {
        book = new InMemoryBook();
        bank = account(Set.of(), 0, 1_000_000);
        alice = account(Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS), 0, 1_000);
        bob = account(Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS), 0, 0);
    }

    @Test
    void checksTheRequestBeforeTheId() {
        TransferId id = new TransferId(UUID.randomUUID());
        Posting first = posting();
        first.create(transfer(id, alice, bob, 10));
        first.flush();
        assertRejected(posting().create(transfer(id, alice, alice, 10)), RejectionCode.ACCOUNTS_MUST_DIFFER);
        assertRejected(posting().create(transfer(id, alice, bob, 0)), RejectionCode.AMOUNT_MUST_BE_POSITIVE);
        assertRejected(posting().create(transfer(id, alice, bob, 11)), RejectionCode.ID_EXISTS_WITH_DIFFERENT_FIELDS);
    }

    /** Issue 22 (ledger22): ids taken to be new are still never answered wrongly. */
    @Test
    void anIdTakenToBeNewIsLookedUpBeforeARejectionAndRefusedByTheStoreWhenBooked() {
        TransferId id = new TransferId(UUID.randomUUID());
        Posting first = posting();
        TransferResult booked = first.create(transfer(id, alice, bob, 10));
        first.flush();
        book.add(book.accounts.get(alice).withStatus(AccountStatus.FROZEN));
        Posting rejecting = posting();
        rejecting.assumeNew(List.of(id));
        assertThat(rejecting.create(transfer(id, alice, bob, 10))) // the frozen account would reject it
                .isEqualTo(new TransferResult.Posted(((TransferResult.Posted) booked).transfer(), true));
        book.add(book.accounts.get(alice).withStatus(AccountStatus.OPEN));
        Posting booking = posting();
        booking.assumeNew(List.of(id));
        assertThat(booking.create(transfer(id, alice, bob, 10))).isInstanceOf(TransferResult.Posted.class);
        assertThatThrownBy(booking::flush).hasMessageContaining("duplicate id"); // the primary key's refusal
    }

    @Test
    void answersAReplayWithTheOriginalEvenAfterTheAccountChanged() {
        TransferId id = new TransferId(UUID.randomUUID());
        Posting first = posting();
        TransferResult booked = first.create(transfer(id, alice, bob, 10));
        first.flush();
        book.add(book.accounts.get(alice).withStatus(AccountStatus.FROZEN));
        int writes = book.writes;
        TransferResult replay = posting().create(transfer(id, alice, bob, 10));
        assertThat(replay).isEqualTo(new TransferResult.Posted(((TransferResult.Posted) booked).transfer(), true));
        assertThat(book.writes).isEqualTo(writes);
    }

    @Test
    void countsPendingDebitsAgainstTheFlag() {
        Posting p = posting();
        assertThat(p.create(pending(new TransferId(UUID.randomUUID()), alice, bob, 600, 60)))
                .isInstanceOf(TransferResult.Posted.class);
        assertRejected(
                p.create(transfer(new TransferId(UUID.randomUUID()), alice, bob, 401)), RejectionCode.EXCEEDS_CREDITS);
        assertThat(p.create(transfer(new TransferId(UUID.randomUUID()), alice, bob, 400)))
                .isInstanceOf(TransferResult.Posted.class);
    }

    @Test
    void refusesAmountsThatWouldOverflow() {
        AccountId rich = account(Set.of(), Long.MAX_VALUE - 5, 0);
        assertRejected(
                posting().create(transfer(new TransferId(UUID.randomUUID()), rich, bob, 6)),
                RejectionCode.OVERFLOWS_DEBITS);
        AccountId full = account(Set.of(), 0, Long.MAX_VALUE);
        assertRejected(
                posting().create(transfer(new TransferId(UUID.randomUUID()), bank, full, 1)),
                RejectionCode.OVERFLOWS_CREDITS);
    }

    @Test
    void postsAndResolvesAPendingCreatedInTheSamePosting() {
        Posting p = posting();
        TransferId id = new TransferId(UUID.randomUUID());
        p.create(pending(id, alice, bob, 300, 0));
        assertThat(p.resolve(Resolution.post(id, OptionalLong.of(100)))).isInstanceOf(TransferResult.Posted.class);
        p.flush();
        assertThat(book.status(id)).isEqualTo(PendingStatus.POSTED);
        assertThat(balances(alice)).containsExactly(100L, 1_000L, 0L, 0L);
        assertThat(balances(bob)).containsExactly(0L, 100L, 0L, 0L);
    }

    /** The ids the ledger picks itself grow with time, as the API advises its callers (docs/ledger.md). */
    @Test
    void aResolutionsOwnIdGrowsWithTime() {
        Posting p = posting();
        TransferId first = new TransferId(UUID.randomUUID());
        TransferId second = new TransferId(UUID.randomUUID());
        p.create(pending(first, alice, bob, 300, 0));
        p.create(pending(second, alice, bob, 300, 0));
        UUID posted = ((TransferResult.Posted) p.resolve(Resolution.post(first, OptionalLong.of(100))))
                .transfer()
                .id()
                .value();
        UUID voided = ((TransferResult.Posted) p.resolve(Resolution.voidIt(second)))
                .transfer()
                .id()
                .value();
        assertThat(posted.version()).isEqualTo(7);
        assertThat(voided.version()).isEqualTo(7);
        assertThat(Long.compareUnsigned(voided.getMostSignificantBits(), posted.getMostSignificantBits()))
                .isPositive();
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: a posting reads its clock once, after its locks, when its"
            + " first row needs it")
    void aPostingReadsItsClockOnceWhenItsFirstRowNeedsIt() {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        Posting p = new Posting(book, () -> NOW.plusSeconds(reads.incrementAndGet()));
        p.lock(List.of(alice, bob));
        assertThat(reads).as("the lock pass reads no time").hasValue(0);
        TransferResult first = p.create(transfer(new TransferId(UUID.randomUUID()), alice, bob, 10));
        TransferResult second = p.create(pending(new TransferId(UUID.randomUUID()), bob, alice, 5, 60));
        assertThat(reads).as("one time for the posting's rows").hasValue(1);
        Instant time = NOW.plusSeconds(1);
        assertThat(((TransferResult.Posted) first).transfer().createdAt()).isEqualTo(time);
        assertThat(((TransferResult.Posted) second).transfer().createdAt()).isEqualTo(time);
        assertThat(((TransferResult.Posted) second).transfer().expiresAt()).isEqualTo(time.plusSeconds(60));
    }

    @Test
    void expiresOnlyWhenDueAndRefusesToPostAfterTheTimeout() {
        TransferId id = new TransferId(UUID.randomUUID());
        Posting p = posting();
        p.create(pending(id, alice, bob, 300, 60));
        p.flush();
        Posting later = new Posting(book, () -> NOW.plusSeconds(60));
        assertRejected(later.resolve(Resolution.post(id, OptionalLong.empty())), RejectionCode.PENDING_EXPIRED);
        assertThat(later.resolve(Resolution.expire(id))).isInstanceOf(TransferResult.Posted.class);
        later.flush();
        assertThat(book.status(id)).isEqualTo(PendingStatus.EXPIRED);
        assertThat(balances(alice)).containsExactly(0L, 1_000L, 0L, 0L);
    }

    @Test
    void voidsOnAFrozenAccountButDoesNotPost() {
        TransferId id = new TransferId(UUID.randomUUID());
        Posting p = posting();
        p.create(pending(id, alice, bob, 300, 0));
        p.flush();
        book.add(book.accounts.get(bob).withStatus(AccountStatus.FROZEN));
        assertRejected(posting().resolve(Resolution.post(id, OptionalLong.empty())), RejectionCode.ACCOUNT_FROZEN);
        assertThat(posting().resolve(Resolution.voidIt(id))).isInstanceOf(TransferResult.Posted.class);
    }

    @Test
    void aRejectedRequestLeavesTheWorkingSetUntouched() {
        Posting p = posting();
        assertRejected(
                p.create(transfer(new TransferId(UUID.randomUUID()), alice, bob, 5_000)),
                RejectionCode.EXCEEDS_CREDITS);
        assertThat(p.isEmpty()).isTrue();
        p.flush();
        assertThat(book.writes).isZero();
    }

    /** Issue 22 (T.2): linked batches grouped in one posting, each a unit kept or taken back whole. */
    @Test
    void aUnitTakenBackLeavesTheOtherUnitsAsIfItHadNeverCome() {
        AccountId carol = account(Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS), 0, 0);
        TransferId reused = new TransferId(UUID.randomUUID());
        Posting p = posting();
        p.beginUnit(); // A: kept
        assertThat(p.create(transfer(new TransferId(UUID.randomUUID()), alice, bob, 600)))
                .isInstanceOf(TransferResult.Posted.class);
        p.endUnit();
        p.beginUnit(); // B: its third transfer overdraws alice, so all of B goes
        assertThat(p.create(transfer(reused, bob, alice, 100))).isInstanceOf(TransferResult.Posted.class);
        assertThat(p.create(transfer(new TransferId(UUID.randomUUID()), alice, carol, 50)))
                .isInstanceOf(TransferResult.Posted.class);
        assertRejected(
                p.create(transfer(new TransferId(UUID.randomUUID()), alice, bob, 600)), RejectionCode.EXCEEDS_CREDITS);
        p.undoUnit();
        p.beginUnit(); // C: a pending transfer, and B's first id again with other fields: B never happened
        assertThat(p.create(pending(new TransferId(UUID.randomUUID()), alice, bob, 300, 60)))
                .isInstanceOf(TransferResult.Posted.class);
        assertThat(p.create(transfer(reused, bob, bank, 50))).isInstanceOf(TransferResult.Posted.class);
        assertRejected(
                p.create(transfer(new TransferId(UUID.randomUUID()), alice, bob, 101)), RejectionCode.EXCEEDS_CREDITS);
        p.undoUnit(); // C goes too: alice's 400 are hers again
        p.beginUnit(); // D: kept, on the balances A left
        assertThat(p.create(transfer(reused, bob, bank, 50))).isInstanceOf(TransferResult.Posted.class);
        assertThat(p.create(transfer(new TransferId(UUID.randomUUID()), alice, bob, 400)))
                .isInstanceOf(TransferResult.Posted.class);
        p.endUnit();
        p.flush();
        assertThat(book.transfers).hasSize(3); // A's one and D's two
        assertThat(book.transfers.get(reused).creditAccountId()).isEqualTo(bank);
        assertThat(balances(alice)).containsExactly(1_000L, 1_000L, 0L, 0L);
        assertThat(balances(bob)).containsExactly(50L, 1_000L, 0L, 0L);
        assertThat(balances(carol)).containsExactly(0L, 0L, 0L, 0L);
        assertThat(book.pendings).isEmpty();
    }

    @Test
    void aUnitHoldsNewTransfersOnlyAndOneAtATime() {
        Posting p = posting();
        p.beginUnit();
        assertThatThrownBy(p::beginUnit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.resolve(Resolution.voidIt(new TransferId(UUID.randomUUID()))))
                .isInstanceOf(IllegalStateException.class);
        p.endUnit();
        assertThatThrownBy(p::undoUnit).isInstanceOf(IllegalStateException.class);
    }

    Posting posting() {
        return new Posting(book, () -> NOW);
    }

    AccountId account(Set<AccountFlag> flags, long debits, long credits) {
        AccountId id = new AccountId(UUID.randomUUID());
        book.add(new Account(
                id, EUR, null, AccountKind.CUSTOMER_WALLET, AccountStatus.OPEN, flags, debits, credits, 0, 0, NOW));
        return id;
    }

    List<Long> balances(AccountId id) {
        Account a = book.accounts.get(id);
        return List.of(a.debitsPosted(), a.creditsPosted(), a.debitsPending(), a.creditsPending());
    }

    static NewTransfer transfer(TransferId id, AccountId debit, AccountId credit, long amount) {
        return NewTransfer.posted(id, debit, credit, amount, EUR, "p2p");
    }

    static NewTransfer pending(TransferId id, AccountId debit, AccountId credit, long amount, long timeout) {
        return new NewTransfer(
                id, debit, credit, amount, EUR, new TransferCode("claim"), true, timeout, Metadata.EMPTY);
    }

    static void assertRejected(TransferResult result, RejectionCode code) {
        assertThat(result).isEqualTo(new TransferResult.Rejected(code));
    }
}
