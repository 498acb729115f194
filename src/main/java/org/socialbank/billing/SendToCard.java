package org.socialbank.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.cards.Card;
import org.socialbank.directory.Confirmations;
import org.socialbank.directory.CustomerStatus;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.directory.OperationRef;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.Metadata;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.TransferCode;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.payments.PaymentsProperties;
import org.socialbank.payments.risk.Attempt;
import org.socialbank.payments.risk.PaymentPolicy;
import org.socialbank.payments.risk.Reject;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.ProviderAnswer;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Card-to-card (issue 15 s3): from one of the customer's own cards, within that card's daily limit
 * and the risk policy's limits, every transfer is held for the step-up on the bank's page (it plays
 * the dynamic PIN's role), bound to the amount and the masked destination. Once confirmed the money
 * is reserved (a pending {@code card_transfer} transfer to the switch's settlement account) and the
 * worker, never inside a transaction, opens the card from the {@link CardVault}, asks the switch,
 * and posts or voids; Unknown waits for the janitor.
 */
@Component
class SendToCard {

    static final String TRANSFER_CODE = "card_transfer";
    static final String SWITCH_REFUSED = "switch_refused";
    static final String SWITCH_TIMEOUT = "switch_timeout";
    static final String CONFIRMATION_OWNER = "card-transfer";
    private static final String SWITCH_ACCOUNT = "switch-shetab";
    private static final int HOLDER_SHOWN_MAX = 40;
    private static final Logger log = LoggerFactory.getLogger(SendToCard.class);

    private final JdbcCardTransfers store;
    private final JdbcSpending spending;
    private final Directory directory;
    private final Ledger ledger;
    private final Settlements settlements;
    private final PaymentPolicy policy;
    private final BillerAccounts accounts;
    private final CardSwitch cardSwitch;
    private final CardBins bins;
    private final BillingProperties properties;
    private final PaymentsProperties payments;
    private final CardVault vault;
    private final OwnCards ownCards;
    private final Confirmations confirmations;
    private final DurableTransactions writes;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SendToCard(
            JdbcCardTransfers store,
            JdbcSpending spending,
            Directory directory,
            Ledger ledger,
            PaymentPolicy policy,
            BillerAccounts accounts,
            Settlements settlements,
            CardSwitch cardSwitch,
            BillingProperties properties,
            PaymentsProperties payments,
            CardVault vault,
            OwnCards ownCards,
            Confirmations confirmations,
            DurableTransactions writes,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.spending = spending;
        this.directory = directory;
        this.ledger = ledger;
        this.settlements = settlements;
        this.policy = policy;
        this.accounts = accounts;
        this.cardSwitch = cardSwitch;
        this.bins = new CardBins(properties.cardBins());
        this.properties = properties;
        this.payments = payments;
        this.vault = vault;
        this.ownCards = ownCards;
        this.confirmations = confirmations;
        this.writes = writes;
        this.clock = clock;
    }

    /** Asks the switch for the holder (outside any transaction), then records the transfer held for its step-up. */
    CardTransferResult send(CardTransferRequest request) {
        Optional<String> holder = store.find(request.id()).isPresent()
                ? Optional.empty()
                : ask(() -> cardSwitch.holderName(request.destination()));
        return writes.write(tx -> accept(request, holder.orElse(null)));
    }

    /**
     * Records a transfer inside the caller's transaction: refused (a row with its code) or held for
     * the step-up, the destination kept in the vault. {@code holder} is what the switch said.
     */
    CardTransferResult accept(CardTransferRequest request, String holder) {
        String hash = vault.hash(request.destination());
        Optional<JdbcCardTransfers.Row> existing = store.find(request.id());
        if (existing.isPresent()) {
            JdbcCardTransfers.Row r = existing.get();
            boolean same = r.customer().equals(request.customer())
                    && r.destinationHash().equals(hash)
                    && r.amountMinor() == request.amountMinor()
                    && r.currency().equals(request.currency());
            return same
                    ? new CardTransferResult.Done(r.view(), true)
                    : new CardTransferResult.Refused(BillPaymentResult.ID_REUSED);
        }
        Long dailyLimit =
                properties.cardDailyLimitsMinor().get(request.currency().code());
        if (dailyLimit == null) {
            return new CardTransferResult.Refused(CardTransferResult.CURRENCY_NOT_SUPPORTED);
        }
        Optional<CustomerView> customer =
                directory.customer(request.customer()).filter(c -> c.customer().status() == CustomerStatus.ACTIVE);
        if (customer.isEmpty()) {
            return new CardTransferResult.Refused(BillPaymentResult.CUSTOMER_NOT_FOUND);
        }
        Instant now = now();
        Optional<Card> source = ownCards.source(request.customer(), request.currency(), request.sourceCard());
        String refusal = refusal(request, customer.get(), source, dailyLimit, now);
        String shownHolder = holder == null ? null : shown(holder);
        JdbcCardTransfers.Row row = new JdbcCardTransfers.Row(
                request.id(),
                request.customer(),
                request.destination().masked(),
                hash,
                bins.bank(request.destination()).orElse(null),
                shownHolder,
                request.amountMinor(),
                request.currency(),
                request.channel(),
                refusal == null ? BillPaymentStatus.AWAITING_CONFIRMATION : BillPaymentStatus.REJECTED,
                refusal,
                request.id().derive(TRANSFER_CODE),
                null,
                null,
                now,
                now,
                source.map(Card::id).orElse(null),
                source.map(Card::maskedNumber).orElse(null),
                vault.keep(request.destination()),
                null);
        if (refusal != null) {
            store.insert(row);
            return new CardTransferResult.Done(
                    store.find(request.id()).orElseThrow().view(), false);
        }
        Optional<Confirmations.Started> started = confirmations.start(new Confirmations.Request(
                request.customer(),
                new OperationRef(CONFIRMATION_OWNER, request.id().toString()),
                request.amountMinor(),
                request.currency(),
                payeeLabel(row.destinationMasked(), shownHolder),
                0));
        if (started.isEmpty()) {
            store.insert(new JdbcCardTransfers.Row(
                    row.id(),
                    row.customer(),
                    row.destinationMasked(),
                    row.destinationHash(),
                    row.bank(),
                    row.holderMasked(),
                    row.amountMinor(),
                    row.currency(),
                    row.channel(),
                    BillPaymentStatus.REJECTED,
                    "confirmation_unavailable",
                    row.transferId(),
                    null,
                    null,
                    now,
                    now,
                    row.card(),
                    row.sourceMasked(),
                    row.vaultToken(),
                    null));
            return new CardTransferResult.Done(
                    store.find(request.id()).orElseThrow().view(), false);
        }
        store.insert(new JdbcCardTransfers.Row(
                row.id(),
                row.customer(),
                row.destinationMasked(),
                row.destinationHash(),
                row.bank(),
                row.holderMasked(),
                row.amountMinor(),
                row.currency(),
                row.channel(),
                row.status(),
                null,
                row.transferId(),
                null,
                null,
                now,
                now,
                row.card(),
                row.sourceMasked(),
                row.vaultToken(),
                started.get().challengeId()));
        return new CardTransferResult.Done(
                store.find(request.id())
                        .orElseThrow()
                        .view()
                        .withConfirmationUrl(started.get().url()),
                false);
    }

    /** What the step-up page and its SMS show and bind to the code: the card masked and the holder. */
    static String payeeLabel(String destinationMasked, String holder) {
        return "card " + destinationMasked + (holder == null ? "" : " (" + holder + ")");
    }

    /** The switch's (already masked) holder name as the bank shows it: bounded, no separator of the step-up. */
    static String shown(String holder) {
        String clean = holder.replace('|', '/').strip();
        return clean.length() > HOLDER_SHOWN_MAX ? clean.substring(0, HOLDER_SHOWN_MAX) : clean;
    }

    /** Why the transfer cannot go, checked in this order; null when it can. */
    private String refusal(
            CardTransferRequest request, CustomerView customer, Optional<Card> source, long dailyLimit, Instant now) {
        if (source.isEmpty()) {
            return OwnCards.NO_CARD;
        }
        Instant dayStart = LocalDate.ofInstant(now, payments.zone())
                .atStartOfDay(payments.zone())
                .toInstant();
        if (store.sentMinor(source.get().id(), request.currency(), dayStart) + request.amountMinor() > dailyLimit) {
            return CardTransferResult.EXCEEDS_DAILY_LIMIT;
        }
        var decision = policy.assess(
                new Attempt(
                        request.customer(),
                        customer.customer().kycLevel(),
                        request.channel(),
                        request.amountMinor(),
                        request.currency(),
                        false,
                        false,
                        Optional.empty(),
                        now),
                new BillHistory(spending));
        return decision instanceof Reject reject ? reject.code() : null;
    }

    /** Reserves a confirmed transfer's money from its own card's account; the worker then sends it. */
    void reserve(JdbcCardTransfers.Row row, AccountId from) {
        store.update(row.id(), BillPaymentStatus.PENDING, null, null, now());
        AccountId to = accounts.open(SWITCH_ACCOUNT, row.currency());
        TransferResult result = ledger.transfer(new NewTransfer(
                new TransferId(row.transferId()),
                from,
                to,
                row.amountMinor(),
                row.currency(),
                new TransferCode(TRANSFER_CODE),
                true,
                properties.pendingTimeout().toSeconds(),
                Metadata.of(Map.of("card_transfer", row.id().toString(), "destination", row.destinationMasked()))));
        if (result instanceof TransferResult.Rejected rejected) {
            String code = PayBill.ledgerCode(rejected.code());
            store.update(row.id(), BillPaymentStatus.REJECTED, code, null, now());
            publishEnded(row, false, code, null);
        }
    }

    /** Sends the transfers confirmed on the step-up page, then re-checks those in doubt once {@code recheck-after} has passed. */
    @Scheduled(
            fixedDelayString = "${socialbank.billing.worker-interval:1s}",
            initialDelayString = "${socialbank.billing.worker-interval:1s}")
    void work() {
        try {
            for (CardTransferId id : store.unsent(properties.batchMax())) {
                if (writes.write(tx -> store.claimSend(id, now()))) {
                    sendToSwitch(id);
                }
            }
            for (CardTransferId id : store.inDoubt(now().minus(properties.recheckAfter()), properties.batchMax())) {
                book(id, Settlements.ask("card switch", () -> cardSwitch.status(id)));
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Sending or re-checking card transfers failed; will try again: {}",
                    e.getClass().getName());
        }
    }

    private void sendToSwitch(CardTransferId id) {
        JdbcCardTransfers.Row row = store.find(id).orElseThrow();
        Optional<CardNumber> card = row.vaultToken() == null ? Optional.empty() : vault.open(row.vaultToken());
        if (card.isEmpty()) {
            book(id, new ProviderAnswer.Failed(ProviderAnswer.NOT_RECEIVED));
            return;
        }
        book(
                id,
                Settlements.ask(
                        "card switch",
                        () -> cardSwitch.transfer(
                                new CardTransferOrder(row.id(), card.get(), row.amountMinor(), row.currency()))));
    }

    void book(CardTransferId id, ProviderAnswer answer) {
        writes.write(tx -> {
            store.lock(id)
                    .filter(r -> r.status() == BillPaymentStatus.PENDING || r.status() == BillPaymentStatus.UNKNOWN)
                    .ifPresent(r -> {
                        Settlements.Booked booked =
                                settlements.book(r.id(), r.transferId(), answer, SWITCH_REFUSED, SWITCH_TIMEOUT);
                        store.update(r.id(), booked.status(), booked.code(), booked.traceNumber(), now());
                        if (booked.status() == BillPaymentStatus.COMPLETED
                                || booked.status() == BillPaymentStatus.FAILED) {
                            publishEnded(
                                    r,
                                    booked.status() == BillPaymentStatus.COMPLETED,
                                    booked.code(),
                                    booked.traceNumber());
                        }
                    });
            return null;
        });
    }

    void publishEnded(JdbcCardTransfers.Row r, boolean completed, String code, String traceNumber) {
        events.publishEvent(new CardTransferEnded(
                r.id(),
                r.customer(),
                r.destinationMasked(),
                r.bank(),
                r.amountMinor(),
                r.currency().code(),
                completed,
                code,
                traceNumber,
                r.channel()));
    }

    static <T> Optional<T> ask(Supplier<Optional<T>> call) {
        try {
            Optional<T> answer = call.get();
            return answer == null ? Optional.empty() : answer;
        } catch (RuntimeException e) {
            log.warn(
                    "The card switch failed to answer a holder lookup: {}",
                    e.getClass().getName());
            return Optional.empty();
        }
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
