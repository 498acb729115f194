package org.socialbank.sweeping;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.Metadata;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.OwnAccounts;
import org.socialbank.ledger.TransferCode;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.ProviderAnswer;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * One pull: read the external balance when "all" is asked (outside any transaction); in one
 * transaction lock the consent row, count what its period already took and record the pull
 * (PENDING, or REFUSED with the code), so concurrent pulls of one consent never pass its limits;
 * then, outside it, ask the provider and book: SUCCEEDED credits the customer from the bank's
 * sweeping settlement account (a ledger transfer whose id derives from the pull), FAILED releases
 * the period's room, UNKNOWN waits for the janitor.
 */
@Component
class CollectMoney {

    static final String TRANSFER_CODE = "sweep";
    /** The owner of the bank's interbank settlement account per currency that pulled money arrives through. */
    static final String SETTLEMENT_OWNER = "bank:sweeping";

    private static final Logger log = LoggerFactory.getLogger(CollectMoney.class);

    private final JdbcSweepConsents consents;
    private final JdbcPulls pulls;
    private final Directory directory;
    private final Ledger ledger;
    private final OwnAccounts accounts;
    private final OpenBanking openBanking;
    private final SweepingProperties properties;
    private final DurableTransactions writes;
    private final Clock clock;

    CollectMoney(
            JdbcSweepConsents consents,
            JdbcPulls pulls,
            Directory directory,
            Ledger ledger,
            OwnAccounts accounts,
            OpenBanking openBanking,
            SweepingProperties properties,
            DurableTransactions writes,
            Clock clock) {
        this.consents = consents;
        this.pulls = pulls;
        this.directory = directory;
        this.ledger = ledger;
        this.accounts = accounts;
        this.openBanking = openBanking;
        this.properties = properties;
        this.writes = writes;
        this.clock = clock;
    }

    CollectResult collect(CollectRequest request, Optional<RuleId> rule) {
        Optional<JdbcPulls.Row> existing = pulls.find(request.id());
        if (existing.isPresent()) {
            return replay(existing.get(), request);
        }
        Optional<Consent> consent =
                consents.find(request.consent()).filter(c -> c.customerId().equals(request.customer()));
        if (consent.isEmpty()) {
            return new CollectResult.Refused(SweepRefusal.CONSENT_NOT_FOUND, false);
        }
        OptionalLong balance =
                request.amountMinor().isPresent() || consent.get().revoked()
                        ? OptionalLong.empty()
                        : ask(() -> openBanking.balance(
                                consent.get().bank(), consent.get().accountRef()));
        CollectResult result = writes.write(tx -> record(request, rule, balance));
        if (result instanceof CollectResult.Done done
                && !done.replayed()
                && done.pull().status() == PullStatus.PENDING) {
            send(request.id());
            return new CollectResult.Done(pulls.find(request.id()).orElseThrow().pull(), false);
        }
        return result;
    }

    private CollectResult record(CollectRequest request, Optional<RuleId> rule, OptionalLong balance) {
        Consent consent = consents.lock(request.consent()).orElseThrow();
        Optional<JdbcPulls.Row> existing = pulls.find(request.id());
        if (existing.isPresent()) {
            return replay(existing.get(), request);
        }
        Instant now = now();
        LimitPeriod.Window window = consent.period().window(now, properties.zone());
        long used = pulls.used(consent.id(), window.from(), window.until());
        ConsentLimits.Decision decision =
                ConsentLimits.decide(consent, now, used, request.amountMinor(), balance, request.keepMinor());
        if (decision instanceof ConsentLimits.Allow
                && directory
                        .primaryAccount(request.customer(), consent.currency().code())
                        .isEmpty()) {
            decision = new ConsentLimits.Refuse(SweepRefusal.NO_ACCOUNT_IN_CURRENCY);
        }
        boolean allowed = decision instanceof ConsentLimits.Allow;
        long amount = decision instanceof ConsentLimits.Allow allow ? allow.amountMinor() : 0;
        String code = decision instanceof ConsentLimits.Refuse refuse
                ? refuse.refusal().code()
                : null;
        Pull pull = new Pull(
                request.id(),
                consent.id(),
                request.customer(),
                rule,
                amount,
                consent.currency(),
                allowed ? PullStatus.PENDING : PullStatus.REFUSED,
                code,
                null,
                now,
                now);
        pulls.insert(new JdbcPulls.Row(
                pull,
                request.amountMinor().isPresent() ? request.amountMinor().getAsLong() : null,
                allowed ? transferId(request.id()) : null));
        return allowed
                ? new CollectResult.Done(pull, false)
                : new CollectResult.Refused(SweepRefusal.fromCode(code).orElseThrow(), false);
    }

