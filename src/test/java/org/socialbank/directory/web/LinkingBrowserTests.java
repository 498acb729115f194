package org.socialbank.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.socialbank.demo.DemoBank;
import org.socialbank.demo.DemoCustomer;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.Linking;
import org.socialbank.shared.Network;
import org.socialbank.support.Chromium;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A person links a Telegram account in headless Chromium, as in the demo: open the one-time
 * link, sign in as the demo customer Alice, read the SMS code in the developer inbox, type it.
 * Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LinkingBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Linking linking;

    @Autowired
    ChannelIdentities identities;

    ChromeDriver browser;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("socialbank.demo.enabled", () -> "true"); // the demo customers and /dev/sms
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPersonLinksATelegramAccountWithLoginAndSmsCode(@TempDir Path profile) {
        browser = Chromium.start(profile);
        DemoCustomer alice = DemoBank.CUSTOMERS.get(0);
        ChannelIdentity chat = identities.identify(Network.TELEGRAM, "tg-" + UUID.randomUUID(), "alice_tg", null);
        String url = local(linking.offerLink(chat.id()).url());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.get(url);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Link your Telegram account");
        // security review #3: the account as its owner knows it, and a plain warning
        assertThat(browser.findElement(By.cssSelector("p.account")).getText()).contains("Telegram @alice_tg");
        assertThat(browser.findElement(By.cssSelector("p.warning")).getText()).contains("Only continue if you asked");
        assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText())
                .isEqualTo("User name");
        Chromium.screenshot(browser, "linking-1-sign-in");
        browser.findElement(By.id("username")).sendKeys(alice.username());
        browser.findElement(By.id("password")).sendKeys(alice.password());
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
        Chromium.screenshot(browser, "linking-2-code");

        browser.get("http://localhost:" + port + "/dev/sms");
        Matcher code = Pattern.compile("\\b(\\d{6})\\b")
                .matcher(browser.findElement(By.tagName("main")).getText());
        assertThat(code.find()).as("the code is in the developer inbox").isTrue();
        browser.get(url);
        browser.findElement(By.id("code")).sendKeys(code.group(1));
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "is linked"));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Welcome, Alice Walker.")
                .doesNotContain("W..");
        Path shot = Chromium.screenshot(browser, "linking-3-linked");
        assertThat(shot).satisfies(p -> assertThat(Files.size(p)).isPositive());
        assertThat(identities.linkedCustomer(chat.id())).contains(alice.customerId());
    }

    @Test
    void thePersianPageReadsRightToLeft(@TempDir Path profile) {
        browser = Chromium.start(profile);
        ChannelIdentity chat = identities.identify(Network.BALE, "bale-" + UUID.randomUUID(), null, null);
        browser.get(local(linking.offerLink(chat.id()).url()) + "?lang=fa");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("بله");
        Chromium.screenshot(browser, "linking-fa-sign-in");
    }

    private String local(String url) {
        return "http://localhost:" + port + url.substring(url.indexOf("/", "http://".length()));
    }
}
