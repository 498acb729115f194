package org.socialbank.shared.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.socialbank.shared.web.Garbage.Value;
import org.socialbank.shared.web.OpenApiOperation.Kind;
import org.socialbank.shared.web.PageRoute.Field;

/**
 * The bad requests for one page route, from what its handler reads and a seeded generator. Each
 * probe changes one thing of an otherwise plausible request: one path variable (values from
 * {@link Garbage#PATH}), one query or form value ({@link Garbage#query}, plus 10 KB of text in a
 * form), or the form as a whole (no fields). Some carry {@code HX-Request: true}, as htmx sends.
 * At most {@link #PROBES_MAX} a route (more when path variables take it all): the plausible
 * request, the empty form, nine garbage values per path variable ({@link #ALWAYS_IN_PATH} and
 * {@link #PATH_DRAWN} drawn), then query or form values round-robin.
 */
final class PageInputs {

    static final int PROBES_MAX = 20;

    /**
     * Every path variable gets these (by their {@link Garbage#PATH} labels): not a UUID, a huge
     * number, NUL, a parent step, 2,000 characters, right-to-left text, an emoji...
     */
    static final Set<String> ALWAYS_IN_PATH =
            Set.of("not-a-uuid", "9223372036854775808", "%00", "..", "2000 x", "RTL Arabic", "emoji");

    /** ...and this many more drawn from the rest. */
    static final int PATH_DRAWN = 2;

    /** One request: what it changed, the path and query, the form body (or null), whether htmx. */
    record Probe(String input, String target, String form, boolean htmx) {

        String label() {
            return input + (htmx ? " (htmx)" : "");
        }
    }

    private final PageRoute route;
    private final RandomGenerator random;

    PageInputs(PageRoute route, RandomGenerator random) {
        this.route = route;
        this.random = random;
    }

    List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        probes.add(probe("plausible", plausible(route.path()), plausible(route.fields())));
        if (route.writes()) {
            probes.add(probe("form: no fields", plausible(route.path()), Map.of()));
        }
        for (Field variable : route.path().values()) {
            List<Value> drawn = new ArrayList<>(Garbage.PATH);
            drawn.removeIf(v -> ALWAYS_IN_PATH.contains(v.label()));
            shuffle(drawn);
            List<Value> values = new ArrayList<>(Garbage.PATH.stream()
                    .filter(v -> ALWAYS_IN_PATH.contains(v.label()))
                    .toList());
            values.addAll(drawn.subList(0, PATH_DRAWN));
            for (Value bad : values) {
                Map<String, String> path = plausible(route.path());
                path.put(variable.name(), bad.text());
                probes.add(probe("path " + variable.name() + "=" + bad.label(), path, plausible(route.fields())));
            }
        }
        List<Deque<Probe>> perField = new ArrayList<>();
        for (Field field : route.fields().values()) {
            List<Value> values = new ArrayList<>(Garbage.query(field.kind(), field.name()));
            if (route.writes() && field.kind() == Kind.STRING) {
                values.add(new Value("10 KB", Garbage.TEN_KB));
            }
            shuffle(values);
            Deque<Probe> queue = new ArrayDeque<>();
            for (Value bad : values) {
                Map<String, String> fields = plausible(route.fields());
                fields.put(field.name(), bad.text());
                queue.add(probe(field.name() + "=" + bad.label(), plausible(route.path()), fields));
            }
            Map<String, String> without = plausible(route.fields());
            without.remove(field.name());
            queue.addFirst(probe(field.name() + " missing", plausible(route.path()), without));
            perField.add(queue);
        }
        while (probes.size() < PROBES_MAX && perField.stream().anyMatch(q -> !q.isEmpty())) {
            for (Deque<Probe> queue : perField) {
                if (!queue.isEmpty() && probes.size() < PROBES_MAX) {
                    probes.add(queue.poll());
                }
            }
        }
        return probes;
    }

    /** Fisher-Yates with the route's generator (Collections.shuffle takes a RandomGenerator only from Java 21). */
    private void shuffle(List<Value> values) {
        for (int i = values.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            values.set(i, values.set(j, values.get(i)));
        }
    }

    /** A GET carries its values in the query, a write in the form body. */
    private Probe probe(String input, Map<String, String> path, Map<String, String> fields) {
        String encoded = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        boolean htmx = random.nextInt(3) == 0;
        if (route.writes()) {
            return new Probe(input, route.path(path), encoded, htmx);
        }
        return new Probe(input, route.path(path) + (encoded.isEmpty() ? "" : "?" + encoded), null, htmx);
    }

    private static Map<String, String> plausible(Map<String, Field> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.values().forEach(f -> values.put(f.name(), f.plausible()));
        return values;
    }
}
