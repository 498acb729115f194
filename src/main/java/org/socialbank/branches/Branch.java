package org.socialbank.branches;

import java.util.Objects;

/**
 * A branch or an ATM of the bank.
 *
 * @param id the bank's own code, stable across restarts (e.g. {@code PAR-01})
 * @param hours opening hours as the bank words them, empty for a 24/7 ATM
 */
public record Branch(
        String id, String name, String address, String city, double lat, double lon, String hours, boolean atmOnly) {

    public Branch {
        requireText(id, "id", 32);
        requireText(name, "name", 120);
        requireText(address, "address", 200);
        requireText(city, "city", 80);
        Objects.requireNonNull(hours, "hours");
        if (hours.length() > 120) {
            throw new IllegalArgumentException("hours is at most 120 characters");
        }
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("latitude -90..90, longitude -180..180");
        }
    }

    /** Great-circle distance in metres (haversine on a sphere of the Earth's mean radius). */
    public long metresTo(double fromLat, double fromLon) {
        double dLat = Math.toRadians(lat - fromLat);
        double dLon = Math.toRadians(lon - fromLon);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(fromLat)) * Math.cos(Math.toRadians(lat)) * Math.pow(Math.sin(dLon / 2), 2);
        return Math.round(2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(a))));
    }

    private static void requireText(String value, String name, int lengthMax) {
        if (value == null || value.isBlank() || value.length() > lengthMax) {
            throw new IllegalArgumentException(name + " is 1 to " + lengthMax + " characters");
        }
    }
}
