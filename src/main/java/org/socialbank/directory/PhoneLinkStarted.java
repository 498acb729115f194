package org.socialbank.directory;

import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/**
 * A chat account shared a phone the network vouches for, and it is a customer's verified phone:
 * a code went by SMS to that phone (shown masked), and the chat is linked once it is typed on the
 * page at {@code url}. Channels say so in that chat.
 */
public record PhoneLinkStarted(
        IdentityId identityId, Network channel, Language language, String maskedPhone, String url) {}
