package org.socialbank.conversation.engine;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Outbox row ids that grow with time (the layout of RFC 9562 UUIDv7: 48 bits of Unix
 * milliseconds, a 12-bit counter within the millisecond, 62 random bits), strictly increasing
 * within this node: the replies of one chat are sent in the order of their ids, so two replies
 * written in one transaction keep their order. Both stores compare UUIDs as unsigned bytes.
 */
final class OutboxIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int COUNTER_MAX = 0xFFF;

    private static long lastMillis;
    private static int counter;

    private OutboxIds() {
    }

    static synchronized UUID next() {
        long now = System.currentTimeMillis();
        if (now > lastMillis) {
            lastMillis = now;
            counter = 0;
        } else if (++counter > COUNTER_MAX) {
            lastMillis++; // borrow the next millisecond rather than go back
            counter = 0;
        }
        long high = (lastMillis << 16) | 0x7000L | counter;
        long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
