package org.socialbank.handoff.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Review 2026-12-07 (code health): {@code JdbcHandoffs} is the handoff's one public store, and its
 * SQL is in package-private parts beside it (owners, cases, transcript, agents, presence, keywords,
 * the bot's conversations, figures), each under STYLE.md's ~400 lines. Its behaviour is guarded by
 * the handoff contracts ({@code HandoffContract}, {@code AgentRosterContract}); this test keeps the
 * split from growing back into one class.
 */
class JdbcHandoffsShapeUnitTests {

    private static final Path JDBC = Path.of("src/main/java/org/socialbank/handoff/jdbc");

    @Test
    @DisplayName(
            "review 2026-12-07 code health follow-up: the handoff store and each of its parts stay under 400 lines")
    void theStoreIsSplitByResponsibility() throws IOException {
        for (String part : List.of(
                "JdbcHandoffs",
                "OwnerRows",
                "CaseRows",
                "TranscriptRows",
                "AgentRows",
                "PresenceRows",
                "KeywordRows",
                "BotConversationRows",
                "QueueFigureRows",
                "HandoffColumns")) {
            assertThat(Files.readAllLines(JDBC.resolve(part + ".java")).size())
                    .as("lines of " + part + ".java")
                    .isLessThan(400);
        }
    }
}
