package org.socialbank.conversation;

import java.util.List;

/** What became of an inbound message. */
public sealed interface Received {

    /** Handled now; the replies are in the outbox, committed with the effects. */
    record Handled(List<OutboundMessage> replies) implements Received {
        public Handled {
            replies = List.copyOf(replies);
        }
    }

    /** The same (channel, message id) was handled before: nothing was done again. */
    record Duplicate() implements Received {}
}
