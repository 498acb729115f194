package org.socialbank.billing;

import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Card-to-card transfers to any card the switch reaches, idempotent by id; the card is only ever shown masked. */
@Service
public class CardTransfers {

    private final SendToCard send;
    private final JdbcCardTransfers store;

    CardTransfers(SendToCard send, JdbcCardTransfers store) {
        this.send = send;
        this.store = store;
    }

    public CardTransferResult send(CardTransferRequest request) {
        Objects.requireNonNull(request, "request");
        return send.send(request);
    }

    public Optional<CardTransfer> transfer(CardTransferId id) {
        Objects.requireNonNull(id, "id");
        return store.find(id).map(JdbcCardTransfers.Row::view);
    }
}
