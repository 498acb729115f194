package org.socialbank.shared;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids that grow with time (the layout of RFC 9562 UUIDv7: 48 bits of Unix milliseconds, a 12-bit
 * counter within the millisecond, 62 random bits), strictly increasing within this node. The
 * outbox's row ids come from here, and so do those a module picks for a message before the engine
 * writes it (a campaign's, to match the platform's reports): one sequence, so a chat's replies keep
 * their order whoever chose their ids. Both stores compare UUIDs as unsigned bytes.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int COUNTER_MAX = 0xFFF;

    private static long lastMillis;
    private static int counter;

    private TimeOrderedIds() {}

    public static synchronized UUID next() {
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
