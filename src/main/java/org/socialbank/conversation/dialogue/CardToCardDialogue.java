package org.socialbank.conversation.dialogue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.alerts.PublicNetworks;
import org.socialbank.billing.BillPaymentStatus;
import org.socialbank.billing.CardNumber;
import org.socialbank.billing.CardQuoteResult;
import org.socialbank.billing.CardTransfer;
import org.socialbank.billing.CardTransferResult;
import org.socialbank.billing.CardTransferText;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue.Step;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;
import org.socialbank.shared.Uuids;

/**
 * Card-to-card in chat (issue 15 s3): "send 500000 rial to card 6037-9912-3456-1234" in any of the
 * five languages (Persian digits read). The message's transaction keeps the card in the bank's
 * vault and says the holder is being looked up; the switch is asked afterwards and the question
 * "Pay 500,000 rial to 6037-99**-****-1234 (A. Rezaei, Bank Melli)?" comes with Confirm and
 * Cancel. Confirm holds the transfer for the step-up on the bank's page (every card-to-card is
 * stepped up, bound to the amount and the masked card); the receipt with the switch's trace
 * number follows. The card is never repeated whole. Private: linked chats only.
 */
final class CardToCardDialogue {

    static final String PAY = "billing.card.pay:";
    static final String CANCEL = "billing.card.cancel";

    private final Texts texts;

    CardToCardDialogue(Texts texts) {
        this.texts = texts;
    }

    static boolean handles(String action) {
        return action.startsWith(PAY) || action.equals(CANCEL);
    }

    /** A card-to-card request and the language its card word is in. */
    record Request(Language language, CardTransferText text) {}

    static Optional<Request> read(String text) {
        return CardTransferText.read(text).map(t -> new Request(language(text), t));
    }

    private static Language language(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("کارت")
                ? Language.FA
                : lower.contains("卡")
                        ? Language.ZH
                        : lower.contains("карт") ? Language.RU : lower.contains("carte") ? Language.FR : Language.EN;
    }

    /** A request in a chat: private and linked only; the card looked up afterwards. */
    Step start(Turn turn, Request request) {
        Language language = turn.chosen() != null ? turn.chosen() : request.language();
        if (PublicNetworks.isPublic(turn.channel())) {
            return say(turn, language, "billing.c2c.public");
        }
        CardTransferText text = request.text();
        if (text.card().isEmpty()) {
            return say(turn, language, "billing.c2c.invalid_card");
        }
        String card = CardNumber.grouped(text.card().get().masked());
        if (text.amountMinor() <= 0) {
            return say(turn, language, "billing.c2c.ask_amount", card);
        }
        CustomerId customer = turn.linked().get().customerId();
        CardQuoteResult result =
                turn.bank().quoteCardTransfer(customer, text.card().get(), text.amountMinor(), text.currency());
        if (result instanceof CardQuoteResult.Refused refused) {
            return refusal(turn, language, refused.code());
        }
        return say(turn, language, "billing.c2c.looking", card);
    }

    /** Confirm or Cancel under the holder's name; Confirm holds the transfer for the step-up. */
    Step press(Turn turn, Language language, String action) {
        if (action.equals(CANCEL)) {
            return say(turn, language, "conversation.pay.cancelled");
        }
        Optional<UUID> parsed = Uuids.parse(action.substring(PAY.length()));
        if (parsed.isEmpty()) {
            return say(turn, language, "conversation.pay.stale");
        }
        UUID quote = parsed.get();
        CustomerId customer = turn.linked().orElseThrow().customerId();
        CardTransferResult result = turn.bank().sendToCard(customer, quote);
        if (result instanceof CardTransferResult.Refused refused) {
            return refusal(turn, language, refused.code());
        }
        CardTransfer transfer = ((CardTransferResult.Done) result).transfer();
        String amount =
                MoneyFormat.format(transfer.amountMinor(), CurrencyCode.of(transfer.currency()), language.locale());
        String card = CardNumber.grouped(transfer.destinationCardMasked());
        if (transfer.status() == BillPaymentStatus.AWAITING_CONFIRMATION && transfer.confirmationUrl() != null) {
            return new Step(
                    turn.state(),
                    List.of(new Outbound.Link(
                            texts.text(language, "billing.c2c.held", amount, card),
                            texts.text(language, "conversation.pay.held_button"),
                            transfer.confirmationUrl())),
                    language);
        }
        if (transfer.status() == BillPaymentStatus.REJECTED) {
            return refusal(turn, language, transfer.code());
        }
        return say(turn, language, "billing.c2c.under_way", amount, card);
    }

    private Step refusal(Turn turn, Language language, String code) {
        return switch (code) {
            case "no_card_in_currency" -> say(turn, language, "billing.c2c.no_card");
            case "quote_unavailable" -> say(turn, language, "billing.c2c.expired");
            case "currency_not_supported" -> say(turn, language, "billing.c2c.currency");
            default -> Refusals.said(turn.state(), texts, language, RefusalReasons.of(code));
        };
    }

    private Step say(Turn turn, Language language, String key, Object... args) {
        return new Step(turn.state(), List.of(new Outbound.Text(texts.text(language, key, args))), language);
    }

    static List<String> messageKeys() {
        return List.of(
                "billing.c2c.public",
                "billing.c2c.invalid_card",
                "billing.c2c.ask_amount",
                "billing.c2c.looking",
                "billing.c2c.confirm",
                "billing.c2c.unknown_card",
                "billing.c2c.bank_unknown",
                "billing.c2c.held",
                "billing.c2c.under_way",
                "billing.c2c.no_card",
                "billing.c2c.expired",
                "billing.c2c.currency");
    }
}
