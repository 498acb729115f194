package org.socialbank.conversation.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.shared.Language;

/**
 * Issue 13 (UX walk-through P8): every line of the help menu is a command the bank understands,
 * in the menu's language, and its examples name people who exist in the demo bank (not "@bob",
 * "@ali" or "@wang", who do not). {@code link · unlink} is translated in every language.
 */
class HelpExamplesUnitTests {

    /** The demo bank's customers' tags ({@code DemoBank.CUSTOMERS}). */
    static final Set<String> DEMO_TAGS = Set.of("alice", "camille", "ivan", "sara", "wang");

    private final CommandParser parser = new CommandParser();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "fr", "ru", "fa", "zh"})
    void everyHelpLineIsACommandAboutRealPeople(String suffix) throws IOException {
        Language language =
                suffix.isEmpty() ? Language.EN : Language.fromTag(suffix).orElseThrow();
        String help = load(suffix.isEmpty() ? "messages.properties" : "messages_" + suffix + ".properties")
                .getProperty("conversation.help");
        List<String> commands = new ArrayList<>();
        for (String line : help.split("\n")) {
            if (line.startsWith("• ")) {
                commands.addAll(List.of(line.substring(2).split(" · ")));
            }
        }
        assertThat(commands).as("commands in the %s help", language).hasSizeGreaterThanOrEqualTo(10);
        if (language != Language.EN) {
            assertThat(commands).as("link and unlink are translated").doesNotContain("link", "unlink");
        }
        Context context = new Context(org.socialbank.shared.Network.TELEGRAM, null, List.of(), Set.of());
        for (String command : commands) {
            ParsedCommand parsed = parser.parse(command, Optional.empty(), context);
            assertThat(parsed.intent()).as("%s: %s", language, command).isNotEqualTo(Intent.UNKNOWN);
            assertThat(parsed.language()).as("the language of %s", command).isEqualTo(language);
            for (Payee payee : parsed.payees()) {
                assertThat(payee.type())
                        .as("%s names a demo customer by tag", command)
                        .isEqualTo(PayeeType.TAG);
                assertThat(DEMO_TAGS).as("%s names a demo customer", command).contains(payee.value());
            }
        }
    }

    static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader =
                Files.newBufferedReader(Path.of("src", "main", "resources", name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
