package org.socialbank.campaigns;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket in whole messages: {@code perSecond} accrue each second (a fraction for slow
 * platforms: X's 200 DMs in 15 minutes is 0.22), up to one second's worth plus a round's; what a
 * round did not use carries over. With a {@code dailyMax} (WhatsApp's messaging tier), at most that
 * many in any moving 24 hours as well, counted per minute. Time is given, never read, so a test or
 * a benchmark drives it.
 */
final class Pace {

    static final int MINUTES_PER_DAY = 24 * 60;

    private final double perSecond;
    private final int burstMax;
    private final int dailyMax;
    /** Messages taken per minute of the last 24 hours, by minute of the epoch modulo a day; null without a daily cap. */
    private final int[] perMinute;
    /** The minute (of the epoch) each slot of {@link #perMinute} counts. */
    private final long[] minuteOf;

    private double tokens;
    private Instant last;

    Pace(double perSecond, int burstMax) {
        this(perSecond, burstMax, 0);
    }

    /** {@code dailyMax} 0: no daily cap. */
    Pace(double perSecond, int burstMax, int dailyMax) {
        if (!(perSecond > 0) || burstMax < 1 || dailyMax < 0) {
            throw new IllegalArgumentException("a pace needs a positive rate and burst, a daily cap >= 0");
        }
        this.perSecond = perSecond;
        this.burstMax = (int) Math.max(Math.ceil(perSecond), burstMax);
        this.dailyMax = dailyMax;
        this.perMinute = dailyMax == 0 ? null : new int[MINUTES_PER_DAY];
        this.minuteOf = dailyMax == 0 ? null : new long[MINUTES_PER_DAY];
    }

    /** How many messages may go now, at most {@code want}; they are taken. */
    synchronized int take(Instant now, int want) {
        if (last == null) {
            last = now;
            tokens = Math.max(1, perSecond); // the first second's worth at once
        } else if (now.isAfter(last)) {
            tokens = Math.min(burstMax, tokens + Duration.between(last, now).toNanos() * perSecond / 1e9);
            last = now;
        }
        int taken = (int) Math.min(want, Math.floor(tokens));
        if (perMinute != null) {
            taken = Math.max(0, Math.min(taken, dailyMax - usedToday(now)));
            perMinute[slot(last)] += taken;
        }
        tokens -= taken;
        return taken;
    }

    /** Gives back what a round took but did not send (recipients settled without a message). */
    synchronized void giveBack(int unused) {
        tokens = Math.min(burstMax, tokens + unused);
        if (perMinute != null && last != null) {
            int slot = slot(last);
            perMinute[slot] = Math.max(0, perMinute[slot] - unused);
        }
    }

    /** Messages taken in the 24 hours up to {@code now}. */
    private int usedToday(Instant now) {
        long minute = now.getEpochSecond() / 60;
        int used = 0;
        for (int i = 0; i < MINUTES_PER_DAY; i++) {
            if (minuteOf[i] > minute - MINUTES_PER_DAY && minuteOf[i] <= minute) {
                used += perMinute[i];
            }
        }
        return used;
    }

    /** The minute's slot, emptied when it last held a minute a day or more ago. */
    private int slot(Instant at) {
        long minute = at.getEpochSecond() / 60;
        int slot = (int) Math.floorMod(minute, (long) MINUTES_PER_DAY);
        if (minuteOf[slot] != minute) {
            minuteOf[slot] = minute;
            perMinute[slot] = 0;
        }
        return slot;
    }
}
