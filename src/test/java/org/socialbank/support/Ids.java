package org.socialbank.support;

import java.util.UUID;
import java.util.random.RandomGenerator;

/** Random UUIDs from a seeded generator, so a failing seeded test replays exactly. */
public final class Ids {

    private Ids() {}

    public static UUID uuid(RandomGenerator random) {
        return new UUID(
                (random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }
}
