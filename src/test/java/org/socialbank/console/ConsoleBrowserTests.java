package org.socialbank.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.socialbank.security.otp.Totp;
import org.socialbank.security.otp.TotpSecret;
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
 * The demo auditor in headless Chromium: signs in with the documented password and authenticator
 * secret, opens the audit, sees the chain intact with their own sign-in in it; a row changed in
 * the store behind the bank's back shows as a broken chain at that row. Screenshots land in
 * target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ChromeDriver browser;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("socialbank.demo.enabled", () -> "true"); // the demo staff
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theAuditorSignsInAndVerifiesTheChain(@TempDir Path profile) {
        browser = Chromium.start(profile);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(ConsoleSession.base(port) + "/console/audit?lang=en");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Staff sign-in");
        Chromium.screenshot(browser, "console-1-sign-in");

        browser.findElement(By.id("username")).sendKeys("auditor");
        browser.findElement(By.id("password")).sendKeys("auditor-demo-2026");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
        Chromium.screenshot(browser, "console-2-code");
        browser.findElement(By.id("code"))
                .sendKeys(Totp.defaults()
                        .code(TotpSecret.ofBase32(ConsoleDemo.TOTP_SECRET).bytes(), Instant.now()));
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        wait.until(Chromium.textIn(By.tagName("h1"), "Welcome, Claire Martin"));
        assertThat(browser.findElement(By.id("dashboard")).getText()).contains("Payments per hour");
        assertThat(browser.findElement(By.id("hours")).findElements(By.cssSelector("tbody tr")))
                .hasSize(24);
        Chromium.screenshot(browser, "console-home-dashboard");

        browser.findElement(By.linkText("Audit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chain")));
        assertThat(browser.findElement(By.id("chain")).getAttribute("data-chain"))
                .isEqualTo("intact");
        assertThat(browser.findElement(By.id("chain")).getText()).startsWith("The chain is intact");
        assertThat(browser.findElement(By.id("rows")).getText())
                .contains("sign-in.succeeded")
                .contains("auditor");
        Chromium.screenshot(browser, "console-3-audit-intact");

        long seq = jdbc.sql("SELECT MIN(seq) FROM console_audit WHERE what = 'sign-in.succeeded'")
                .query(Long.class)
                .single();
        jdbc.sql("UPDATE console_audit SET who_name = 'nobody' WHERE seq = ?")
                .param(seq)
                .update();
        browser.findElement(By.id("verify")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("chain"), "data-chain", "broken"));
        assertThat(browser.findElement(By.id("chain")).getText())
                .isEqualTo("The chain is broken at row " + seq
                        + ": the row was changed. Rows from there on cannot be trusted.");
        Chromium.screenshot(browser, "console-4-audit-broken");

        // the page may still be redrawing after the verify (CI met a node gone between find and click)
        wait.until(d -> {
            try {
                d.findElement(By.cssSelector("form.sign-out button")).click();
                return true;
            } catch (org.openqa.selenium.NoSuchElementException e) {
                return false;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (Chromium.replaced(e)) {
                    return false;
                }
                throw e;
            }
        });
        wait.until(Chromium.textIn(By.tagName("h1"), "Staff sign-in"));
    }

    @Test
    void thePersianSignInReadsRightToLeft(@TempDir Path profile) {
        browser = Chromium.start(profile);
        browser.get(ConsoleSession.base(port) + "/console/login?lang=fa");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ورود کارکنان");
        Chromium.screenshot(browser, "console-fa-sign-in");
    }
}
