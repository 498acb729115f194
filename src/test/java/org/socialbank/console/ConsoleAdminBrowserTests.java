package org.socialbank.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
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
 * Issue 19 in headless Chromium: an administrator creates a member of staff on the form, sees the
 * credentials once, disables the account; the dashboard's charts are drawn by uPlot (the webjar)
 * from the numbers beside their tables, labelled in the page's language, again after the refresh. Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleAdminBrowserTests {

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
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("socialbank.web.secure-cookies", () -> "false");
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @DisplayName("issue 19: an administrator creates a member of staff on the form and disables the account")
    void anAdministratorCreatesAndDisables(@TempDir Path profile) {
        browser = Chromium.start(profile);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        ConsoleSession.signInAs(browser, port, new ConsoleStaff(accounts, clock), Role.ADMIN);
        browser.get(ConsoleSession.base(port) + "/console/staff?lang=en");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-staff")))
                .click();
        String username = "omid-" + UUID.randomUUID().toString().substring(0, 6);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")))
                .sendKeys(username);
        browser.findElement(By.id("displayName")).sendKeys("Omid Tehrani");
        browser.findElement(By.id("role-agent")).click();
        browser.findElement(By.id("role-supervisor")).click();
        browser.findElement(By.id("teams")).sendKeys("cards, fraud");
        browser.findElement(By.id("language-fa")).click();
        browser.findElement(By.id("language-en")).click();
        browser.findElement(By.id("save-staff")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-secret")));
        assertThat(browser.findElement(By.id("new-password")).getText()).hasSize(20);
        assertThat(browser.findElement(By.id("new-secret")).getText()).matches("[A-Z2-7]+");
        Chromium.screenshot(browser, "console-staff-created");

        browser.findElement(By.id("to-account")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("disable")));
        assertThat(browser.findElement(By.id("role-supervisor")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("teams")).getAttribute("value")).isEqualTo("cards, fraud");
        browser.findElement(By.id("disable")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("enable")));
        assertThat(browser.findElement(By.id("saved")).getText()).isEqualTo("Saved.");
        Chromium.screenshot(browser, "console-staff-disabled");
        assertThat(jdbc.sql("SELECT what FROM console_audit WHERE subject = ? ORDER BY seq")
                        .param("staff:" + username)
                        .query(String.class)
                        .list())
                .containsExactly("staff.created", "staff.disabled");
    }

    @Test
    @DisplayName(
            "issue 19: uPlot draws the dashboard's charts from the data beside their tables, also after the refresh and in Persian")
    void theDashboardDrawsAccessibleCharts(@TempDir Path profile) {
        String first = "telegram";
        String second = "bale";
        conversation(first);
        sent(first, 2);
        browser = Chromium.start(profile);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        ConsoleSession.signInAs(browser, port, new ConsoleStaff(accounts, clock), Role.SUPERVISOR);
        browser.get(ConsoleSession.base(port) + "/console?lang=en");
        WebElement chart = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chart-payments")));
        assertThat(chart.getAttribute("role")).isEqualTo("img");
        assertThat(chart.getAttribute("aria-label"))
                .startsWith("Payments per hour, last 24 hours (UTC). Bar chart: 0 in all");
        for (String id : List.of("chart-payments", "chart-conversations", "chart-sends")) {
            wait.until(d -> drawn(id) != null);
        }
        // what uPlot holds is what the table beneath it says: a point per hour or channel, the same sum
        assertThat(drawn("chart-payments")).containsExactly(24L, 0L);
        assertThat(column("hours", 2)).hasSize(24).containsOnly("0");
        List<Long> conversations = drawn("chart-conversations");
        assertThat(conversations).isEqualTo(tabled("conversations", 3));
        List<Long> sends = drawn("chart-sends");
        assertThat(sends).isEqualTo(tabled("sends", 3));
        assertThat(column("sends", 1)).contains(first);
        assertThat(browser.findElement(By.id("chart-sends")).getAttribute("aria-label"))
                .startsWith("Messages sent per channel. Bar chart: " + sends.get(1) + " in all;");
        assertThat(chart.findElement(By.tagName("canvas")).getSize().getWidth()).isPositive();
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-csp-violations"))
                .as("%s", browser.findElement(By.tagName("body")).getAttribute("data-csp-violation"))
                .isNull();
        Chromium.screenshot(browser, "console-dashboard-charts");

        // the refresh swaps chart data and table together
        conversation(second);
        sent(second, 3);
        browser.executeScript(
                "htmx.ajax('GET', arguments[0], {target: '#dashboard', swap: 'outerHTML',"
                        + " headers: {'X-Console-Poll': '1'}})",
                "/console/dashboard");
        wait.until(d -> drawn("chart-conversations") != null
                && drawn("chart-conversations").get(1) == conversations.get(1) + 1);
        assertThat(drawn("chart-conversations")).isEqualTo(tabled("conversations", 3));
        assertThat(column("conversations", 1)).contains(first, second);
        wait.until(d -> drawn("chart-sends") != null && drawn("chart-sends").get(1) == sends.get(1) + 3);
        assertThat(drawn("chart-sends")).isEqualTo(tabled("sends", 3));
        assertThat(drawn("chart-payments")).containsExactly(24L, 0L);
        assertThat(browser.findElements(By.cssSelector("#chart-sends canvas"))).hasSize(1);

        browser.get(ConsoleSession.base(port) + "/console?lang=fa");
        chart = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chart-payments")));
        wait.until(d -> drawn("chart-payments") != null);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(chart.getAttribute("dir")).isEqualTo("ltr"); // the hours run left to right, as numbers do
        assertThat(chart.getAttribute("aria-label")).startsWith("پرداخت‌ها در هر ساعت");
        assertThat(drawn("chart-payments")).containsExactly(24L, 0L);
        assertThat(chart.findElement(By.tagName("canvas")).getSize().getWidth()).isPositive();
        Chromium.screenshot(browser, "console-dashboard-charts-fa");
    }

    /** A table's channels (its first column, distinct) and the sum of its n-th column. */
    private List<Long> tabled(String table, int n) {
        return List.of(
                column(table, 1).stream().distinct().count(),
                column(table, n).stream()
                        .mapToLong(v -> Long.parseLong(v.replace(",", "")))
                        .sum());
    }

    /** What uPlot drew on the chart: its number of points and their sum; null until it drew. */
    @SuppressWarnings("unchecked")
    private List<Long> drawn(String id) {
        return (List<Long>) browser.executeScript(
                "var e = document.getElementById(arguments[0]);"
                        + " if (!e || !e.uplot || !e.querySelector('canvas')) { return null; }"
                        + " var v = e.uplot.data[1]; return [v.length, v.reduce(function (a, b) { return a + b; }, 0)];",
                id);
    }

    private List<String> column(String table, int n) {
        return browser.findElements(By.cssSelector("#" + table + " tbody td:nth-child(" + n + ")")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private void conversation(String channel) {
        UUID identity = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql(
                        "INSERT INTO channel_identities (id, channel, external_id, reachable, created_at) VALUES (?, ?, ?, TRUE, ?)")
                .params(identity, channel, "c19-" + identity, now)
                .update();
        jdbc.sql(
                        "INSERT INTO conversations (identity_id, channel, recipient, state, version, updated_at) VALUES (?, ?, ?, '{}', 0, ?)")
                .params(identity, channel, "c19-" + identity, now)
                .update();
    }

    private void sent(String channel, int count) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID identity = jdbc.sql("SELECT id FROM channel_identities WHERE channel = ? AND external_id LIKE 'c19-%'")
                .param(channel)
                .query(UUID.class)
                .list()
                .get(0);
        for (int i = 0; i < count; i++) {
            jdbc.sql(
                            "INSERT INTO outbox_messages (id, identity_id, channel, recipient, payload, status, attempts,"
                                    + " next_attempt_at, created_at, sent_at) VALUES (?, ?, ?, 'charts19', '{}', 'SUCCEEDED', 1, ?, ?, ?)")
                    .params(UUID.randomUUID(), identity, channel, now, now, now)
                    .update();
        }
    }
}
