package org.socialbank.conversation.engine;

import java.util.Optional;
import java.util.UUID;
import org.socialbank.billing.BillPaymentOrder;
import org.socialbank.billing.BillPaymentResult;
import org.socialbank.billing.Bills;
import org.socialbank.billing.CardNumber;
import org.socialbank.billing.CardQuoteResult;
import org.socialbank.billing.CardTransferResult;
import org.socialbank.billing.CardTransfers;
import org.socialbank.billing.IranianBill;
import org.socialbank.billing.TopUpKind;
import org.socialbank.billing.TopUpRequest;
import org.socialbank.billing.TopUpResult;
import org.socialbank.billing.TopUps;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Network;

/**
 * The bills, top-ups, card-to-card transfers and account bills of one chat message, through the
 * billing module. Ids come from the message ({@link ChatIds}), so a redelivered message acts once.
 */
final class ChatBilling {

    private final Bills bills;
    private final TopUps topUps;
    private final CardTransfers cardTransfers;
    private final Network channel;
    private final String externalMessageId;

    ChatBilling(Bills bills, TopUps topUps, CardTransfers cardTransfers, Network channel, String externalMessageId) {
        this.bills = bills;
        this.topUps = topUps;
        this.cardTransfers = cardTransfers;
        this.channel = channel;
        this.externalMessageId = externalMessageId;
    }

    BillPaymentResult payBill(CustomerId customer, IranianBill bill) {
        return bills.accept(billOrder(customer, bill));
    }

    BillPaymentResult payBill(CustomerId customer, IranianBill bill, boolean usePoints) {
        return bills.accept(billOrder(customer, bill), usePoints);
    }

    private BillPaymentOrder billOrder(CustomerId customer, IranianBill bill) {
        return new BillPaymentOrder(
                ChatIds.billPaymentId(channel, externalMessageId), customer, bill, channel.wireName());
    }

    TopUpResult topUp(
            CustomerId customer,
            String phone,
            long amountMinor,
            CurrencyCode currency,
            String operator,
            TopUpKind kind) {
        return topUps.accept(topUpRequest(customer, phone, amountMinor, currency, operator, kind));
    }

    TopUpResult topUp(
            CustomerId customer,
            String phone,
            long amountMinor,
            CurrencyCode currency,
            String operator,
            TopUpKind kind,
            boolean usePoints) {
        return topUps.accept(topUpRequest(customer, phone, amountMinor, currency, operator, kind), usePoints);
    }

    private TopUpRequest topUpRequest(
            CustomerId customer,
            String phone,
            long amountMinor,
            CurrencyCode currency,
            String operator,
            TopUpKind kind) {
        return new TopUpRequest(
                ChatIds.topUpId(channel, externalMessageId),
                customer,
                phone,
                amountMinor,
                currency,
                Optional.of(operator),
                channel.wireName(),
                kind);
    }

    boolean askBill(CustomerId customer, IranianBill bill) {
        bills.ask(ChatIds.of("chat-bill-inquiry", channel, externalMessageId), customer, bill, channel.wireName());
        return true;
    }

    CardQuoteResult quoteCardTransfer(CustomerId customer, CardNumber card, long amountMinor, CurrencyCode currency) {
        return cardTransfers.quote(
                ChatIds.cardQuoteId(channel, externalMessageId),
                customer,
                card,
                amountMinor,
                currency,
                channel.wireName());
    }

    CardTransferResult sendToCard(CustomerId customer, UUID quoteId) {
        return cardTransfers.accept(
                ChatIds.cardTransferId(channel, externalMessageId), quoteId, customer, channel.wireName());
    }

    boolean askAccountBill(CustomerId customer, String billerId, String account) {
        return bills.askAccountBill(
                ChatIds.accountBillInquiryId(channel, externalMessageId),
                customer,
                billerId,
                account,
                channel.wireName());
    }
}
