package org.socialbank.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
 * credentials once, disables the account; the dashboard draws its charts as accessible inline SVG
 * (title, description, a tooltip per bar) beside the tables. Screenshots land in target/screenshots.
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
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-staff"))).click();
        String username = "omid-" + UUID.randomUUID().toString().substring(0, 6);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(username);
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
                .param("staff:" + username).query(String.class).list())
                .containsExactly("staff.created", "staff.disabled");
    }

    @Test
    @DisplayName("issue 19: the dashboard's charts are inline SVG with a title, a description and the table beside")
    void theDashboardDrawsAccessibleCharts(@TempDir Path profile) {
        browser = Chromium.start(profile);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        ConsoleSession.signInAs(browser, port, new ConsoleStaff(accounts, clock), Role.SUPERVISOR);
        browser.get(ConsoleSession.base(port) + "/console?lang=en");
        WebElement chart = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chart-payments")));
        assertThat(chart.getAttribute("role")).isEqualTo("img");
        assertThat(chart.getAttribute("aria-labelledby")).isEqualTo("chart-payments-title chart-payments-desc");
        assertThat(browser.findElement(By.id("chart-payments-title")).getAttribute("textContent"))
                .isEqualTo("Payments per hour, last 24 hours (UTC)");
        assertThat(browser.findElement(By.id("chart-payments-desc")).getAttribute("textContent"))
                .startsWith("Bar chart: 0 in all");
        assertThat(chart.findElements(By.cssSelector("rect.bar"))).hasSize(24);
        assertThat(chart.getSize().getWidth()).isPositive();
        assertThat(browser.findElement(By.id("hours")).findElements(By.cssSelector("tbody tr"))).hasSize(24);
        Chromium.screenshot(browser, "console-dashboard-charts");

        browser.get(ConsoleSession.base(port) + "/console?lang=fa");
        chart = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chart-payments")));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(chart.getAttribute("dir")).isEqualTo("ltr"); // the hours run left to right, as numbers do
        Chromium.screenshot(browser, "console-dashboard-charts-fa");
    }
}
