package org.socialbank.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every sentence handoff builds a key for at run time (templates, actions, refusals, notices) is in each language. */
class HandoffMessagesUnitTests {

    @ParameterizedTest(name = "messages{0}")
    @ValueSource(strings = {"", "_fr", "_ru", "_fa", "_zh"})
    void everyKeyIsWritten(String suffix) throws IOException {
        Properties messages = new Properties();
        try (Reader reader = Files.newBufferedReader(
                Path.of("src", "main", "resources", "messages" + suffix + ".properties"), StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        List<String> keys = new ArrayList<>(Notices.messageKeys());
        keys.addAll(AgentReplies.messageKeys());
        for (HandoffCase.Status status : HandoffCase.Status.values()) {
            keys.add("handoff.page.status." + status.name());
        }
        for (Sla.State state : Sla.State.values()) {
            keys.add("handoff.page.sla." + state.name());
        }
        for (String author : List.of("CUSTOMER", "AGENT", "NOTE", "BANK")) {
            keys.add("handoff.page.author." + author);
        }
        assertThat(keys)
                .allSatisfy(key -> assertThat(messages.getProperty(key)).as(key).isNotBlank());
    }
}
