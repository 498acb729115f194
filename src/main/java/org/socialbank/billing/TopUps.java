package org.socialbank.billing;

import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Mobile top-ups: the operator of a number, the amounts it sells, and topping up (idempotent by id). */
@Service
public class TopUps {

    private final TopUpPhone topUp;
    private final JdbcTopUps store;

    TopUps(TopUpPhone topUp, JdbcTopUps store) {
        this.topUp = topUp;
        this.store = store;
    }

    /** The operators table (defaults and configuration), for a chat or an app to offer choices. */
    public Operators operators() {
        return topUp.operators();
    }

    public TopUpResult topUp(TopUpRequest request) {
        Objects.requireNonNull(request, "request");
        return topUp.topUp(request);
    }

    public Optional<TopUp> topUp(TopUpId id) {
        Objects.requireNonNull(id, "id");
        return store.find(id).map(JdbcTopUps.Row::view);
    }
}
