package org.socialbank.alerts;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.Network;

/**
 * A customer's alert settings: which kinds, from which amount, quiet hours in their zone (alerts
 * are held through them and sent after, never dropped), the preferred chat network and the order
 * in which her other chats take an alert a platform refused.
 *
 * @param minAmountMinor postings below it are not alerted (in the account's minor units)
 * @param quietFrom start of the quiet hours (local), null for none; {@code quietTo} likewise
 * @param zone her own zone ({@code Directory#settings}): the alerts module reads settings in it
 * @param preferredChannel where alerts go first, null for the most recently linked chat (X: by DM,
 *     never as a tweet)
 * @param delivery each alert at once, or a daily digest of them sent the next morning in her zone
 * @param chatOrder the networks tried next, in turn, when a platform refuses an alert (blocked, its
 *     window closed); then her other linked chats, newest link first; SMS last (issue 17, 1.8)
 */
public record AlertSettings(
        CustomerId customerId,
        Set<AlertKind> kinds,
        long minAmountMinor,
        LocalTime quietFrom,
        LocalTime quietTo,
        ZoneId zone,
        Network preferredChannel,
        AlertDelivery delivery,
        List<Network> chatOrder) {

    /** The most networks a chat order names (there are fewer networks). */
    public static final int CHAT_ORDER_MAX = 8;

    public AlertSettings {
        Objects.requireNonNull(customerId, "customerId");
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        Objects.requireNonNull(zone, "zone");
        if (minAmountMinor < 0) {
            throw new IllegalArgumentException("min_amount_negative");
        }
        if ((quietFrom == null) != (quietTo == null) || quietFrom != null && quietFrom.equals(quietTo)) {
            throw new IllegalArgumentException("quiet_hours_invalid");
        }
        delivery = delivery == null ? AlertDelivery.INSTANT : delivery;
        chatOrder = chatOrder == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(chatOrder));
        if (chatOrder.size() > CHAT_ORDER_MAX) {
            throw new IllegalArgumentException("chat_order_invalid");
        }
    }

    /** Settings without a chat order of her own. */
    public AlertSettings(
            CustomerId customerId,
            Set<AlertKind> kinds,
            long minAmountMinor,
            LocalTime quietFrom,
            LocalTime quietTo,
            ZoneId zone,
            Network preferredChannel,
            AlertDelivery delivery) {
        this(customerId, kinds, minAmountMinor, quietFrom, quietTo, zone, preferredChannel, delivery, List.of());
    }

    /** Settings with alerts sent at once. */
    public AlertSettings(
            CustomerId customerId,
            Set<AlertKind> kinds,
            long minAmountMinor,
            LocalTime quietFrom,
            LocalTime quietTo,
            ZoneId zone,
            Network preferredChannel) {
        this(customerId, kinds, minAmountMinor, quietFrom, quietTo, zone, preferredChannel, AlertDelivery.INSTANT);
    }

    /** Every kind, from any amount, no quiet hours, UTC, no preferred network. */
    public static AlertSettings defaults(CustomerId customerId) {
        return defaults(customerId, ZoneId.of("UTC"));
    }

    /**
     * The settings of a customer who changed none: every kind, from 0, no quiet hours, in {@code zone}
     * (her language's, {@code shared.Dates.zoneOf}: the zone her alerts' times and any quiet hours she
     * later sets are read in).
     */
    public static AlertSettings defaults(CustomerId customerId, ZoneId zone) {
        return new AlertSettings(customerId, EnumSet.allOf(AlertKind.class), 0, null, null, zone, null);
    }

    /** Whether a posting of this kind and amount is alerted at all. */
    public boolean wants(AlertKind kind, long amountMinor) {
        return kinds.contains(kind) && amountMinor >= minAmountMinor;
    }

    /** When the quiet hours that hold {@code at} end; empty outside them. Wraps midnight (22:00-07:00). */
    public Optional<Instant> quietUntil(Instant at) {
        return org.socialbank.shared.QuietHours.until(at, zone, quietFrom, quietTo);
    }

    public AlertSettings withKind(AlertKind kind, boolean on) {
        EnumSet<AlertKind> next = kinds.isEmpty() ? EnumSet.noneOf(AlertKind.class) : EnumSet.copyOf(kinds);
        if (on) {
            next.add(kind);
        } else {
            next.remove(kind);
        }
        return new AlertSettings(
                customerId, next, minAmountMinor, quietFrom, quietTo, zone, preferredChannel, delivery, chatOrder);
    }

    public AlertSettings withAll(boolean on) {
        return new AlertSettings(
                customerId,
                on ? EnumSet.allOf(AlertKind.class) : Set.of(),
                minAmountMinor,
                quietFrom,
                quietTo,
                zone,
                preferredChannel,
                delivery,
                chatOrder);
    }

    public AlertSettings withMinAmountMinor(long min) {
        return new AlertSettings(
                customerId, kinds, min, quietFrom, quietTo, zone, preferredChannel, delivery, chatOrder);
    }

    public AlertSettings withPreferredChannel(Network channel) {
        return new AlertSettings(
                customerId, kinds, minAmountMinor, quietFrom, quietTo, zone, channel, delivery, chatOrder);
    }

    /** Quiet hours from {@code from} to {@code to} local time; both null for none. */
    public AlertSettings withQuietHours(LocalTime from, LocalTime to) {
        return new AlertSettings(
                customerId, kinds, minAmountMinor, from, to, zone, preferredChannel, delivery, chatOrder);
    }

    /** The same settings read in {@code next}: the customer's own zone (issue 13), which they follow. */
    public AlertSettings withZone(ZoneId next) {
        return new AlertSettings(
                customerId, kinds, minAmountMinor, quietFrom, quietTo, next, preferredChannel, delivery, chatOrder);
    }

    public AlertSettings withChatOrder(List<Network> next) {
        return new AlertSettings(
                customerId, kinds, minAmountMinor, quietFrom, quietTo, zone, preferredChannel, delivery, next);
    }

    /**
     * Where a chat on {@code network} comes in her order: the preferred network first, then the
     * chat order's, then any other (newest link first among equals).
     */
    public int rank(Network network) {
        if (network == preferredChannel) {
            return 0;
        }
        int at = chatOrder.indexOf(network);
        return at >= 0 ? 1 + at : 1 + chatOrder.size();
    }

    public AlertSettings withDelivery(AlertDelivery next) {
        return new AlertSettings(
                customerId, kinds, minAmountMinor, quietFrom, quietTo, zone, preferredChannel, next, chatOrder);
    }

    /**
     * When the digest of the posting at {@code at} goes: {@code digestAt} local time on the day after
     * its day (daily) or its week (weekly, weeks from Monday) in her zone, or when her quiet hours
     * around that moment end.
     */
    public Instant digestDue(Instant at, LocalTime digestAt) {
        java.time.LocalDate after = dayOf(at).plusDays(delivery == AlertDelivery.WEEKLY ? 7 : 1);
        Instant next = after.atTime(digestAt).atZone(zone).toInstant();
        return quietUntil(next).orElse(next);
    }

    /**
     * The day, in her zone, a posting at {@code at} belongs to: its own day, or for a weekly digest
     * the Monday of its week (one digest per customer and such day).
     */
    public java.time.LocalDate dayOf(Instant at) {
        java.time.LocalDate day = at.atZone(zone).toLocalDate();
        return delivery == AlertDelivery.WEEKLY
                ? day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
                : day;
    }
}
