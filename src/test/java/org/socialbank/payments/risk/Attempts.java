package org.socialbank.payments.risk;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.KycLevel;
import org.socialbank.shared.CurrencyCode;

/** A builder of payment attempts: a basic-KYC customer paying a known customer 10 EUR over the API. */
final class Attempts {

    static final CustomerId PAYER = new CustomerId(UUID.fromString("00000000-0000-4000-8000-000000000001"));

    private KycLevel kyc = KycLevel.BASIC;
    private String channel = "api";
    private long amountMinor = 1_000;
    private CurrencyCode currency = CurrencyCode.of("EUR");
    private boolean newPayee;
    private Optional<Instant> channelLinkedAt = Optional.empty();
    private Instant now = Instant.parse("2026-06-15T10:00:00Z");

    static Attempts attempt() {
        return new Attempts();
    }

    Attempts kyc(KycLevel value) {
        kyc = value;
        return this;
    }

    Attempts channel(String value) {
        channel = value;
        return this;
    }

    Attempts amount(long minor, String code) {
        amountMinor = minor;
        currency = CurrencyCode.of(code);
        return this;
    }

    Attempts newPayee() {
        newPayee = true;
        return this;
    }

    Attempts linkedAt(Instant value) {
        channelLinkedAt = Optional.of(value);
        return this;
    }

    Attempts at(Instant value) {
        now = value;
        return this;
    }

    Attempts at(String value) {
        return at(Instant.parse(value));
    }

    Attempt build() {
        return new Attempt(PAYER, kyc, channel, amountMinor, currency, newPayee, true, channelLinkedAt, now);
    }

    static FakeHistory.Sent sent(String channel, long amountMinor, String code, String at) {
        return new FakeHistory.Sent(PAYER, CurrencyCode.of(code), channel, amountMinor, false, Instant.parse(at));
    }

    /** A payment that was held, confirmed on the bank's page and carried out. */
    static FakeHistory.Sent confirmed(String channel, long amountMinor, String code, String at) {
        return new FakeHistory.Sent(PAYER, CurrencyCode.of(code), channel, amountMinor, false, Instant.parse(at), true);
    }

    static FakeHistory.Sent sentToNewPayee(long amountMinor, String code, String at) {
        return new FakeHistory.Sent(PAYER, CurrencyCode.of(code), "api", amountMinor, true, Instant.parse(at));
    }
}
