package org.socialbank.campaigns;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket in whole messages: {@code perSecond} accrue each second, up to one second's worth
 * plus a round's; what a round did not use carries over. Time is given, never read, so a test or a
 * benchmark drives it.
 */
final class Pace {

    private final int perSecond;
    private final int burstMax;
    private double tokens;
    private Instant last;

    Pace(int perSecond, int burstMax) {
        this.perSecond = perSecond;
        this.burstMax = Math.max(perSecond, burstMax);
    }

    /** How many messages may go now, at most {@code want}; they are taken. */
    synchronized int take(Instant now, int want) {
        if (last == null) {
            last = now;
            tokens = perSecond; // the first second's worth at once
        } else if (now.isAfter(last)) {
            tokens = Math.min(burstMax, tokens + Duration.between(last, now).toNanos() * perSecond / 1e9);
            last = now;
        }
        int taken = (int) Math.min(want, Math.floor(tokens));
        tokens -= taken;
        return taken;
    }

    /** Gives back what a round took but did not send (recipients settled without a message). */
    synchronized void giveBack(int unused) {
        tokens = Math.min(burstMax, tokens + unused);
    }
}
