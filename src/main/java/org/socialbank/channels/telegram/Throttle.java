package org.socialbank.channels.telegram;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One bot's sending rates, as Telegram documents them: at most {@code perSecond} messages in any
 * second over all chats, {@code chatPerSecond} in any second to one private chat and
 * {@code groupPerMinute} in any minute to one group. Sliding windows of send times (not token
 * buckets, which let twice the rate through across a refill edge), so that no window of the
 * documented length ever holds more. A 429's {@code retry_after} pauses the whole bot.
 */
final class Throttle {

    static final long SECOND = 1_000_000_000L;
    static final long MINUTE = 60 * SECOND;

    /** Chats remembered for their own windows; the least recently used is forgotten past this. */
    static final int CHATS_MAX = 10_000;

    /** Time and waiting, given so tests can compress them. */
    interface Time {
        long nanos();

        void sleep(long nanos) throws InterruptedException;

        Time SYSTEM = new Time() {
            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public void sleep(long nanos) throws InterruptedException {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        };
    }

    /** Whether a message may go now. */
    enum Turn {
        GO,
        PAUSED,
        BUSY
    }

    private final Time time;
    private final Window overall;
    private final int chatPerSecond;
    private final int groupPerMinute;
    private final Map<String, Window> chats = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > CHATS_MAX;
        }
    };
    private long pausedUntil;
    private boolean paused;

    Throttle(Time time, int perSecond, int chatPerSecond, int groupPerMinute) {
        this.time = time;
        this.overall = new Window(perSecond, SECOND);
        this.chatPerSecond = chatPerSecond;
        this.groupPerMinute = groupPerMinute;
    }

    /**
     * Waits for the chat's turn, at most {@code waitMaxNanos}; on {@link Turn#GO} the send is
     * counted. {@link Turn#PAUSED} while a 429 pause lasts, {@link Turn#BUSY} when the turn would
     * come later than the bound.
     */
    Turn acquire(String chatId, boolean group, long waitMaxNanos) throws InterruptedException {
        long deadline = time.nanos() + waitMaxNanos;
        while (true) {
            long wait;
            synchronized (this) {
                long now = time.nanos();
                if (paused && now - pausedUntil < 0) {
                    return Turn.PAUSED;
                }
                Window chat = window(chatId, group);
                wait = Math.max(overall.waitNanos(now), chat.waitNanos(now));
                if (wait == 0) {
                    overall.add(now);
                    chat.add(now);
                    return Turn.GO;
                }
                if (now + wait - deadline > 0) {
                    return Turn.BUSY;
                }
            }
            time.sleep(wait);
        }
    }

    /**
     * The chat's window, of a group's length when it is one; a chat first seen as a person's and
     * then recorded as a group (its type came with a later update) keeps its send times.
     */
    private Window window(String chatId, boolean group) {
        Window chat = chats.get(chatId);
        if (chat != null && chat.length == (group ? MINUTE : SECOND)) {
            return chat;
        }
        Window fresh = group ? new Window(groupPerMinute, MINUTE) : new Window(chatPerSecond, SECOND);
        if (chat != null) {
            fresh.times.addAll(chat.times);
        }
        chats.put(chatId, fresh);
        return fresh;
    }

    /**
     * How long until this chat's turn could come (a 429 pause, the bot's or the chat's window), as
     * of now; a hint for a "not now" answer, nothing is counted.
     */
    synchronized long nanosUntilTurn(String chatId) {
        long now = time.nanos();
        if (paused && now - pausedUntil < 0) {
            return pausedUntil - now;
        }
        Window chat = chats.get(chatId);
        return Math.max(overall.waitNanos(now), chat == null ? 0 : chat.waitNanos(now));
    }

    /** The platform answered 429: nothing goes for {@code seconds}. */
    synchronized void pause(int seconds) {
        long until = time.nanos() + Math.max(1, seconds) * SECOND;
        if (!paused || until - pausedUntil > 0) {
            pausedUntil = until;
        }
        paused = true;
    }

    /**
     * Telegram numbers groups, supergroups and channels with negative ids; Bale some groups with
     * positive ones, so the chat's type as its updates recorded it counts too: any but
     * {@code private} (review 2026-12-07 channels follow-up). Unknown type, positive id: a person.
     */
    static boolean group(String chatId, String chatType) {
        return chatId.startsWith("-") || chatType != null && !chatType.equals("private");
    }

    /** The send times of the last window, oldest first. */
    private static final class Window {

        private final int max;
        private final long length;
        private final ArrayDeque<Long> times = new ArrayDeque<>();

        Window(int max, long length) {
            this.max = max;
            this.length = length;
        }

        /** Nanoseconds until one more send keeps every window of {@code length} at {@code max} or fewer. */
        long waitNanos(long now) {
            for (Iterator<Long> it = times.iterator(); it.hasNext(); ) {
                if (now - it.next() >= length) {
                    it.remove();
                } else {
                    break;
                }
            }
            return times.size() < max ? 0 : times.peekFirst() + length - now;
        }

        void add(long now) {
            times.addLast(now);
        }
    }
}
