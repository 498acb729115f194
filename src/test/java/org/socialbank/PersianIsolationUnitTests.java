package org.socialbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 §5 (5.1c): in a Persian sentence, a phone, an @handle, an IBAN, a card number, a code,
 * an amount or a Latin name written left to right keeps its order only inside an isolate (U+2068
 * FIRST STRONG ISOLATE ... U+2069 POP DIRECTIONAL ISOLATE); without one, "+33671100001" is drawn
 * "33671100001+". Pages, SMS, e-mails and the other modules' messages fill the bundle's
 * placeholders as they are, so the Persian bundle isolates every placeholder itself (an isolate
 * around a Persian value changes nothing). Exceptions, each with its reason:
 * <ul>
 * <li>{@code conversation.*}: the chat's sentences, whose left-to-right arguments the chat's
 * {@code MessageTexts} isolates when it fills them ({@code MessageTextsUnitTests} checks every one);</li>
 * <li>{@code {n,number,...}}: a number the bundle formats itself, in Persian digits;</li>
 * <li>a link: a client must see where a URL begins to make it tappable.</li>
 * </ul>
 */
class PersianIsolationUnitTests {

    /** Placeholders that carry a link, by key and index. */
    static final Set<String> LINKS = Set.of("alert.linked.sms:1", "alert.linked.body:1");

    @Test
    @DisplayName("issue 13: every placeholder of the Persian bundle outside the chat's sentences is isolated")
    void everyPersianPlaceholderIsIsolated() throws IOException {
        Properties fa = new Properties();
        try (Reader in = Files.newBufferedReader(
                MessagesTests.RESOURCES.resolve("messages_fa.properties"), StandardCharsets.UTF_8)) {
            fa.load(in);
        }
        List<String> bare = new ArrayList<>();
        int checked = 0;
        for (String key : fa.stringPropertyNames()) {
            if (key.startsWith("conversation.")) {
                continue;
            }
            String text = fa.getProperty(key);
            Matcher placeholder = MessagesTests.PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                if (placeholder.group().contains(",number") || LINKS.contains(key + ":" + placeholder.group(1))) {
                    continue;
                }
                checked++;
                boolean opened = placeholder.start() > 0 && text.charAt(placeholder.start() - 1) == '\u2068';
                boolean closed = placeholder.end() < text.length() && text.charAt(placeholder.end()) == '\u2069';
                if (!opened || !closed) {
                    bare.add(key + " " + placeholder.group());
                }
            }
        }
        assertThat(checked).as("placeholders checked").isGreaterThan(300);
        assertThat(bare).as("Persian placeholders without U+2068 ... U+2069").isEmpty();
    }
}
