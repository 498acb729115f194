package org.socialbank.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the ledger, validated at start-up.
 *
 * @param statementPageMax the most transfers one statement page returns (the journal's followers
 *     page by {@link Ledger#postedAfter} up to {@link Ledger#JOURNAL_PAGE_MAX}, whatever this is)
 * @param batchSizeMax the most transfers one linked batch may hold
 * @param retriesMax how often a transaction that lost a lock race or a deadlock is retried
 * @param expiryInterval how often the janitor looks for expired pending transfers
 * @param expiryBatchMax the most pending transfers one janitor round expires
 * @param groupCommit whether single transfers that arrive together are written in one
 *     transaction ({@link GroupCommit}), and linked batches that arrive together in another;
 *     callers already inside a transaction are always written in theirs
 * @param groupSizeMax the most single transfers one group holds
 * @param groupCommitters how many groups one node writes at once (each holds a connection), for
 *     single transfers and as many again for linked batches
 * @param groupBatchesMax the most linked batches one group holds (each stays all-or-nothing)
 * @param recoverAtStart whether, after a run on the embedded H2 file that did not stop cleanly,
 *     the ledger replays its journal at start and sets right the balances, pending statuses and
 *     balances after each row that disagree with it (docs/adr/0017); PostgreSQL never needs it
 * @param clockSkewMax how far after a journal follower's own clock a row's time may be and still
 *     hold the follower's page until it settles (1 s..1 h); a row further ahead was written by a
 *     node whose clock is ahead: it is read as if settled, logged and counted
 *     ({@code socialbank.ledger.journal.skewed}), docs/ledger.md "The journal's followers"
 */
@ConfigurationProperties("socialbank.ledger")
public record LedgerProperties(
        @DefaultValue("200") int statementPageMax,
        @DefaultValue("64") int batchSizeMax,
        @DefaultValue("8") int retriesMax,
        @DefaultValue("5s") Duration expiryInterval,
        @DefaultValue("500") int expiryBatchMax,
        @DefaultValue("true") boolean groupCommit,
        @DefaultValue("128") int groupSizeMax,
        @DefaultValue("2") int groupCommitters,
        @DefaultValue("16") int groupBatchesMax,
        @DefaultValue("true") boolean recoverAtStart,
        @DefaultValue("1m") Duration clockSkewMax) {

    public LedgerProperties {
        require(
                statementPageMax >= 1 && statementPageMax <= 1000,
                "socialbank.ledger.statement-page-max must be 1..1000");
        require(batchSizeMax >= 1 && batchSizeMax <= 1000, "socialbank.ledger.batch-size-max must be 1..1000");
        require(retriesMax >= 0 && retriesMax <= 100, "socialbank.ledger.retries-max must be 0..100");
        require(
                expiryInterval != null && !expiryInterval.isNegative() && !expiryInterval.isZero(),
                "socialbank.ledger.expiry-interval must be positive");
        require(expiryBatchMax >= 1 && expiryBatchMax <= 10_000, "socialbank.ledger.expiry-batch-max must be 1..10000");
        require(groupSizeMax >= 1 && groupSizeMax <= 1000, "socialbank.ledger.group-size-max must be 1..1000");
        require(groupCommitters >= 1 && groupCommitters <= 16, "socialbank.ledger.group-committers must be 1..16");
        require(groupBatchesMax >= 1 && groupBatchesMax <= 100, "socialbank.ledger.group-batches-max must be 1..100");
        require(
                clockSkewMax != null
                        && clockSkewMax.compareTo(Duration.ofSeconds(1)) >= 0
                        && clockSkewMax.compareTo(Duration.ofHours(1)) <= 0,
                "socialbank.ledger.clock-skew-max must be 1s..1h");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
