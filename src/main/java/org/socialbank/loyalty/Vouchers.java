package org.socialbank.loyalty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.Metadata;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.RejectionCode;
import org.socialbank.ledger.Resolution;
import org.socialbank.ledger.TransferCode;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.ProviderAnswer;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Points redeemed for a partner's voucher through the rewards SPI. Under the member's lock the
 * order's points are held by a pending ledger transfer (customer → redeemed) and the order is kept
 * {@code pending} under the client's id; the partner is asked outside the transaction; its answer
 * posts the held points and consumes the oldest lots ({@code issued}, with the voucher's code), or
 * voids them ({@code failed}); a lost answer stays pending and the janitor asks the partner's status
 * query. The pending transfer's id is derived from the order, so nothing is held or spent twice.
 * Every order that ends (issued, failed, refused) publishes {@link VoucherOrderEnded} once, in the
 * transaction that ended it, so the chat is always told.
 */
@Service
public class Vouchers {

    private static final Logger log = LoggerFactory.getLogger(Vouchers.class);
    static final int RECHECK_BATCH_MAX = 100;

    private final Rewards rewards;
    private final JdbcVouchers store;
    private final JdbcPoints points;
    private final Directory directory;
    private final Ledger ledger;
    private final DurableTransactions writes;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final VoucherCodes codes;
    private final PointsTakeBacks takeBacks;
    /** How old a pending order must be before the janitor asks the partner about it. */
    private final Duration recheckAfter;
    /** A transaction of its own, for the partner's answer to an order held in a transaction now committed. */
    private final TransactionTemplate afterCommit;

    Vouchers(
            Rewards rewards,
            JdbcVouchers store,
            JdbcPoints points,
            Directory directory,
            Ledger ledger,
            DurableTransactions writes,
            Clock clock,
            ApplicationEventPublisher events,
            VoucherCodes codes,
            PointsTakeBacks takeBacks,
            PlatformTransactionManager transactions,
            LoyaltyProperties properties) {
        requireTimeoutShorterThanRecheck(rewards, properties);
        this.recheckAfter = properties.voucherRecheckAfter();
        this.takeBacks = takeBacks;
        this.events = events;
        this.codes = codes;
        this.afterCommit = new TransactionTemplate(transactions);
        this.afterCommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.rewards = rewards;
        this.store = store;
        this.points = points;
        this.directory = directory;
        this.ledger = ledger;
        this.writes = writes;
        this.clock = clock;
    }

    /**
     * A call still on its way when the janitor asks about its order would be told {@code
     * not_received}: the points released, she told it failed, and the partner's late voucher seen by
     * nobody. So the partner's timeout must be shorter than the recheck age, or the bank does not start.
     */
    static void requireTimeoutShorterThanRecheck(Rewards rewards, LoyaltyProperties properties) {
        Duration timeout = rewards.timeout();
        if (timeout == null || timeout.compareTo(properties.voucherRecheckAfter()) >= 0) {
            throw new IllegalStateException(
                    "The rewards partner " + rewards.getClass().getSimpleName()
                            + " waits up to " + timeout + " for an answer, which is not shorter than"
                            + " socialbank.loyalty.voucher-recheck-after (" + properties.voucherRecheckAfter()
                            + "): make the recheck age longer or the partner's timeout shorter");
        }
    }

    /** What the order did: the voucher (as first answered, or {@code replayed}), or the bank's refusal. */
    public sealed interface VoucherResult {

        record Ordered(Voucher voucher, boolean replayed) implements VoucherResult {}

        record Refused(PointsRefusal code) implements VoucherResult {}
    }

    public List<Rewards.Reward> catalogue() {
        return rewards.catalogue();
    }

    /** Orders the reward under the client's id; the same id with the same reward answers as it stands now. */
    public VoucherResult order(UUID id, CustomerId customer, String rewardCode) {
        VoucherResult held = writes.write(status -> hold(id, customer, rewardCode));
        if (!(held instanceof VoucherResult.Ordered ordered) || ordered.replayed()) {
            return held;
        }
        return new VoucherResult.Ordered(settle(id, ask(() -> rewards.issue(id, rewardCode))), false);
    }

    /**
     * Orders the reward inside the caller's transaction (a confirmation on the bank's page): the
     * points are held now and the partner is asked once that transaction commits, never inside it;
     * should that ask be lost, the janitor settles the order.
     */
    public VoucherResult orderOnCommit(UUID id, CustomerId customer, String rewardCode) {
        VoucherResult held = writes.write(status -> hold(id, customer, rewardCode));
        if (!(held instanceof VoucherResult.Ordered ordered) || ordered.replayed()) {
            return held;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            settle(id, ask(() -> rewards.issue(id, rewardCode)));
            return held;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    ProviderAnswer answer = ask(() -> rewards.issue(id, rewardCode));
                    Vouchers.this.afterCommit.executeWithoutResult(status -> settle(id, answer));
                } catch (RuntimeException e) {
                    log.warn("vouchers: an order's answer was not booked; the janitor asks the partner again", e);
                }
            }
        });
        return held;
    }

    private VoucherResult hold(UUID id, CustomerId customer, String rewardCode) {
        Optional<AccountId> account = points.lockMember(customer); // one customer's orders queue here
        Optional<Voucher> existing = store.find(id);
        if (existing.isPresent()) {
            Voucher v = existing.get();
            return v.customerId().equals(customer) && v.reward().equals(rewardCode)
                    ? new VoucherResult.Ordered(v, true)
                    : new VoucherResult.Refused(PointsRefusal.ID_REUSED);
        }
        if (directory.customer(customer).isEmpty()) {
            return new VoucherResult.Refused(PointsRefusal.CUSTOMER_NOT_FOUND);
        }
        Optional<Rewards.Reward> reward = rewards.catalogue().stream()
                .filter(r -> r.code().equals(rewardCode))
                .findFirst();
        if (reward.isEmpty()) {
            return new VoucherResult.Refused(PointsRefusal.REWARD_NOT_FOUND);
        }
        Instant now = Microseconds.now(clock);
        TransferResult result = account.isEmpty()
                ? null
                : ledger.transfer(new NewTransfer(
                        transferId(id),
                        account.get(),
                        PointsAccounts.REDEEMED,
                        reward.get().points(),
                        CurrencyCode.POINTS,
                        new TransferCode("points-voucher"),
                        true,
                        0,
                        Metadata.EMPTY));
        if (!(result instanceof TransferResult.Posted)) {
            PointsRefusal code = result instanceof TransferResult.Rejected rejected
                    ? holdRefusal(rejected.code())
                    : PointsRefusal.INSUFFICIENT_POINTS; // no points account: never earned any
            // kept with its code, so that the id answers the same later
            Voucher refused = new Voucher(
                    id, customer, rewardCode, reward.get().points(), Voucher.Status.REFUSED, null, code.code(), now);
            store.insert(refused, now);
            events.publishEvent(ended(refused));
            return new VoucherResult.Refused(code);
        }
        Voucher pending =
                new Voucher(id, customer, rewardCode, reward.get().points(), Voucher.Status.PENDING, null, null, now);
        store.insert(pending, now);
        return new VoucherResult.Ordered(pending, false);
    }

    /**
     * The ledger's "no" to a hold in the order's words, told apart as {@code Points.redeem} does: too
     * few points available, or a points account that cannot move (the bank froze or closed it).
     */
    static PointsRefusal holdRefusal(RejectionCode code) {
        return switch (code) {
            case EXCEEDS_CREDITS, EXCEEDS_DEBITS -> PointsRefusal.INSUFFICIENT_POINTS;
            default -> PointsRefusal.ACCOUNT_UNAVAILABLE;
        };
    }

    /** Books the partner's answer once: issued (the held points spent), failed (released), or still pending. */
    Voucher settle(UUID id, ProviderAnswer answer) {
        return writes.write(status -> {
            Voucher v = store.find(id).orElseThrow();
            points.lockMember(v.customerId()); // before the order's row, as hold() takes them
            v = store.lock(id).orElseThrow();
            if (v.status() != Voucher.Status.PENDING || answer instanceof ProviderAnswer.Unknown) {
                return v;
            }
            Instant now = Microseconds.now(clock);
            if (answer instanceof ProviderAnswer.Succeeded issued) {
                resolve(Resolution.post(transferId(id), OptionalLong.empty()));
                points.consume(v.customerId(), v.points(), Points.LOTS_PER_REDEMPTION_MAX);
                store.settle(id, Voucher.Status.ISSUED, issued.reference(), null, now);
            } else {
                resolve(Resolution.voidIt(transferId(id)));
                store.settle(id, Voucher.Status.FAILED, null, ((ProviderAnswer.Failed) answer).reason(), now);
            }
            takeBacks.holdEnded(v.customerId(), transferId(id), !(answer instanceof ProviderAnswer.Succeeded));
            Voucher done = store.find(id).orElseThrow();
            events.publishEvent(ended(done));
            return done;
        });
    }

    /** What the chat is told of an ended order; the code itself stays on the bank's page. */
    private VoucherOrderEnded ended(Voucher v) {
        Optional<Rewards.Reward> reward = rewards.catalogue().stream()
                .filter(r -> r.code().equals(v.reward()))
                .findFirst();
        return new VoucherOrderEnded(
                v.id(),
                v.customerId(),
                v.reward(),
                reward.map(Rewards.Reward::partner).orElse(v.reward()),
                reward.map(Rewards.Reward::name).orElse(v.reward()),
                v.points(),
                v.status(),
                v.reason(),
                v.status() == Voucher.Status.ISSUED ? codes.url(v) : null);
    }

    /** The janitor: orders whose answer was lost are settled by the partner's status query. */
    @Scheduled(
            fixedDelayString = "${socialbank.loyalty.follow-interval:5s}",
            initialDelayString = "${socialbank.loyalty.follow-interval:5s}")
    void scheduled() {
        try {
            recheck();
        } catch (RuntimeException e) {
            log.warn("vouchers: this recheck failed; the next one takes it again", e);
        }
    }

    /** Asks the partner about every order pending for longer than {@code voucher-recheck-after}; answers how many settled. */
    public int recheck() {
        int settled = 0;
        for (UUID id : store.pendingSince(clock.instant().minus(recheckAfter), RECHECK_BATCH_MAX)) {
            if (settle(id, ask(() -> rewards.status(id))).status() != Voucher.Status.PENDING) {
                settled++;
            }
        }
        return settled;
    }

    public Optional<Voucher> voucher(UUID id) {
        return store.find(id);
    }

    private void resolve(Resolution resolution) {
        TransferResult result = ledger.resolve(resolution);
        if (result instanceof TransferResult.Rejected rejected) {
            throw new IllegalStateException("held points could not be " + resolution.kind() + ": " + rejected.code());
        }
    }

    /** The partner's answer; a fault on the way is an unknown answer (the janitor asks again). */
    private static ProviderAnswer ask(java.util.function.Supplier<ProviderAnswer> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            log.warn("rewards partner: no answer", e);
            return new ProviderAnswer.Unknown("error");
        }
    }

    static TransferId transferId(UUID order) {
        return Points.transferId("voucher", order);
    }
}
