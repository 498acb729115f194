package org.socialbank.shared.web;

import java.util.Optional;
import org.socialbank.shared.Network;

/**
 * Where a network's chat with the bank opens from a browser (issue 13: every done page has a
 * "back to the chat" link). Each channel adapter implements it from its own settings (Telegram's
 * bot username, WhatsApp's business number, the web chat's address); a network it does not know,
 * or whose address its settings do not tell, is empty, and the page then has no link.
 */
public interface ChatAddresses {

    /** The https address that opens the bank's chat on {@code network}, when this adapter knows it. */
    Optional<String> of(Network network);
}
