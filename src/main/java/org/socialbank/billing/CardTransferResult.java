package org.socialbank.billing;

/** The answer to a card transfer request: the transfer (new or replayed), or a refusal that recorded nothing. */
public sealed interface CardTransferResult permits CardTransferResult.Done, CardTransferResult.Refused {

    String EXCEEDS_DAILY_LIMIT = "exceeds_daily_limit";
    String CURRENCY_NOT_SUPPORTED = "currency_not_supported";

    record Done(CardTransfer transfer, boolean replayed) implements CardTransferResult {}

    /** {@code code}: id_reused, customer_not_found, currency_not_supported. */
    record Refused(String code) implements CardTransferResult {}
}
