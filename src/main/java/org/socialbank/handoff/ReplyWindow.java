package org.socialbank.handoff;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.socialbank.shared.Network;

/**
 * How long after the customer's last message a person may still write freely (issue 19): WhatsApp
 * 24 hours, WeChat 48 hours (their customer-service windows); other networks have none. Outside
 * it only an approved template may go, and the reply box says so. Pure.
 */
public final class ReplyWindow {

    static final Duration WHATSAPP = Duration.ofHours(24);
    static final Duration WECHAT = Duration.ofHours(48);

    private ReplyWindow() {}

    /** Whether free text may go now. */
    public sealed interface State permits Unlimited, Open, Closed {}

    /** The network has no window. */
    public record Unlimited() implements State {}

    /** Free text may go until {@code until}. */
    public record Open(Instant until) implements State {}

    /** The window closed at {@code since} (or the customer never wrote): templates only. */
    public record Closed(Optional<Instant> since) implements State {}

    public static Optional<Duration> of(Network network) {
        return switch (network) {
            case WHATSAPP -> Optional.of(WHATSAPP);
            case WECHAT -> Optional.of(WECHAT);
            default -> Optional.empty();
        };
    }

    public static State at(Network network, Optional<Instant> lastCustomerMessage, Instant now) {
        Optional<Duration> window = of(network);
        if (window.isEmpty()) {
            return new Unlimited();
        }
        if (lastCustomerMessage.isEmpty()) {
            return new Closed(Optional.empty());
        }
        Instant until = lastCustomerMessage.get().plus(window.get());
        return now.isBefore(until) ? new Open(until) : new Closed(Optional.of(until));
    }
}
