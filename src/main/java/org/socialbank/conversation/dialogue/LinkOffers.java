package org.socialbank.conversation.dialogue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue.Step;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/**
 * Linking a chat from the chat: a private answer asked for in a chat not linked yet is answered
 * with the one-time sign-in link; "link" adds a one-tap "share my phone" where the network vouches
 * for the shared contact, and a shared contact of the sender's own links the chat.
 */
final class LinkOffers {

    /** Networks whose shared contact proves the number is the sender's own. */
    static final Set<Network> PHONE_VOUCHING = EnumSet.of(Network.TELEGRAM, Network.BALE, Network.WHATSAPP);

    private final Texts texts;

    LinkOffers(Texts texts) {
        this.texts = texts;
    }

    /** The sign-in link, for a private answer asked for in a chat not linked yet. */
    Step offer(Turn turn, Language language) {
        return new Step(
                turn.state(),
                List.of(new Outbound.Link(
                        texts.text(language, "conversation.link.needed"),
                        texts.text(language, "conversation.link.button"),
                        turn.bank().linkUrl())),
                language);
    }

    /**
     * "link": the sign-in link, and where the network vouches for a shared contact (Telegram's
     * {@code contact.user_id == from.id}, a WhatsApp number) a one-tap "share my phone" too.
     */
    Step offerWithPhone(Turn turn, Language language) {
        Step link = offer(turn, language);
        if (!PHONE_VOUCHING.contains(turn.channel())) {
            return link;
        }
        List<Outbound> replies = new ArrayList<>(link.replies());
        replies.add(new Outbound.AskPhone(
                texts.text(language, "conversation.link.share_phone"),
                texts.text(language, "conversation.link.share_phone_button")));
        return new Step(link.state(), replies, language);
    }

    /** A shared contact: the sender's own number links the chat to the customer who has it. */
    Step contact(Turn turn, Language language, Inbound.Contact contact) {
        if (!contact.own()) {
            return say(turn, language, "conversation.contact.not_own");
        }
        if (turn.linked().isPresent()) {
            return say(turn, language, "conversation.link.already");
        }
        // on success the IdentityLinked listener says "you are linked"
        return turn.bank().linkByPhone(contact.phone())
                ? new Step(turn.state(), List.of(), language)
                : say(turn, language, "conversation.contact.unknown");
    }

    static List<String> messageKeys() {
        return List.of(
                "conversation.link.needed",
                "conversation.link.button",
                "conversation.link.share_phone",
                "conversation.link.share_phone_button",
                "conversation.contact.not_own",
                "conversation.contact.unknown");
    }

    private Step say(Turn turn, Language language, String key) {
        return new Step(turn.state(), List.of(new Outbound.Text(texts.text(language, key))), language);
    }
}
