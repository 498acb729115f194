package org.socialbank.billing;

import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Mobile top-ups: the operator of a number, the amounts it sells, and topping up (idempotent by id). */
@Service
public class TopUps {

    private final TopUpPhone topUp;

    TopUps(TopUpPhone topUp) {
        this.topUp = topUp;
    }

    /** The operators table (defaults and configuration), for a chat or an app to offer choices. */
    public Operators operators() {
        return topUp.operators();
    }

    public TopUpResult topUp(TopUpRequest request) {
        Objects.requireNonNull(request, "request");
        return topUp.topUp(request);
    }

    /**
     * Tops up from inside the caller's transaction (a chat message's): records it and reserves its
     * money, and leaves the operator to the worker, which is never run inside a transaction;
     * {@link TopUpEnded} tells how it ended.
     */
    public TopUpResult accept(TopUpRequest request) {
        Objects.requireNonNull(request, "request");
        return topUp.accept(request, false);
    }

    /**
     * As {@link #accept(TopUpRequest)}, taking the customer's loyalty points off the top-up when
     * {@code usePoints} (issue 16 s3.7): held with it, spent when the operator charges the number,
     * released when not ({@link TopUpEnded} says how many).
     */
    public TopUpResult accept(TopUpRequest request, boolean usePoints) {
        Objects.requireNonNull(request, "request");
        return topUp.accept(request, usePoints);
    }

    /** A top-up by its id, with the loyalty points that paid a share of it (issue 16 s3.7). */
    public Optional<TopUp> topUp(TopUpId id) {
        Objects.requireNonNull(id, "id");
        return topUp.find(id);
    }
}
