package org.socialbank.billing;

import java.util.List;
import java.util.UUID;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.engine.ChatIds;
import org.socialbank.shared.Network;
import org.socialbank.support.Chats;
import org.socialbank.support.Customers;

/**
 * Buying a mobile top-up in chat, as the tests of top-up kinds and voucher PINs do: the offer asked
 * for in the customer's chat, and one of its buttons pressed in a message of its own id, from which
 * the top-up's id derives ({@link ChatIds#topUpId}). The operator's worker is the caller's to run.
 */
final class TopUpsInChat {

    /** A PIN voucher of Irancell's, 100,000 rial. */
    static final String VOUCHER = "top up a PIN voucher 09351234567 100000 rial";

    private final Chats chats;

    TopUpsInChat(Chats chats) {
        this.chats = chats;
    }

    /** What a button press answered, and the id of the top-up it confirms. */
    record Pressed(TopUpId id, List<Outbound> replies) {}

    /** Asks for a top-up in the customer's chat: the offer, with its buttons. */
    Outbound.Buttons offer(Customers.Customer customer, String ask) {
        return (Outbound.Buttons) chats.say(customer.chat(), ask).get(0);
    }

    /** Presses the button in a Telegram message of its own id. */
    Pressed press(Customers.Customer customer, Outbound.Button button) {
        InboundMessage press = new InboundMessage(
                Network.TELEGRAM,
                "m-" + UUID.randomUUID(),
                customer.chat(),
                null,
                null,
                new Inbound.Button(button.reference()));
        List<Outbound> replies = chats.say(press);
        return new Pressed(ChatIds.topUpId(Network.TELEGRAM, press.externalMessageId()), replies);
    }
}
