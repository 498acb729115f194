package org.socialbank.payments.risk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.KycLevel;
import org.socialbank.shared.CurrencyCode;

/**
 * A payment the payer wants to make, as the policy needs to see it.
 *
 * @param payer who pays
 * @param kyc how well the bank knows the payer
 * @param channel where the payment was asked for: {@code api}, {@code webchat}, {@code telegram},
 *     {@code bale}, {@code wechat}, {@code whatsapp}, {@code x}
 * @param amountMinor the amount in minor units of the currency, positive
 * @param currency the currency of the amount
 * @param newPayee whether the payer has never paid this payee before
 * @param payeeIsCustomer whether the payee is a customer of the bank (recorded in the audit)
 * @param channelLinkedAt when the payer linked the channel identity the payment came from, if any
 * @param now when the payment is asked for
 */
public record Attempt(
        CustomerId payer,
        KycLevel kyc,
        String channel,
        long amountMinor,
        CurrencyCode currency,
        boolean newPayee,
        boolean payeeIsCustomer,
        Optional<Instant> channelLinkedAt,
        Instant now) {

    public Attempt {
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(kyc, "kyc");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(channelLinkedAt, "channelLinkedAt");
        Objects.requireNonNull(now, "now");
        if (channel.isBlank()) {
            throw new IllegalArgumentException("channel must not be blank");
        }
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amountMinor must be positive: " + amountMinor);
        }
    }
}
