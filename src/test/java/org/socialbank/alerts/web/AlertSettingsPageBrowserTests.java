package org.socialbank.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.socialbank.alerts.AlertDelivery;
import org.socialbank.alerts.AlertKind;
import org.socialbank.alerts.AlertSettings;
import org.socialbank.alerts.Alerts;
import org.socialbank.conversation.Outbound;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Ledger;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.Chats;
import org.socialbank.support.Chromium;
import org.socialbank.support.Customers;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 17, 1.11: the alert settings on the bank's page. The customer asks for them in her chat,
 * gets a link, and in headless Chromium turns a kind off, sets a minimum, the chat, a weekly digest
 * and quiet hours; the chat's engine then reads exactly those settings. A wrong minimum is refused
 * and changes nothing; an unknown link shows nothing; the Persian page reads right to left and
 * takes Persian digits. Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ChatFakes.class)
class AlertSettingsPageBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Chats chats;

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    @Autowired
    Alerts alerts;

    private static final java.util.concurrent.atomic.AtomicInteger PHONES =
            new java.util.concurrent.atomic.AtomicInteger((int) Math.floorMod(System.nanoTime(), 50_000L));

    ChromeDriver browser;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("socialbank.conversation.relay-enabled", () -> "false");
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theLinkFromTheChatOpensHerSettingsAndWhatSheSavesIsWhatAlertsRead(@TempDir Path profile) {
        Customers.Customer ada = new Customers(directory, ledger, chats)
                .named("Ada Lovelace")
                .phone(phone())
                .wallet("EUR")
                .linkedChat()
                .create();
        chats.linkedTo(Network.WECHAT, "wx-" + UUID.randomUUID(), ada.id());
        String url = link(ada.chat(), "alert settings");

        browser = Chromium.start(profile);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(url);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your transaction alerts");
        assertThat(browser.findElement(By.id("fee")).isSelected())
                .as("every kind on by default")
                .isTrue();
        assertThat(browser.findElement(By.id("delivery-instant")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("zone")).getText()).contains("Europe/London");
        Chromium.screenshot(browser, "alert-settings-1-open");

        browser.findElement(By.id("fee")).click();
        type("minAmount", "25.50");
        new Select(browser.findElement(By.id("channel"))).selectByValue("wechat");
        browser.findElement(By.id("delivery-weekly")).click();
        setTime("quietFrom", "22:00");
        setTime("quietTo", "07:00");
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        Chromium.screenshot(browser, "alert-settings-2-saved");

        AlertSettings saved = alerts.settings(ada.id());
        assertThat(saved.kinds()).isEqualTo(EnumSet.of(AlertKind.INCOMING, AlertKind.OUTGOING));
        assertThat(saved.minAmountMinor()).isEqualTo(2_550);
        assertThat(saved.preferredChannel()).isEqualTo(Network.WECHAT);
        assertThat(saved.delivery()).isEqualTo(AlertDelivery.WEEKLY);
        assertThat(saved.quietFrom()).isEqualTo(LocalTime.of(22, 0));
        assertThat(saved.quietTo()).isEqualTo(LocalTime.of(7, 0));
        assertThat(browser.findElement(By.id("minAmount")).getAttribute("value"))
                .isEqualTo("25.5");

        // a minimum that is no amount: said plainly, nothing changes
        type("minAmount", "a lot");
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("invalid")));
        assertThat(browser.findElement(By.id("invalid")).getText()).contains("100 or 12.50");
        assertThat(alerts.settings(ada.id())).isEqualTo(saved);

        // a link that is not one of ours (or expired) shows nothing of hers
        browser.get("http://localhost:" + port + "/alert-settings/" + "x".repeat(32));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("expired")
                .doesNotContain("Ada");
    }

    @Test
    void thePersianPageReadsRightToLeftAndTakesPersianDigits(@TempDir Path profile) {
        Customers.Customer sara = new Customers(directory, ledger, chats)
                .named("Sara Ahmadi")
                .speaking(Language.FA)
                .phone(phone())
                .wallet("EUR")
                .linkedChat()
                .create();
        String url = link(sara.chat(), "تنظیمات هشدار");
        assertThat(url).contains("lang=fa");

        browser = Chromium.start(profile);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(url);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("هشدارهای تراکنش شما");
        assertThat(browser.findElement(By.id("zone")).getText()).as("her zone").contains("Asia/Tehran");
        type("minAmount", "۱۲۰");
        browser.findElement(By.id("delivery-daily")).click();
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        Chromium.screenshot(browser, "alert-settings-fa-saved");
        assertThat(browser.findElement(By.id("saved")).getText()).contains("ذخیره شد");
        AlertSettings saved = alerts.settings(sara.id());
        assertThat(saved.minAmountMinor()).isEqualTo(12_000);
        assertThat(saved.delivery()).isEqualTo(AlertDelivery.DAILY);
        assertThat(saved.quietFrom()).isNull();
    }

    /** Asks for the page in the chat; answers the link's address on this test's server. */
    private String link(String chat, String asked) {
        List<Outbound.Link> links = chats.say(chat, asked).stream()
                .filter(Outbound.Link.class::isInstance)
                .map(Outbound.Link.class::cast)
                .toList();
        assertThat(links).as("the chat answers with the page's link").hasSize(1);
        String url = links.get(0).url();
        return "http://localhost:" + port + url.substring(url.indexOf('/', "http://".length()));
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** A time input's keyboard order depends on the browser's locale: its value is set as a page script would. */
    private void setTime(String id, String hhmm) {
        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), hhmm);
    }

    /** This class's numbers: +336715 and five digits (issue 17's range). */
    private static String phone() {
        return "+336715" + String.format("%05d", PHONES.incrementAndGet());
    }
}
