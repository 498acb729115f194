package org.socialbank.billing;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.springframework.stereotype.Service;

/**
 * Card-to-card transfers to any card the switch reaches, from the customer's own cards, each held
 * for the step-up on the bank's page, idempotent by id; the card is only ever shown masked and
 * kept whole only in the vault.
 */
@Service
public class CardTransfers {

    private final SendToCard send;
    private final CardQuotes quotes;
    private final JdbcCardTransfers store;

    CardTransfers(SendToCard send, CardQuotes quotes, JdbcCardTransfers store) {
        this.send = send;
        this.quotes = quotes;
        this.store = store;
    }

    /** For the bank's apps: the holder is looked up first (never inside a transaction), then the transfer is held for its step-up. */
    public CardTransferResult send(CardTransferRequest request) {
        Objects.requireNonNull(request, "request");
        return send.send(request);
    }

    /**
     * A card-to-card asked in chat, inside the message's transaction: the card goes to the vault,
     * the holder is looked up afterwards and {@link CardTransferQuoted} brings the question back
     * with Confirm and Cancel. Idempotent by {@code quoteId}.
     */
    public CardQuoteResult quote(
            UUID quoteId,
            CustomerId customer,
            CardNumber card,
            long amountMinor,
            org.socialbank.shared.CurrencyCode currency,
            String channel) {
        Objects.requireNonNull(quoteId, "quoteId");
        Objects.requireNonNull(card, "card");
        return quotes.quote(quoteId, customer, card, amountMinor, currency, channel);
    }

    /**
     * Confirm pressed under a quote, inside the message's transaction: the transfer is recorded
     * from the quote's own card and held for the step-up. A quote is used once; {@code id} (from
     * the message) makes a redelivery a replay.
     */
    public CardTransferResult accept(CardTransferId id, UUID quoteId, CustomerId customer, String channel) {
        Objects.requireNonNull(id, "id");
        Optional<JdbcCardTransfers.Row> existing = store.find(id);
        if (existing.isPresent()) {
            return existing.get().customer().equals(customer)
                    ? new CardTransferResult.Done(existing.get().view(), true)
                    : new CardTransferResult.Refused(BillPaymentResult.ID_REUSED);
        }
        Optional<JdbcCardQuotes.Row> quote = quotes.use(quoteId, customer);
        if (quote.isEmpty()) {
            return new CardTransferResult.Refused(CardQuotes.QUOTE_UNAVAILABLE);
        }
        JdbcCardQuotes.Row q = quote.get();
        return send.accept(
                new CardTransferRequest(
                        id, customer, quotes.card(q), q.amountMinor(), q.currency(), channel, Optional.of(q.card())),
                q.holderMasked());
    }

    public Optional<CardTransfer> transfer(CardTransferId id) {
        Objects.requireNonNull(id, "id");
        return store.find(id).map(JdbcCardTransfers.Row::view);
    }
}
