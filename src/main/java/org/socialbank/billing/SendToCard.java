package org.socialbank.billing;

import org.socialbank.shared.ProviderAnswer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.directory.CustomerStatus;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
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
import org.socialbank.security.otp.OneTimeCodes;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.socialbank.shared.Microseconds;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Card-to-card: look the holder up at the switch, check the daily card-to-card limit and the
 * risk policy's limits, reserve the money (a pending {@code card_transfer} transfer to the
 * switch's settlement account), ask the switch, post or void; Unknown waits for the janitor.
 * The card is kept whole only in memory for the one switch call: the table has it masked and as
 * a keyed hash. The step-up of every card-to-card on the bank's page is not done yet
 * (docs/billing.md): it needs the card in a vault for the worker to send it after the step-up.
 */
@Component
class SendToCard {

    static final String TRANSFER_CODE = "card_transfer";
    static final String SWITCH_REFUSED = "switch_refused";
    static final String SWITCH_TIMEOUT = "switch_timeout";
    private static final String SWITCH_ACCOUNT = "switch-shetab";
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
    private final SecretKeySpec cardKey;
    private final DurableTransactions writes;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    SendToCard(JdbcCardTransfers store, JdbcSpending spending, Directory directory, Ledger ledger, PaymentPolicy policy,
            BillerAccounts accounts, Settlements settlements, CardSwitch cardSwitch, BillingProperties properties, PaymentsProperties payments,
            OneTimeCodes codes, DurableTransactions writes, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
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
        this.cardKey = new SecretKeySpec(codes.deriveKey("billing card number hash"), "HmacSHA256");
        this.writes = writes;
        this.clock = clock;
    }

    CardTransferResult send(CardTransferRequest request) {
        Optional<String> holder = store.find(request.id()).isPresent() ? Optional.empty()
                : ask(() -> cardSwitch.holderName(request.destination()));
        CardTransferResult result = writes.write(tx -> begin(request, holder.orElse(null)));
        if (result instanceof CardTransferResult.Done done && !done.replayed()
                && done.transfer().status() == BillPaymentStatus.PENDING) {
            JdbcCardTransfers.Row row = store.find(request.id()).orElseThrow();
            book(request.id(), Settlements.ask("card switch", () -> cardSwitch.transfer(new CardTransferOrder(row.id(), request.destination(),
                    row.amountMinor(), row.currency()))));
            return new CardTransferResult.Done(store.find(request.id()).orElseThrow().view(), false);
        }
        return result;
    }

    private CardTransferResult begin(CardTransferRequest request, String holder) {
        String hash = hash(request.destination());
        Optional<JdbcCardTransfers.Row> existing = store.find(request.id());
        if (existing.isPresent()) {
            JdbcCardTransfers.Row r = existing.get();
            boolean same = r.customer().equals(request.customer()) && r.destinationHash().equals(hash)
                    && r.amountMinor() == request.amountMinor() && r.currency().equals(request.currency());
            return same ? new CardTransferResult.Done(r.view(), true)
                    : new CardTransferResult.Refused(BillPaymentResult.ID_REUSED);
        }
        Long dailyLimit = properties.cardDailyLimitsMinor().get(request.currency().code());
        if (dailyLimit == null) {
            return new CardTransferResult.Refused(CardTransferResult.CURRENCY_NOT_SUPPORTED);
        }
        Optional<CustomerView> customer = directory.customer(request.customer())
                .filter(c -> c.customer().status() == CustomerStatus.ACTIVE);
        if (customer.isEmpty()) {
            return new CardTransferResult.Refused(BillPaymentResult.CUSTOMER_NOT_FOUND);
        }
        Instant now = now();
        Optional<AccountId> from = directory.primaryAccount(request.customer(), request.currency().code());
        String refusal = refusal(request, customer.get(), from, dailyLimit, now);
        UUID transfer = request.id().derive(TRANSFER_CODE);
        JdbcCardTransfers.Row row = new JdbcCardTransfers.Row(request.id(), request.customer(),
                request.destination().masked(), hash, bins.bank(request.destination()).orElse(null), holder,
                request.amountMinor(), request.currency(), request.channel(),
                refusal == null ? BillPaymentStatus.PENDING : BillPaymentStatus.REJECTED, refusal, transfer, null,
                refusal == null ? now : null, now, now);
        store.insert(row);
        if (refusal == null) {
            reserve(row, from.get());
        }
        return new CardTransferResult.Done(store.find(request.id()).orElseThrow().view(), false);
    }

