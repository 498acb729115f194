package org.socialbank.payments;

import java.util.Objects;
import java.util.regex.Pattern;
import org.socialbank.directory.Alias;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * What a payer asks for. The id makes it idempotent: the same id with the same content is a
 * replay; with other content it is refused ({@code id_reused}).
 *
 * @param channel where the payer asked: {@code api}, or a network's wire name ({@code telegram}, ...)
 * @param answeredInChat the payer asked in a chat message whose reply tells them what became of it:
 *     the events of this call say so ({@link PaymentCompleted#answeredInChat()}), and the payer gets
 *     no alert besides the reply. False for the API and for anything that happens later (after the
 *     step-up page, a claim, a payout).
 */
public record PaymentOrder(
        PaymentId id,
        CustomerId payer,
        Alias payee,
        long amountMinor,
        CurrencyCode currency,
        String channel,
        boolean answeredInChat) {

    /**
     * The channel of a payment asked for on the form an agent sent to the customer's chat (issue
     * 19): it is always held for the step-up page, however small.
     */
    public static final String PAY_FORM = "pay_form";

    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,15}");

    /** An order whose payer hears of it other than by a chat's reply (the API, an app). */
    public PaymentOrder(
            PaymentId id, CustomerId payer, Alias payee, long amountMinor, CurrencyCode currency, String channel) {
        this(id, payer, payee, amountMinor, currency, channel, false);
    }

    public PaymentOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(payee, "payee");
        Objects.requireNonNull(currency, "currency");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amountMinor must be positive");
        }
        if (channel == null || !CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("channel must be 1 to 16 lower-case letters, digits or _");
        }
    }
}
