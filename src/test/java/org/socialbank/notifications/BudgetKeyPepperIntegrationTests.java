package org.socialbank.notifications;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialbank.SocialbankApplication;
import org.socialbank.support.Api;
import org.socialbank.support.TestStores;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A production node (not demo mode) without a good send-budget key pepper does not start, and says what to set. */
class BudgetKeyPepperIntegrationTests {

    @Test
    @DisplayName("outside demo mode a missing or short budget key pepper stops the start"
            + " (review 2026-12-07 notifications follow-up)")
    void outsideDemoModeRefusesToStartWithoutAGoodPepper(@TempDir Path dir) {
        assertThatThrownBy(() -> start(dir.resolve("missing"), ""))
                .hasStackTraceContaining("No send-budget key pepper is configured")
                .hasStackTraceContaining(NotificationsProperties.PEPPER_NAMES);
        assertThatThrownBy(() -> start(dir.resolve("short"), "c2hvcnQ=")) // "short": 5 bytes
                .hasStackTraceContaining(NotificationsProperties.PEPPER_NAMES + " must decode to at least 32 bytes");
    }

    private static void start(Path dir, String pepper) {
        new SpringApplicationBuilder(SocialbankApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + TestStores.h2Url(dir),
                        "--socialbank.demo.enabled=false",
                        "--socialbank.api.token=" + Api.TOKEN,
                        "--socialbank.notifications.budget-key-pepper=" + pepper)
                .close();
    }
}