    private static CollectResult replay(JdbcPulls.Row row, CollectRequest request) {
        Pull pull = row.pull();
        boolean same = pull.customerId().equals(request.customer())
                && pull.consentId().equals(request.consent())
                && java.util.Objects.equals(
                        row.requestedMinor(),
                        request.amountMinor().isPresent()
                                ? request.amountMinor().getAsLong()
                                : null);
        if (!same) {
            return new CollectResult.Refused(SweepRefusal.ID_REUSED, false);
        }
        return pull.status() == PullStatus.REFUSED
                ? new CollectResult.Refused(SweepRefusal.fromCode(pull.code()).orElseThrow(), true)
                : new CollectResult.Done(pull, true);
    }

    /** Sends (or sends again: the provider is idempotent by id) a pull and books the answer. */
    private void send(PullId id) {
        JdbcPulls.Row row = pulls.find(id).orElseThrow();
        Consent consent = consents.find(row.pull().consentId()).orElseThrow();
        PullOrder order = new PullOrder(
                id,
                consent.id(),
                consent.bank(),
                consent.accountRef(),
                row.pull().amountMinor(),
                consent.currency(),
                consent.maxPaymentMinor(),
                consent.expiresAt());
        book(id, answer(() -> openBanking.pull(order)));
    }

    /**
     * Re-checks pulls in doubt once {@code recheck-after} has passed: UNKNOWN is asked about; PENDING
     * (recorded, then the node stopped before or while asking) is asked about first and sent again
     * only when the provider never received it and its consent still allows it.
     */
    @Scheduled(
            fixedDelayString = "${socialbank.sweeping.worker-interval:5s}",
            initialDelayString = "${socialbank.sweeping.worker-interval:5s}")
    void recheck() {
        try {
            for (PullId id : pulls.inDoubt(now().minus(properties.recheckAfter()), properties.batchMax())) {
                PullStatus status = pulls.find(id).orElseThrow().pull().status();
                if (status == PullStatus.PENDING) {
                    resend(id);
                } else {
                    book(id, answer(() -> openBanking.status(id)));
                }
            }
        } catch (RuntimeException e) {
            log.warn("Re-checking pulls failed; will try again", e);
        }
    }

    /**
     * A PENDING pull in doubt (review 2026-12-07 sweeping follow-up): the consent may have been revoked
     * (or have expired) since it was recorded, so it is sent again only when the provider never
     * received it and the consent, locked, still allows it; else it is REFUSED with the consent's
     * state, which the chat is told. No answer from the provider leaves it PENDING for the next round.
     */
    private void resend(PullId id) {
        ProviderAnswer known = answer(() -> openBanking.status(id));
        if (!notReceived(known)) {
            if (!(known instanceof ProviderAnswer.Unknown)) {
                book(id, known);
            }
            return;
        }
        if (writes.write(tx -> stillAllowed(id))) {
            send(id);
        }
    }

    private static boolean notReceived(ProviderAnswer answer) {
        return answer instanceof ProviderAnswer.Failed failed && ProviderAnswer.NOT_RECEIVED.equals(failed.reason());
    }

    /** Whether a PENDING pull may still be sent; when its consent no longer allows it, refuses it. */
    private boolean stillAllowed(PullId id) {
        Consent consent =
                consents.lock(pulls.find(id).orElseThrow().pull().consentId()).orElseThrow();
        if (pulls.lock(id).filter(r -> r.pull().status() == PullStatus.PENDING).isEmpty()) {
            return false; // booked meanwhile by another node
        }
        Optional<SweepRefusal> gone = consent.revoked()
                ? Optional.of(SweepRefusal.CONSENT_REVOKED)
                : !consent.expiresAt().isAfter(now()) ? Optional.of(SweepRefusal.CONSENT_EXPIRED) : Optional.empty();
        gone.ifPresent(refusal -> pulls.update(id, PullStatus.REFUSED, refusal.code(), null, now()));
        return gone.isEmpty();
    }

