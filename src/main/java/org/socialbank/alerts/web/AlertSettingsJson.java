package org.socialbank.alerts.web;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.socialbank.alerts.AlertDelivery;
import org.socialbank.alerts.AlertKind;
import org.socialbank.alerts.AlertSettings;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.Network;

/**
 * Alert settings on the wire: {@code kinds} on/off by name, quiet hours as local "HH:mm", and
 * {@code chatOrder}: the networks (wire names) a refused alert tries next, in turn.
 */
record AlertSettingsJson(
        UUID customerId,
        Map<String, Boolean> kinds,
        Long minAmountMinor,
        QuietHours quietHours,
        String zone,
        String preferredChannel,
        String delivery,
        java.util.List<String> chatOrder) {

    record QuietHours(String from, String to) {}

    static AlertSettingsJson of(AlertSettings s) {
        Map<String, Boolean> kinds = new LinkedHashMap<>();
        for (AlertKind kind : AlertKind.values()) {
            kinds.put(kind.wireName(), s.kinds().contains(kind));
        }
        return new AlertSettingsJson(
                s.customerId().value(),
                kinds,
                s.minAmountMinor(),
                s.quietFrom() == null
                        ? null
                        : new QuietHours(s.quietFrom().toString(), s.quietTo().toString()),
                s.zone().getId(),
                s.preferredChannel() == null ? null : s.preferredChannel().wireName(),
                s.delivery().wireName(),
                s.chatOrder().stream().map(Network::wireName).toList());
    }

    /**
     * The settings this body asks for, members it leaves out kept from {@code current}.
     *
     * @throws IllegalArgumentException with the stable code of what is wrong
     */
    AlertSettings over(AlertSettings current) {
        EnumSet<AlertKind> on =
                current.kinds().isEmpty() ? EnumSet.noneOf(AlertKind.class) : EnumSet.copyOf(current.kinds());
        if (kinds != null) {
            kinds.forEach((name, value) -> {
                AlertKind kind =
                        AlertKind.fromWireName(name).orElseThrow(() -> new IllegalArgumentException("unknown_kind"));
                if (value == null) {
                    throw new IllegalArgumentException("unknown_kind");
                }
                if (value) {
                    on.add(kind);
                } else {
                    on.remove(kind);
                }
            });
        }
        LocalTime from = current.quietFrom();
        LocalTime to = current.quietTo();
        if (quietHours != null) {
            from = time(quietHours.from());
            to = time(quietHours.to());
        }
        ZoneId zoneId = zone == null ? current.zone() : zone(zone);
        Network channel = preferredChannel == null
                ? current.preferredChannel()
                : preferredChannel.isEmpty()
                        ? null
                        : Network.fromWireName(preferredChannel)
                                .orElseThrow(() -> new IllegalArgumentException("unknown_channel"));
        AlertDelivery how = delivery == null
                ? current.delivery()
                : AlertDelivery.fromWireName(delivery)
                        .orElseThrow(() -> new IllegalArgumentException("unknown_delivery"));
        java.util.List<Network> order = chatOrder == null
                ? current.chatOrder()
                : chatOrder.size() > AlertSettings.CHAT_ORDER_MAX
                        ? invalidOrder()
                        : chatOrder.stream()
                                .map(name -> Network.fromWireName(name == null ? "" : name)
                                        .orElseThrow(() -> new IllegalArgumentException("unknown_channel")))
                                .toList();
        return new AlertSettings(
                current.customerId(),
                on,
                minAmountMinor == null ? current.minAmountMinor() : minAmountMinor,
                from,
                to,
                zoneId,
                channel,
                how,
                order);
    }

    private static java.util.List<Network> invalidOrder() {
        throw new IllegalArgumentException("chat_order_invalid");
    }

    private static LocalTime time(String hhmm) {
        if (hhmm == null || !hhmm.matches("([01]\\d|2[0-3]):[0-5]\\d")) {
            throw new IllegalArgumentException("quiet_hours_invalid");
        }
        return LocalTime.parse(hhmm);
    }

    private static ZoneId zone(String id) {
        try {
            ZoneId zone = ZoneId.of(id);
            if (!org.socialbank.shared.CustomerTime.choosable(zone)) {
                throw new IllegalArgumentException("unknown_zone");
            }
            return zone;
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("unknown_zone");
        }
    }

    static CustomerId customer(UUID id) {
        return new CustomerId(id);
    }
}
