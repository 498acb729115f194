package org.socialbank.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
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
import org.socialbank.console.StaffMember;
import org.socialbank.console.staff.StaffAccounts;
import org.socialbank.support.Chromium;
import org.socialbank.support.ConsoleSession;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 19's Done means, in headless Chromium: a Telegram customer (through the fake Bot API) asks
 * for a person; an agent signs in to the console, takes the conversation over, replies, and the
 * customer receives the reply in Telegram; the agent hands back and the bot answers again. Then a
 * supervisor reassigns a conversation. Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HandoffBrowserTests {

    static final FakeTelegramApi API = new FakeTelegramApi();
    static final String TOKEN = "902:handoff-bank";
    static final String SECRET = "handoff-browser-secret-01";
    static final AtomicLong IDS = new AtomicLong(new Random().nextInt(1_000_000) * 1000L + 1);

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Clock clock;

    @Autowired
    Handoffs handoffs;

    @Autowired
    org.socialbank.directory.ChannelIdentities identities;

    ChromeDriver browser;
    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("socialbank.web.secure-cookies", () -> "false");
        registry.add("socialbank.conversation.relay-interval", () -> "200ms");
        registry.add("socialbank.handoff.default-team", () -> "cards");
        String prefix = "socialbank.channels.telegram.bots.bank.";
        registry.add(prefix + "token", () -> TOKEN);
        registry.add(prefix + "secret-token", () -> SECRET);
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
    @DisplayName("issue 19: an agent takes over a Telegram chat, replies, the customer reads it in Telegram, hand back")
    void anAgentTakesOverATelegramConversation(@TempDir Path profile) {
        browser = Chromium.start(profile);
        long customer = IDS.incrementAndGet();
        say(customer, "I want to talk to a human");
        assertThat(received(customer, 1)).contains("in the queue");

        StaffMember agent = new ConsoleStaff(accounts, clock).create(Role.AGENT);
        signIn(agent);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(base() + "/console/conversations");
        CaseId waiting = ((Owner.Queue) handoffs.owner(identities
                        .identify(org.socialbank.shared.Network.TELEGRAM, Long.toString(customer), null, null)
                        .id()))
                .caseId();
        By row = By.cssSelector("#cases tr[data-case='" + waiting.value() + "'] a.open-case");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        Chromium.screenshot(browser, "handoff-1-queue");
        Chromium.click(wait, row); // the queue's list is refreshed by htmx while the test reads it
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("take"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reply")));
        assertThat(received(customer, 2)).contains("is with you now");
        say(customer, "my card was charged twice");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), "charged twice"));

        browser.findElement(By.id("reply")).sendKeys("I am sorry, I am looking at the two charges now.");
        browser.findElement(By.id("send")).click();
        assertThat(received(customer, 3)).isEqualTo("I am sorry, I am looking at the two charges now.");
        Chromium.screenshot(browser, "handoff-2-replied");
        assertThat(API.sent(TOKEN, Long.toString(customer))).hasSize(3); // the bot said nothing in between

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hand-back")))
                .click();
        assertThat(received(customer, 4)).contains("back with the bank's assistant");
        say(customer, "help");
        assertThat(received(customer, 5)).contains("balance");
    }

    @Test
    @DisplayName("issue 19: a supervisor reassigns a conversation to another agent of its team")
    void aSupervisorReassigns(@TempDir Path profile) {
        ConsoleStaff staff = new ConsoleStaff(accounts, clock);
        StaffMember first = staff.create(Role.AGENT);
        StaffMember second = staff.create(Role.AGENT);
        org.socialbank.support.FormClient firstClient = new org.socialbank.support.FormClient(port);
        staff.signIn(firstClient, first);
        org.socialbank.support.FormClient secondClient = new org.socialbank.support.FormClient(port);
        staff.signIn(secondClient, second);
        secondClient.get("/console/conversations"); // enrolled as an agent of cards and payments
        long customer = IDS.incrementAndGet();
        say(customer, "agent please");
        received(customer, 1);
        String page = firstClient.get("/console/conversations").html();
        java.util.regex.Matcher open = java.util.regex.Pattern.compile("/console/conversations/([0-9a-f-]{36})\"")
                .matcher(page);
        assertThat(open.find()).isTrue();
        String id = open.group(1);
        firstClient.post("/console/conversations/" + id + "/take");

        browser = Chromium.start(profile);
        signIn(staff.create(Role.SUPERVISOR));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(base() + "/console/conversations/" + id);
        org.openqa.selenium.WebElement choose = wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/reassign'] select")));
        new org.openqa.selenium.support.ui.Select(choose).selectByVisibleText(second.displayName());
        browser.findElement(By.id("reassign")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transcript")));
        Chromium.screenshot(browser, "handoff-3-reassigned");
        assertThat(received(customer, 3)).contains(second.displayName());
        assertThat(browser.findElement(By.id("transcript")).getText()).contains("reassigned by");
    }

    private void signIn(StaffMember member) {
        ConsoleSession.signIn(browser, port, new ConsoleStaff(accounts, clock), member);
    }

    private String base() {
        return ConsoleSession.base(port);
    }

    /** The text of the {@code n}th message (from 1) the bot sent to this Telegram user, once it came. */
    private String received(long user, int n) {
        API.await(calls -> API.sent(TOKEN, Long.toString(user)).size() >= n, Duration.ofSeconds(30));
        List<FakeTelegramApi.Call> sent = API.sent(TOKEN, Long.toString(user));
        return sent.get(n - 1).text();
    }

    private void say(long user, String text) {
        long updateId = IDS.incrementAndGet();
        String json = """
                {"update_id": %d, "message": {"message_id": %d,
                 "from": {"id": %d, "is_bot": false, "first_name": "Anna", "language_code": "en"},
                 "chat": {"id": %d, "first_name": "Anna", "type": "private"}, "date": 1763800000, "text": "%s"}}""".formatted(updateId, updateId, user, user, text.replace("\"", "\\\""));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/webhooks/telegram/bank"))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