    /** Why the transfer cannot go, checked in this order; null when it can. */
    private String refusal(CardTransferRequest request, CustomerView customer, Optional<AccountId> from,
            long dailyLimit, Instant now) {
        if (from.isEmpty()) {
            return "no_account_in_currency";
        }
        Instant dayStart = LocalDate.ofInstant(now, payments.zone()).atStartOfDay(payments.zone()).toInstant();
        if (store.sentMinor(request.customer(), request.currency(), dayStart) + request.amountMinor() > dailyLimit) {
            return CardTransferResult.EXCEEDS_DAILY_LIMIT;
        }
        var decision = policy.assess(new Attempt(request.customer(), customer.customer().kycLevel(), request.channel(),
                request.amountMinor(), request.currency(), false, false, Optional.empty(), now), new BillHistory(spending));
        return decision instanceof Reject reject ? reject.code() : null;
    }

    private void reserve(JdbcCardTransfers.Row row, AccountId from) {
        AccountId to = accounts.open(SWITCH_ACCOUNT, row.currency());
        TransferResult result = ledger.transfer(new NewTransfer(new TransferId(row.transferId()), from, to,
                row.amountMinor(), row.currency(), new TransferCode(TRANSFER_CODE), true,
                properties.pendingTimeout().toSeconds(), Metadata.of(Map.of("card_transfer", row.id().toString(),
                        "destination", row.destinationMasked()))));
        if (result instanceof TransferResult.Rejected rejected) {
            store.update(row.id(), BillPaymentStatus.REJECTED, PayBill.ledgerCode(rejected.code()), null, now());
        }
    }

    /** Re-checks transfers in doubt with the switch once {@code recheck-after} has passed. */
    @Scheduled(fixedDelayString = "${socialbank.billing.worker-interval:1s}",
            initialDelayString = "${socialbank.billing.worker-interval:1s}")
    void recheck() {
        try {
            for (CardTransferId id : store.inDoubt(now().minus(properties.recheckAfter()), properties.batchMax())) {
                book(id, Settlements.ask("card switch", () -> cardSwitch.status(id)));
            }
        } catch (RuntimeException e) {
            log.warn("Re-checking card transfers failed; will try again", e);
        }
    }

    void book(CardTransferId id, ProviderAnswer answer) {
        writes.write(tx -> {
            store.lock(id).filter(r -> r.status() == BillPaymentStatus.PENDING || r.status() == BillPaymentStatus.UNKNOWN)
                    .ifPresent(r -> {
                        Settlements.Booked booked = settlements.book(r.id(), r.transferId(), answer,
                                SWITCH_REFUSED, SWITCH_TIMEOUT);
                        store.update(r.id(), booked.status(), booked.code(), booked.traceNumber(), now());
                        if (booked.status() == BillPaymentStatus.COMPLETED || booked.status() == BillPaymentStatus.FAILED) {
                            events.publishEvent(new CardTransferEnded(r.id(), r.customer(), r.destinationMasked(),
                                    r.bank(), r.amountMinor(), r.currency().code(),
                                    booked.status() == BillPaymentStatus.COMPLETED, booked.code(), booked.traceNumber(),
                                    r.channel()));
                        }
                    });
            return null;
        });
    }

    private String hash(CardNumber card) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(cardKey);
            return HexFormat.of().formatHex(mac.doFinal(card.digits().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static <T> Optional<T> ask(Supplier<Optional<T>> call) {
        try {
            Optional<T> answer = call.get();
            return answer == null ? Optional.empty() : answer;
        } catch (RuntimeException e) {
            log.warn("The card switch failed to answer a holder lookup: {}", e.getClass().getName());
            return Optional.empty();
        }
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
