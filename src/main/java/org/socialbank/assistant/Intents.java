package org.socialbank.assistant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** BANKING77's 77 intent names, from the categories file shipped with its data. */
final class Intents {

    static final Set<String> ALL = read("assistant/banking77/categories.json");

    private Intents() {}

    private static Set<String> read(String resource) {
        try (InputStream in = Intents.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            // a JSON array of plain names: no escapes in them
            Matcher names =
                    Pattern.compile("\"([^\"\\\\]+)\"").matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Set<String> all = new TreeSet<>();
            while (names.find()) {
                all.add(names.group(1));
            }
            return Set.copyOf(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
