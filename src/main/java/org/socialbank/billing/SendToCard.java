package org.socialbank.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.cards.Card;
import org.socialbank.directory.Confirmations;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.OperationRef;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Metadata;
import org.socialbank.payments.PaymentsProperties;
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
    private final ProviderCalls calls;
    private final ProviderCalls.Kind<CardTransferId, JdbcCardTransfers.Row> kind;
    private final Reservations reservations;
    private final BillingRisk risk;
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
            Reservations reservations,
            BillingRisk risk,
            BillerAccounts accounts,
            ProviderCalls calls,
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
        this.reservations = reservations;
        this.calls = calls;
        this.kind = new ProviderCalls.Kind<>(
                "card switch",
                "card transfers",
                log,
                store,
                SWITCH_REFUSED,
                SWITCH_TIMEOUT,
                this::sendToSwitch,
                cardSwitch::status,
                (r, booked, now) -> store.update(r.id(), booked.status(), booked.code(), booked.traceNumber(), now),
                (r, booked, answer) -> publishEnded(
                        r,
                        booked.status() == BillPaymentStatus.COMPLETED ? BillingEnding.COMPLETED : BillingEnding.FAILED,
                        booked.code(),
                        booked.traceNumber()));
        this.risk = risk;
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
        Optional<CustomerView> customer = risk.active(request.customer());
        if (customer.isEmpty()) {
            return new CardTransferResult.Refused(BillPaymentResult.CUSTOMER_NOT_FOUND);
        }
        Instant now = now();
        Optional<Card> source = ownCards.source(request.customer(), request.currency(), request.sourceCard());
        String refusal = refusal(request, customer.get(), source, dailyLimit, now);
        String shownHolder = holder == null ? null : shown(holder);
        String bank = bins.bank(request.destination()).orElse(null);
        UUID vaultToken = vault.keep(request.destination());
        Optional<Confirmations.Started> started = refusal != null
                ? Optional.empty()
                : confirmations.start(new Confirmations.Request(
                        request.customer(),
                        new OperationRef(CONFIRMATION_OWNER, request.id().toString()),
                        request.amountMinor(),
                        request.currency(),
                        payeeLabel(request.destination().masked(), shownHolder),
                        0));
        if (refusal == null && started.isEmpty()) {
            refusal = "confirmation_unavailable";
        }
        store.insert(new JdbcCardTransfers.Row(
                request.id(),
                request.customer(),
                request.destination().masked(),
                hash,
                bank,
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
                vaultToken,
                started.map(Confirmations.Started::challengeId).orElse(null)));
        return new CardTransferResult.Done(
                store.find(request.id())
                        .orElseThrow()
                        .view()
                        .withConfirmationUrl(
                                started.map(Confirmations.Started::url).orElse(null)),
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
        // The card's sum, as the customer's totals, is read under the customer's lock (review
        // 2026-12-07 money #1): a card is only ever its one owner's (OwnCards, and its owner never
        // changes), so every transfer from it is decided under that lock, one after the other.
        risk.lockLimits(request.customer());
        if (store.sentMinor(source.get().id(), request.currency(), dayStart) + request.amountMinor() > dailyLimit) {
            return CardTransferResult.EXCEEDS_DAILY_LIMIT;
        }
        // a step-up is no refusal: every card-to-card is held for one
        var decision = risk.assess(
                request.customer(), customer, request.channel(), request.amountMinor(), request.currency(), now);
        return decision instanceof Reject reject ? reject.code() : null;
    }

    /** Reserves a confirmed transfer's money from its own card's account; the worker then sends it. */
    void reserve(JdbcCardTransfers.Row row, AccountId from) {
        store.update(row.id(), BillPaymentStatus.PENDING, null, null, now());
        Optional<String> refused = reservations.reserve(
                new Reservations.Pending(
                        row.id().value(),
                        row.customer(),
                        row.transferId(),
                        from,
                        accounts.open(SWITCH_ACCOUNT, row.currency()),
                        row.amountMinor(),
                        row.currency(),
                        TRANSFER_CODE,
                        Metadata.of(
                                Map.of("card_transfer", row.id().toString(), "destination", row.destinationMasked()))),
                Optional.empty());
        if (refused.isPresent()) {
            store.update(row.id(), BillPaymentStatus.REJECTED, refused.get(), null, now());
            publishEnded(row, BillingEnding.REFUSED, refused.get(), null);
        }
    }

    /** Sends the transfers confirmed on the step-up page, then re-checks those in doubt once {@code recheck-after} has passed. */
    @Scheduled(
            fixedDelayString = "${socialbank.billing.worker-interval:1s}",
            initialDelayString = "${socialbank.billing.worker-interval:1s}")
    void work() {
        calls.work(kind);
    }

    /** Opens the card from the vault for the one switch call; a card the vault no longer holds was never sent. */
    private ProviderAnswer sendToSwitch(JdbcCardTransfers.Row row) {
        Optional<CardNumber> card = row.vaultToken() == null ? Optional.empty() : vault.open(row.vaultToken());
        if (card.isEmpty()) {
            return new ProviderAnswer.Failed(ProviderAnswer.NOT_RECEIVED);
        }
        return Settlements.ask(
                "card switch",
                () -> cardSwitch.transfer(
                        new CardTransferOrder(row.id(), card.get(), row.amountMinor(), row.currency())));
    }

    /** Tells how the transfer ended ({@link CardTransferEnded}); {@code code} says why it did not complete. */
    void publishEnded(JdbcCardTransfers.Row r, BillingEnding ending, String code, String traceNumber) {
        events.publishEvent(new CardTransferEnded(
                r.id(),
                r.customer(),
                r.destinationMasked(),
                r.bank(),
                r.amountMinor(),
                r.currency().code(),
                ending,
                code,
                traceNumber,
                r.channel()));
    }

    /** Asks the switch for a holder's name; a throw or no answer is none. */
    static <T> Optional<T> ask(Supplier<Optional<T>> call) {
        return Settlements.lookUp(log, "The card switch failed to answer a holder lookup: {}", call, Optional.empty());
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
