package org.socialbank.payments.requests;

import java.util.Objects;
import java.util.regex.Pattern;
import org.socialbank.directory.Alias;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * What a requester asks for: "request 20 from @alice". The id makes it idempotent: the same id
 * with the same content is a replay; with other content it is refused ({@code id_reused}).
 *
 * @param from who is asked to pay, by any alias; a customer or not
 * @param note what it is for, shown to the payer; may be null, at most {@value #NOTE_LENGTH_MAX} characters
 * @param channel where the requester asked: {@code api}, or a network's wire name
 */
public record RequestOrder(
        RequestId id,
        CustomerId requester,
        Alias from,
        long amountMinor,
        CurrencyCode currency,
        String note,
        String channel) {

    public static final int NOTE_LENGTH_MAX = 140;
    static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,15}");

    public RequestOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(currency, "currency");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amountMinor must be positive");
        }
        note = note(note);
        channel(channel);
    }

    /** A blank note is no note; a long one or one with control characters is refused. */
    static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String stripped = note.strip();
        if (stripped.length() > NOTE_LENGTH_MAX || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "note must be at most " + NOTE_LENGTH_MAX + " characters without control characters");
        }
        return stripped;
    }

    /**
     * The channel a request or its payment came through, checked: a web adapter wraps the check in
     * {@code BadRequest.whenRefused}, so that a bad one from a client is its 400, never a 500.
     */
    public static String channel(String channel) {
        if (channel == null || !CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("channel must be 1 to 16 lower-case letters, digits or _");
        }
        return channel;
    }
}
