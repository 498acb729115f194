package org.socialbank.console.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.socialbank.alerts.AlertSmsRows;
import org.socialbank.console.ConsoleStaff;
import org.socialbank.console.Role;
import org.socialbank.console.staff.StaffAccounts;
import org.socialbank.support.Chromium;
import org.socialbank.support.ConsoleSession;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Review 2026-12-07 alerts follow-up in headless Chromium: a supervisor signs in to the console,
 * opens the list of alert SMS that failed and sees the failed one with its phone masked, never the
 * SMS's text (it holds the amount) nor the whole number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlertSmsFailuresBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    ChromeDriver browser;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("socialbank.web.secure-cookies", () -> "false");
        registry.add("socialbank.conversation.relay-enabled", () -> "false");
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @DisplayName("review 2026-12-07 gaps follow-up: a supervisor sees a failed alert SMS in the console, its phone"
            + " masked and without its text")
    void aSupervisorSeesAFailedAlertSmsMaskedAndWithoutItsText(@TempDir Path profile) {
        UUID failed = new AlertSmsRows(jdbc)
                .sms("FAILED", null, false, "carrier rejected the number", Instant.parse("2034-02-01T09:00:00Z"));
        new AlertSmsRows(jdbc).told(failed, "no_chat");
        browser = Chromium.start(profile);
        ConsoleSession.signInAs(browser, port, new ConsoleStaff(accounts, clock), Role.SUPERVISOR);
        WebDriverWait wait = new WebDriverWait(browser, ConsoleSession.STEP);

        browser.get(ConsoleSession.base(port) + "/console/alerts/sms-failures?since=2034-02-01");
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#sms-failures tr[data-alert='" + failed + "']")));
        Chromium.screenshot(browser, "console-alert-sms-failures");

        assertThat(row.getAttribute("data-status")).isEqualTo("FAILED");
        assertThat(row.getText()).contains(AlertSmsRows.PHONE_MASKED, "carrier rejected the number");
        assertThat(row.findElement(By.cssSelector("td.told")).getAttribute("data-told"))
                .as("whether she was told in a chat (reread 2026-12-08 alert)")
                .isEqualTo("no_chat");
        assertThat(row.getText()).contains("No chat: not told");
        String shown = browser.findElement(By.tagName("body")).getText();
        assertThat(shown)
                .doesNotContain(AlertSmsRows.TEXT)
                .doesNotContain(AlertSmsRows.AMOUNT)
                .doesNotContain(AlertSmsRows.PHONE);
        assertThat(browser.getPageSource())
                .as("not even hidden in the page")
                .doesNotContain(AlertSmsRows.AMOUNT)
                .doesNotContain(AlertSmsRows.PHONE);
    }
}
