package org.socialbank.support;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeded randomness for tests, one convention: a run draws a fresh seed and logs it; set
 * {@code -Dsocialbank.test.seed=N} (or its short form {@code -Dseed=N}) to replay that run.
 * Generators are {@code L64X128MixRandom}. A test puts the seed in its assertion messages
 * ({@link #replay}) or in its parameterized name ({@link #consecutive}, {@link #fixedAndFresh}).
 */
public final class Seeds {

    /** The system property that replays a run. */
    public static final String PROPERTY = "socialbank.test.seed";
    /** Its short form, which the docs of older tests name. */
    public static final String SHORT_PROPERTY = "seed";

    private static final Logger LOG = LoggerFactory.getLogger(Seeds.class);

    private Seeds() {}

    /** The seed of this run for {@code who}: the property's if set, else a fresh one; logged. */
    public static long seed(String who) {
        String fixed = property();
        long seed = fixed != null
                ? Long.parseLong(fixed.trim())
                : System.nanoTime() ^ Double.doubleToLongBits(Math.random());
        LOG.info("{} seed {} (replay: -D{}={})", who, seed, PROPERTY, seed);
        return seed;
    }

    /** {@code count} consecutive seeds from {@link #seed(String)}: replaying the first replays all. */
    public static LongStream consecutive(String who, int count) {
        long base = seed(who);
        return LongStream.range(0, count).map(i -> base + i);
    }

    /**
     * A fixed seed that always runs and a fresh one, or only the property's seed when it is set:
     * for invariant tests whose fixed seed is the regression and whose fresh one explores.
     */
    public static List<Long> fixedAndFresh(String who, long fixed) {
        if (property() != null) {
            return List.of(seed(who));
        }
        return List.of(fixed, seed(who));
    }

    /** The seed the run was given, if any. */
    public static Long fixed() {
        String fixed = property();
        return fixed == null ? null : Long.parseLong(fixed.trim());
    }

    private static String property() {
        return System.getProperty(PROPERTY, System.getProperty(SHORT_PROPERTY));
    }

    /** The tests' generator for a seed. */
    public static RandomGenerator random(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    /** An assertion description that names the seed and how to replay it. */
    public static String replay(long seed) {
        return "seed " + seed + " (replay: -D" + PROPERTY + "=" + seed + ")";
    }
}
