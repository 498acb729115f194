package org.socialbank.directory;

import java.util.Optional;
import org.socialbank.shared.Language;

/**
 * The language a chat speaks before it is linked to a customer (issue 13: one setting for the bot
 * and the pages). Linked chats speak their customer's language ({@link Directory#settings}); a chat
 * that is not linked yet keeps its own, which the conversation module stores and implements this
 * for, so that the sign-in page opened from that chat speaks it, and a language chosen on that
 * page is the chat's.
 */
public interface ChatLanguages {

    /** The language chosen in the chat, if any. */
    Optional<Language> chosen(IdentityId chat);

    /** The chat speaks {@code language} from now on. */
    void choose(IdentityId chat, Language language);
}
