package org.socialbank.conversation.engine;

import java.util.UUID;
import org.socialbank.shared.TimeOrderedIds;

/**
 * Outbox row ids that grow with time, strictly increasing within this node: the replies of one
 * chat are sent in the order of their ids, so two replies written in one transaction keep their
 * order. The sequence is {@link TimeOrderedIds}', which a module also draws from when it picks a
 * message's id before the engine writes it (issue 17's campaigns).
 */
final class OutboxIds {

    private OutboxIds() {}

    static UUID next() {
        return TimeOrderedIds.next();
    }
}
