package org.socialbank.ledger;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Free, bounded key/value notes on a transfer (a chat message id, a bill reference). Flat string
 * pairs only, so that two requests carrying the same notes compare equal and replays are exact.
 */
public record Metadata(SortedMap<String, String> entries) {

    public static final int ENTRIES_MAX = 16;
    public static final int KEY_LENGTH_MAX = 64;
    public static final int VALUE_LENGTH_MAX = 256;
    public static final Metadata EMPTY = new Metadata(new TreeMap<>());
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{1," + KEY_LENGTH_MAX + "}");

    public Metadata {
        if (entries.size() > ENTRIES_MAX) {
            throw new IllegalArgumentException("metadata holds at most " + ENTRIES_MAX + " entries");
        }
        entries.forEach((key, value) -> {
            if (key == null || !KEY.matcher(key).matches()) {
                throw new IllegalArgumentException(
                        "metadata keys are 1 to " + KEY_LENGTH_MAX + " characters of A-Z a-z 0-9 _ . : -");
            }
            if (value == null
                    || value.length() > VALUE_LENGTH_MAX
                    || value.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("metadata values are strings of at most " + VALUE_LENGTH_MAX
                        + " characters without control characters");
            }
        });
        entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }

    public static Metadata of(Map<String, String> entries) {
        return entries == null || entries.isEmpty() ? EMPTY : new Metadata(new TreeMap<>(entries));
    }
}
