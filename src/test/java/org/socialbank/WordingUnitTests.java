package org.socialbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.shared.Network;

/**
 * Issue 13 (UX walk-through P12): the wording glitches a customer saw, in every language. A channel's
 * name put into a sentence about that channel does not repeat a word ("web chat chat", "此网页聊天聊天",
 * "گفتگوی گفت‌وگوی وب"); a name ending in a period does not end a sentence with two; Persian spells
 * گفت‌وگو one way.
 */
class WordingUnitTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "fr", "ru", "fa", "zh"})
    void aChannelsNameDoesNotRepeatAWordOfItsSentence(String suffix) throws IOException {
        Properties messages = load(suffix);
        Locale locale = suffix.isEmpty() ? Locale.ENGLISH : Locale.forLanguageTag(suffix);
        for (Network network : Network.values()) {
            String channel = messages.getProperty("channel." + network.wireName());
            assertThat(channel).as("channel.%s", network.wireName()).isNotBlank();
            for (String key : new String[] {"conversation.linked", "link.done.title", "link.warning"}) {
                String sentence = new MessageFormat(messages.getProperty(key), locale).format(new Object[] {channel});
                assertThat(repeatedWord(sentence))
                        .as("%s with %s in '%s': %s", key, channel, suffix, sentence)
                        .isNull();
                String last = channel.substring(channel.length() - Math.min(2, channel.length()));
                assertThat(sentence).as("%s in '%s'", key, suffix).doesNotContain(last + last);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "fr", "ru", "fa", "zh"})
    void theDonePageGreetsWithoutADoublePeriod(String suffix) throws IOException {
        Properties messages = load(suffix);
        Locale locale = suffix.isEmpty() ? Locale.ENGLISH : Locale.forLanguageTag(suffix);
        String body =
                new MessageFormat(messages.getProperty("link.done.body"), locale).format(new Object[] {"Alice Walker"});
        assertThat(body).contains("Alice Walker").doesNotContain("..").doesNotContain("*");
    }

    @org.junit.jupiter.api.Test
    void persianSpellsConversationOneWay() throws IOException {
        Properties persian = load("fa");
        for (String key : persian.stringPropertyNames()) {
            assertThat(persian.getProperty(key)).as(key).doesNotContain("گفتگو");
        }
    }

    /** The first word that follows itself (case-insensitive), or null. */
    static String repeatedWord(String sentence) {
        String[] words = sentence.toLowerCase(Locale.ROOT).split("[\\s\\p{Punct}«»،]+");
        for (int i = 1; i < words.length; i++) {
            if (!words[i].isEmpty() && words[i].equals(words[i - 1])) {
                return words[i];
            }
        }
        return null;
    }

    static Properties load(String suffix) throws IOException {
        Properties properties = new Properties();
        String name = suffix.isEmpty() ? "messages.properties" : "messages_" + suffix + ".properties";
        try (Reader reader =
                Files.newBufferedReader(Path.of("src", "main", "resources", name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
