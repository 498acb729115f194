package org.socialbank.shared;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * When something happened, as one customer reads it: in her language and in her zone (issue 13,
 * "dates everywhere in the customer's zone, a setting per customer, default by language"). The
 * zone is the one she chose ({@code customers.time_zone}), else her language's default
 * ({@link Dates#zoneOf(Locale)}: fa Asia/Tehran, zh Asia/Shanghai, ru Europe/Moscow, fr
 * Europe/Paris, en Europe/London). Only zones that name a place may be chosen, so a customer's
 * page never says "UTC".
 */
public record CustomerTime(Locale locale, ZoneId zone) {

    /** The longest zone text read from a customer ("America/Argentina/ComodRivadavia" is 32). */
    public static final int ZONE_LENGTH_MAX = 64;

    /** Region ids by their lower case ("europe/paris"), and by their city alone when that is unique. */
    private static final Map<String, ZoneId> REGIONS = regions();

    private static final Map<String, ZoneId> CITIES = cities();

    /** Cities as their people write them, for the zones of the five languages' countries and a few more. */
    private static final Map<String, String> NATIVE = Map.ofEntries(
            Map.entry("تهران", "Asia/Tehran"),
            Map.entry("مشهد", "Asia/Tehran"),
            Map.entry("پاریس", "Europe/Paris"),
            Map.entry("لندن", "Europe/London"),
            Map.entry("上海", "Asia/Shanghai"),
            Map.entry("北京", "Asia/Shanghai"),
            Map.entry("巴黎", "Europe/Paris"),
            Map.entry("伦敦", "Europe/London"),
            Map.entry("香港", "Asia/Hong_Kong"),
            Map.entry("москва", "Europe/Moscow"),
            Map.entry("париж", "Europe/Paris"),
            Map.entry("лондон", "Europe/London"),
            Map.entry("новосибирск", "Asia/Novosibirsk"));

    public CustomerTime {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(zone, "zone");
    }

    /** The customer's time: her chosen zone, or her language's when she chose none ({@code chosen} null). */
    public static CustomerTime of(Locale locale, ZoneId chosen) {
        return new CustomerTime(locale, chosen == null ? defaultZone(locale) : chosen);
    }

    /** The zone of a customer who reads {@code locale} and chose none. */
    public static ZoneId defaultZone(Locale locale) {
        return Dates.zoneOf(locale);
    }

    /** "Dec 1, 2026", "۱۱ آذر ۱۴۰۵", "2026年12月2日", in her zone. */
    public String date(Instant at) {
        return Dates.date(at, locale, zone);
    }

    /** The day and the time in her zone, with the zone named by its place, never "UTC". */
    public String dateTime(Instant at) {
        return Dates.dateTime(at, locale, zone);
    }

    /** The time of day in her zone, e.g. "21:30". */
    public String time(Instant at) {
        return Dates.time(at, locale, zone);
    }

    /** When the month of {@code at} began in her calendar and zone. */
    public Instant monthStart(Instant at) {
        return Dates.monthStart(at, locale, zone);
    }

    /**
     * A zone a customer may choose, read from what she typed: an IANA region id in any case
     * ("Europe/Paris", "asia/tehran"), or a city alone ("Paris", "new york", "تهران", "上海").
     * Empty for anything else, among them UTC, GMT and bare offsets, which name no place.
     */
    public static Optional<ZoneId> parse(String text) {
        if (text == null || text.isBlank() || text.length() > ZONE_LENGTH_MAX) {
            return Optional.empty();
        }
        String key = text.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        ZoneId region = REGIONS.get(key);
        if (region != null) {
            return Optional.of(region);
        }
        String nativeId = NATIVE.get(text.strip().toLowerCase(Locale.ROOT));
        return nativeId != null ? Optional.of(ZoneId.of(nativeId)) : Optional.ofNullable(CITIES.get(key));
    }

    /** Whether a stored or configured zone names a place (a region id, not UTC or an offset). */
    public static boolean choosable(ZoneId zone) {
        return zone != null && REGIONS.containsKey(zone.getId().toLowerCase(Locale.ROOT));
    }

    private static Map<String, ZoneId> regions() {
        Map<String, ZoneId> regions = new TreeMap<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (id.indexOf('/') > 0 && !id.startsWith("Etc/") && !id.startsWith("SystemV/")) {
                regions.put(id.toLowerCase(Locale.ROOT), ZoneId.of(id));
            }
        }
        return Map.copyOf(regions);
    }

    private static Map<String, ZoneId> cities() {
        Map<String, java.util.List<ZoneId>> byCity = REGIONS.entrySet().stream()
                .collect(Collectors.groupingBy(
                        e -> e.getKey().substring(e.getKey().lastIndexOf('/') + 1),
                        TreeMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<String, ZoneId> unique = new TreeMap<>();
        byCity.forEach((city, zones) -> {
            if (zones.size() == 1) {
                unique.put(city, zones.get(0));
            }
        });
        return Map.copyOf(unique);
    }
}
