package org.socialbank.shared;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A per-currency setting with shipped defaults ({@code ...minor.<CUR>}): a configured currency
 * overrides its default or adds one, and the other shipped currencies stay, so setting one
 * currency never wipes the rest (review 2026-12-07 docs follow-up; as {@code cards} and
 * {@code payments.risk} always did).
 */
public final class CurrencyDefaults {

    private CurrencyDefaults() {}

    /**
     * The defaults, overridden and extended by the configured entries (null: none). A null value in the
     * configured map is kept, for the caller's validation to refuse with the property's name.
     */
    public static <V> Map<String, V> merged(Map<String, V> defaults, Map<String, V> configured) {
        Map<String, V> all = new HashMap<>(defaults);
        if (configured != null) {
            all.putAll(configured);
        }
        return Collections.unmodifiableMap(all);
    }
}
