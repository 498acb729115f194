package org.socialbank.channels.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The throttle on a compressed clock: waiting advances the clock, nothing sleeps. */
class ThrottleUnitTests {

    /** Time that moves only when someone waits. */
    static final class CompressedTime implements Throttle.Time {
        private final java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(1_000);

        @Override
        public long nanos() {
            return now.get();
        }

        @Override
        public void sleep(long nanos) {
            now.addAndGet(nanos);
        }

        void advance(long nanos) {
            now.addAndGet(nanos);
        }
    }

    @RepeatedTest(5)
    void noWindowEverHoldsMoreThanTheRates(RepetitionInfo repetition) throws InterruptedException {
        long seed = 20261122L + repetition.getCurrentRepetition();
        Random random = new Random(seed);
        CompressedTime time = new CompressedTime();
        Throttle throttle = new Throttle(time, 5, 1, 3);
        List<String> chats = List.of("11", "12", "13", "14", "15", "16", "-100", "-200");
        List<long[]> sends = new ArrayList<>(); // [chat index, time]
        for (int i = 0; i < 300; i++) {
            int chat = random.nextInt(chats.size());
            if (random.nextInt(4) == 0) {
                time.advance(random.nextInt(400_000_000));
            }
            assertThat(throttle.acquire(chats.get(chat), Throttle.group(chats.get(chat), null), Long.MAX_VALUE / 4))
                    .isEqualTo(Throttle.Turn.GO);
            sends.add(new long[] {chat, time.nanos()});
        }
        List<Long> all = sends.stream().map(s -> s[1]).toList();
        assertThat(mostInWindow(all, Throttle.SECOND)).as("seed " + seed).isLessThanOrEqualTo(5);
        for (int c = 0; c < chats.size(); c++) {
            int index = c;
            List<Long> times =
                    sends.stream().filter(s -> s[0] == index).map(s -> s[1]).toList();
            if (Throttle.group(chats.get(c), null)) {
                assertThat(mostInWindow(times, Throttle.MINUTE))
                        .as("seed " + seed)
                        .isLessThanOrEqualTo(3);
            } else {
                assertThat(mostInWindow(times, Throttle.SECOND))
                        .as("seed " + seed)
                        .isLessThanOrEqualTo(1);
            }
        }
    }

    /** The most sends in any half-open window {@code [t, t + length)}. */
    static int mostInWindow(List<Long> times, long length) {
        List<Long> sorted = times.stream().sorted().toList();
        int most = 0;
        for (int i = 0, j = 0; i < sorted.size(); i++) {
            while (sorted.get(i) - sorted.get(j) >= length) {
                j++;
            }
            most = Math.max(most, i - j + 1);
        }
        return most;
    }

    @Test
    void aTurnLaterThanTheBoundIsBusyAndNotCounted() throws InterruptedException {
        CompressedTime time = new CompressedTime();
        Throttle throttle = new Throttle(time, 30, 1, 20);
        assertThat(throttle.acquire("7", false, 0)).isEqualTo(Throttle.Turn.GO);
        assertThat(throttle.acquire("7", false, Throttle.SECOND / 2)).isEqualTo(Throttle.Turn.BUSY);
        assertThat(throttle.acquire("8", false, 0))
                .as("another chat has its own window")
                .isEqualTo(Throttle.Turn.GO);
        assertThat(throttle.acquire("7", false, Throttle.SECOND)).isEqualTo(Throttle.Turn.GO);
    }

    @Test
    void aPauseStopsEveryChatUntilItEnds() throws InterruptedException {
        CompressedTime time = new CompressedTime();
        Throttle throttle = new Throttle(time, 30, 1, 20);
        throttle.pause(3);
        assertThat(throttle.acquire("1", false, Long.MAX_VALUE / 4)).isEqualTo(Throttle.Turn.PAUSED);
        assertThat(throttle.acquire("-5", true, 0)).isEqualTo(Throttle.Turn.PAUSED);
        time.advance(3 * Throttle.SECOND);
        assertThat(throttle.acquire("1", false, 0)).isEqualTo(Throttle.Turn.GO);
    }
}