    /** Books an answer once: the pull's row is locked and only PENDING or UNKNOWN moves on. */
    void book(PullId id, ProviderAnswer answer) {
        if (answer instanceof ProviderAnswer.Succeeded) {
            // opened outside the booking transaction: concurrent first opens then meet as ledger replays
            pulls.find(id)
                    .ifPresent(r -> accounts.open(
                            settlementName(r.pull().currency()),
                            r.pull().currency(),
                            SETTLEMENT_OWNER,
                            AccountKind.INTERBANK_SETTLEMENT));
        }
        writes.write(tx -> {
            pulls.lock(id)
                    .filter(r ->
                            r.pull().status() == PullStatus.PENDING || r.pull().status() == PullStatus.UNKNOWN)
                    .ifPresent(r -> {
                        if (answer instanceof ProviderAnswer.Succeeded succeeded) {
                            pulls.update(id, PullStatus.SUCCEEDED, credit(r), succeeded.reference(), now());
                        } else if (answer instanceof ProviderAnswer.Failed failed) {
                            pulls.update(id, PullStatus.FAILED, failed.reason(), null, now());
                        } else {
                            pulls.update(
                                    id, PullStatus.UNKNOWN, ((ProviderAnswer.Unknown) answer).reason(), null, now());
                        }
                    });
            return null;
        });
    }

    /** Credits the customer; a ledger refusal leaves the money on the settlement account for operations. */
    private String credit(JdbcPulls.Row row) {
        Pull pull = row.pull();
        Optional<AccountId> to =
                directory.primaryAccount(pull.customerId(), pull.currency().code());
        if (to.isEmpty()) {
            log.error("Pull {} succeeded but its customer has no account in {}", pull.id(), pull.currency());
            return SweepRefusal.NO_ACCOUNT_IN_CURRENCY.code();
        }
        TransferResult result = ledger.transfer(new NewTransfer(
                new TransferId(row.transferId()),
                OwnAccounts.id(settlementName(pull.currency())),
                to.get(),
                pull.amountMinor(),
                pull.currency(),
                new TransferCode(TRANSFER_CODE),
                false,
                0,
                Metadata.of(Map.of(
                        "pull",
                        pull.id().toString(),
                        "consent",
                        pull.consentId().toString()))));
        if (result instanceof TransferResult.Rejected rejected) {
            log.error(
                    "Pull {} succeeded but could not be credited ({})",
                    pull.id(),
                    rejected.code().code());
            return rejected.code().code();
        }
        return null;
    }

    static UUID transferId(PullId id) {
        return UUID.nameUUIDFromBytes(("socialbank-sweeping:pull:" + id + ":credit").getBytes(StandardCharsets.UTF_8));
    }

    /** A throw or no answer is Unknown, so the pull is asked about again rather than lost. */
    private static ProviderAnswer answer(Supplier<ProviderAnswer> call) {
        try {
            ProviderAnswer answer = call.get();
            return answer == null ? new ProviderAnswer.Unknown("no_answer") : answer;
        } catch (RuntimeException e) {
            log.warn(
                    "The open-banking provider failed to answer: {}",
                    e.getClass().getName());
            return new ProviderAnswer.Unknown("error");
        }
    }

    private static OptionalLong ask(Supplier<OptionalLong> call) {
        try {
            OptionalLong balance = call.get();
            return balance == null ? OptionalLong.empty() : balance;
        } catch (RuntimeException e) {
            log.warn(
                    "The open-banking provider failed to give a balance: {}",
                    e.getClass().getName());
            return OptionalLong.empty();
        }
    }

    private Instant now() {
        return Microseconds.now(clock);
    }

    /**
     * The bank's settlement account of a currency pulled money arrives through: a succeeded pull
     * debits it and credits the customer, so its (negative) balance is what the other banks owe.
     */
    static String settlementName(CurrencyCode currency) {
        return "socialbank-bank:sweeping-settlement:" + currency.code();
    }
}
