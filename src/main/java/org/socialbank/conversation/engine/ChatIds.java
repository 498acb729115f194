package org.socialbank.conversation.engine;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.socialbank.billing.BillPaymentId;
import org.socialbank.billing.CardTransferId;
import org.socialbank.billing.TopUpId;
import org.socialbank.branches.AppointmentId;
import org.socialbank.payments.PaymentId;
import org.socialbank.shared.Network;

/**
 * The ids of what one chat message asks the bank for, derived from the message: a redelivered
 * message finds the same id under the effect's UNIQUE constraint, so it can never act twice.
 */
public final class ChatIds {

    private ChatIds() {}

    /** The id a message gives to what it asks for {@code purpose} ("chat-pay", "chat-bill", ...). */
    static UUID of(String purpose, Network channel, String externalMessageId) {
        return UUID.nameUUIDFromBytes(
                (purpose + "|" + channel.wireName() + "|" + externalMessageId).getBytes(StandardCharsets.UTF_8));
    }

    /** The id of a payment confirmed by this message: a redelivery can never pay twice. */
    public static PaymentId paymentId(Network channel, String externalMessageId) {
        return new PaymentId(of("chat-pay", channel, externalMessageId));
    }

    /** The id of an appointment booked by this message: a redelivery can never book twice. */
    public static AppointmentId appointmentId(Network channel, String externalMessageId) {
        return new AppointmentId(of("chat-appointment", channel, externalMessageId));
    }

    /** The id of a collection asked by this message (issue 16 s6): a redelivery can never ask twice. */
    public static UUID collectionId(Network channel, String externalMessageId) {
        return of("chat-collection", channel, externalMessageId);
    }

    /** The id of a bill payment confirmed by this message (issue 15): a redelivery can never pay twice. */
    public static BillPaymentId billPaymentId(Network channel, String externalMessageId) {
        return new BillPaymentId(of("chat-bill", channel, externalMessageId));
    }

    /** The id of a top-up confirmed by this message (issue 15): a redelivery can never top up twice. */
    public static TopUpId topUpId(Network channel, String externalMessageId) {
        return new TopUpId(of("chat-topup", channel, externalMessageId));
    }

    /** The id of a card-to-card question asked by this message (issue 15): a redelivery asks once. */
    public static UUID cardQuoteId(Network channel, String externalMessageId) {
        return of("chat-card-quote", channel, externalMessageId);
    }

    /** The id of a card-to-card confirmed by this message (issue 15): a redelivery can never send twice. */
    public static CardTransferId cardTransferId(Network channel, String externalMessageId) {
        return new CardTransferId(of("chat-card", channel, externalMessageId));
    }

    /** The id of an account bill's question asked by this message (issue 15 s1.13): a redelivery asks once. */
    public static UUID accountBillInquiryId(Network channel, String externalMessageId) {
        return of("chat-account-bill", channel, externalMessageId);
    }
}
