package org.socialbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every message exists in all five languages with the same placeholders, and every key used exists. */
class MessagesTests {

    static final Path RESOURCES = Path.of("src", "main", "resources");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    /** A key written twice keeps the last value silently (a merge can do that): each is written once. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "messages.properties",
                "messages_fr.properties",
                "messages_ru.properties",
                "messages_fa.properties",
                "messages_zh.properties"
            })
    void everyKeyIsWrittenOnce(String file) throws IOException {
        Set<String> seen = new TreeSet<>();
        Set<String> twice = new TreeSet<>();
        for (String line : Files.readAllLines(RESOURCES.resolve(file), StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            if (!line.isBlank()
                    && !line.startsWith("#")
                    && !line.startsWith(" ")
                    && equals > 0
                    && !seen.add(line.substring(0, equals).strip())) {
                twice.add(line.substring(0, equals).strip());
            }
        }
        assertThat(twice).as("keys written twice in %s", file).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fr", "ru", "fa", "zh"})
    void everyEnglishMessageIsTranslatedWithTheSamePlaceholders(String language) throws IOException {
        Properties english = load("messages.properties");
        Properties translated = load("messages_" + language + ".properties");
        assertThat(translated.stringPropertyNames())
                .as("keys of messages_%s", language)
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(translated.getProperty(key))
                    .as("%s in %s", key, language)
                    .isNotBlank();
            assertThat(placeholders(translated.getProperty(key)))
                    .as("placeholders of %s in %s", key, language)
                    .isEqualTo(placeholders(english.getProperty(key)));
        }
    }

    @Test
    void everyKeyTheTemplatesAndCodeUseExists() throws IOException {
        Set<String> known = load("messages.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Pattern templateKey = Pattern.compile("#\\{([a-z][a-z0-9_.]*[a-z0-9])");
        Pattern codeKey = Pattern.compile("getMessage\\(\"([a-z][a-z0-9_.]*[a-z0-9])\"");
        collect(RESOURCES.resolve("templates"), templateKey, used);
        collect(Path.of("src", "main", "java"), codeKey, used);
        // the conversation engine's sentences: texts.text(language, "conversation....", ...)
        collect(
                Path.of("src", "main", "java"),
                Pattern.compile("\\btext\\([a-zA-Z().]+, \"([a-z][a-z0-9_.]*[a-z0-9])\""),
                used);
        assertThat(used).isNotEmpty();
        assertThat(known).containsAll(used);
    }

    private static void collect(Path root, Pattern pattern, Set<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    into.add(m.group(1));
                }
            }
        }
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
