package org.socialbank.console.listening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.socialbank.channels.telegram.FakeTelegramApi;
import org.socialbank.console.ConsoleStaff;
import org.socialbank.console.Role;
import org.socialbank.console.staff.StaffAccounts;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.directory.IdentityId;
import org.socialbank.listening.Mention;
import org.socialbank.listening.Mentions;
import org.socialbank.listening.NewMention;
import org.socialbank.shared.Network;
import org.socialbank.support.Chromium;
import org.socialbank.support.ConsoleSession;
import org.socialbank.support.Customers;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 20 s3 in headless Chromium: a linked customer complains in public on Telegram; an agent
 * opens a case from the mentions page and answers privately from the case page; the message
 * reaches the customer's own Telegram chat (the fake Bot API), not the public place, and the case
 * shows it. A card number is refused even in private. Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ListeningCasesBrowserTests {

    static final FakeTelegramApi API = new FakeTelegramApi();
    static final String TOKEN = "903:listening-bank";

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Clock clock;

    @Autowired
    Mentions mentions;

    @Autowired
    Directory directory;

    @Autowired
    ChannelIdentities identities;

    @Autowired
    JdbcClient jdbc;

    ChromeDriver browser;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("socialbank.web.secure-cookies", () -> "false");
        registry.add("socialbank.conversation.relay-interval", () -> "200ms");
        registry.add("socialbank.listening.cases.alerts-enabled", () -> "false");
        registry.add("socialbank.listening.cases.default-team", () -> "cards"); // ConsoleStaff's agents are in cards
        String prefix = "socialbank.channels.telegram.bots.bank.";
        registry.add(prefix + "token", () -> TOKEN);
        registry.add(prefix + "secret-token", () -> "listening-browser-secret");
        registry.add(prefix + "api-base-url", API::baseUrl);
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterAll
    static void stop() {
        API.close();
    }

    @Test
    @DisplayName("issue 20: an agent answers a linked customer's public complaint privately in their Telegram chat")
    void anAgentAnswersALinkedCustomerPrivately(@TempDir Path profile) {
        String user = Long.toString(700_000_000L + new Random().nextInt(100_000_000));
        CustomerId customer = customer("Sara Ahmadi");
        IdentityId chat = linked(Network.TELEGRAM, user, customer);
        Mention mention = mentions.record(new NewMention(
                        "telegram",
                        "-1001234:" + user,
                        "my card is blocked " + "again and nobody answers, terrible",
                        user,
                        clock.instant().minusSeconds(120)))
                .mention();
        assertThat(mention.customer()).contains(customer);

        browser = Chromium.start(profile);
        ConsoleSession.signInAs(browser, port, new ConsoleStaff(accounts, clock), Role.AGENT);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(ConsoleSession.base(port) + "/console/listening/mentions?source=telegram");
        By open = By.cssSelector("tr[data-mention='" + mention.id() + "'] form[action$='/case'] button");
        wait.until(ExpectedConditions.presenceOfElementLocated(open)).click();
        var route = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("private-route")));
        assertThat(route.getAttribute("data-network")).isEqualTo("telegram");
        assertThat(route.getAttribute("data-linked")).isEqualTo("true");
        Chromium.screenshot(browser, "listening-1-case");

        browser.findElement(By.id("private-text")).sendKeys("Your card 4970 1012 3456 7890 is blocked");
        browser.findElement(By.id("send-private")).click();
        var rejected = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rejected")));
        assertThat(rejected.getAttribute("data-code")).isEqualTo("secret_card_number");

        String answer = "Sara, we unblocked your card; your balance of 120.50 EUR is untouched.";
        var text = browser.findElement(By.id("private-text"));
        text.clear();
        text.sendKeys(answer);
        browser.findElement(By.id("send-private")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("private-messages"), "unblocked"));
        assertThat(browser.findElement(By.cssSelector("#private-messages li")).getAttribute("data-network"))
                .isEqualTo("telegram");
        assertThat(browser.findElement(By.id("case")).getAttribute("data-status"))
                .isEqualTo("answered");
        Chromium.screenshot(browser, "listening-2-private-reply");

        API.await(calls -> !API.sent(TOKEN, user).isEmpty(), Duration.ofSeconds(30));
        assertThat(API.sent(TOKEN, user)).extracting(FakeTelegramApi.Call::text).containsExactly(answer);
        assertThat(API.sent(TOKEN, "-1001234")).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM listening_case_messages WHERE identity_id = ?")
                        .param(chat.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        // the case page tells how far the delivery got: Telegram took it (the outbox marks it after
        // the fake's answer, so the page is read again until it says so)
        wait.ignoring(org.openqa.selenium.NoSuchElementException.class).until(d -> {
            d.navigate().refresh();
            return "SENT"
                    .equals(d.findElement(By.cssSelector("#private-messages li"))
                            .getAttribute("data-delivery"));
        });
        assertThat(browser.findElement(By.cssSelector("#private-messages li .delivery"))
                        .getText())
                .isEqualTo("sent: Telegram took it");
        Chromium.screenshot(browser, "listening-3-private-reply-sent");
    }

    private CustomerId customer(String name) {
        return new Customers(directory, null).named(name).create().id();
    }

    /** A chat account linked to the customer (the sign-in flow is the linking tests' business). */
    private IdentityId linked(Network network, String account, CustomerId customer) {
        IdentityId id = identities.identify(network, account, null, null).id();
        jdbc.sql("UPDATE channel_identities SET customer_id = ?, linked_at = ? WHERE id = ?")
                .params(customer.value(), OffsetDateTime.now(ZoneOffset.UTC), id.value())
                .update();
        return id;
    }
}
