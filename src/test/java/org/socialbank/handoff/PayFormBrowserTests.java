package org.socialbank.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.socialbank.console.ConsoleStaff;
import org.socialbank.console.Role;
import org.socialbank.console.staff.StaffAccounts;
import org.socialbank.conversation.Outbound;
import org.socialbank.directory.Alias;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Ledger;
import org.socialbank.payments.PayForms;
import org.socialbank.payments.PaymentRejection;
import org.socialbank.payments.PaymentResult;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.support.Await;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.Chats;
import org.socialbank.support.Chromium;
import org.socialbank.support.ConsoleSession;
import org.socialbank.support.Customers;
import org.socialbank.support.FakeSms;
import org.socialbank.support.FormClient;
import org.socialbank.support.SmsFakes;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 19 (2.22, 2.23) in headless Chromium: an agent who took over a customer's Telegram chat
 * sends a payment form filled in; the customer opens the link from the chat, is recognised by it,
 * sees the form filled in, changes the amount, and confirms on the bank's step-up page with the
 * code sent by SMS; the page and the chat say it is done, and the payee has the money. The link
 * then makes no second payment (the same form replays it, another is refused), and a link
 * without its token, or with another, opens nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"socialbank.conversation.relay-enabled=false", "socialbank.handoff.default-team=cards"})
@Import({ChatFakes.class, SmsFakes.class})
class PayFormBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Chats chats;

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Clock clock;

    @Autowired
    Handoffs handoffs;

    @Autowired
    FakeSms sms;

    @Autowired
    PayForms forms;

    ChromeDriver browser;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("socialbank.web.secure-cookies", () -> "false");
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** A phone number of this class's range, +336718xxxxx. */
    static String phone() {
        return "+336718" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
    }

    @Test
    @DisplayName(
            "issue 19: the agent's prefilled payment form, opened from the chat, changed, confirmed on the step-up page")
    void theCustomerChangesAndConfirmsTheAgentsPaymentForm(@TempDir Path profile) {
        Customers people = new Customers(directory, ledger, chats);
        String tag = "bob" + ThreadLocalRandom.current().nextInt(1_000_000);
        Customers.Customer bob =
                people.named("Bob Payee").phone(phone()).tag(tag).wallet("EUR").create();
        Customers.Customer ada = people.named("Ada Payer")
                .phone(phone())
                .wallet("EUR", 50_000)
                .linkedChat()
                .create();
        chats.say(ada.chat(), "I want to talk to a human");
        CaseId handoff = ((Owner.Queue) handoffs.owner(chats.identity(ada.chat()))).caseId();

        browser = Chromium.start(profile);
        WebDriverWait wait = new WebDriverWait(browser, ConsoleSession.STEP);
        ConsoleSession.signInAs(browser, port, new ConsoleStaff(accounts, clock), Role.AGENT);
        browser.get(ConsoleSession.base(port) + "/console/conversations/" + handoff.value() + "?lang=en");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("take"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pay-to"))).sendKeys("$" + tag);
        browser.findElement(By.id("pay-amount")).sendKeys("12.50");
        browser.findElement(By.id("pay-currency")).sendKeys("EUR");
        WebElement send = browser.findElement(By.id("send-pay-form"));
        send.click();
        // the case page was already showing its transcript: wait for the page the POST leads to
        wait.until(driver -> Chromium.gone(send));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transcript")));

        List<Outbound.Link> links = Await.until(
                () -> {
                    chats.drain();
                    return chats.sent(ada.chat(), Outbound.Link.class);
                },
                sent -> !sent.isEmpty(),
                Await.DEFAULT,
                sent -> "the payment form's button in the chat");
        assertThat(links).as("the payment form's button in the chat").hasSize(1);
        URI link = URI.create(links.get(0).url());
        assertThat(link.getPath()).isEqualTo("/pay");
        assertThat(link.getRawQuery())
                .contains("to=%24" + tag)
                .contains("amount_minor=1250")
                .contains("currency=EUR")
                .containsPattern("&t=[A-Za-z0-9_-]{32}$");
        String page = ConsoleSession.base(port) + link.getRawPath() + "?" + link.getRawQuery() + "&lang=en";

        browser.get(page);
        WebElement amount = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("amount")));
        assertThat(browser.findElement(By.id("to")).getAttribute("value")).isEqualTo("$" + tag);
        assertThat(amount.getAttribute("value")).isEqualTo("12.50");
        assertThat(browser.findElement(By.id("currency")).getAttribute("value")).isEqualTo("EUR");
        Chromium.screenshot(browser, "pay-form-1-filled-in");
        amount.clear();
        amount.sendKeys("10");
        browser.findElement(By.id("send")).click();

        // the bank's step-up page, bound to the amount the customer chose and the payee
        WebElement code = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
        assertThat(browser.getCurrentUrl()).contains("/confirm/");
        assertThat(browser.findElement(By.id("amount")).getText()).isEqualTo("€10.00");
        assertThat(browser.findElement(By.id("payee")).getText()).isEqualTo("Bob P.");
        code.sendKeys(sms.lastCode(ada.phone()));
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        WebElement outcome = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
        Chromium.screenshot(browser, "pay-form-2-confirmed");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Confirmed");
        assertThat(outcome.getText()).isNotBlank();

        chats.drain();
        assertThat(chats.sent(ada.chat(), Outbound.Receipt.class))
                .as("the chat's receipt says the payment is done")
                .singleElement()
                .satisfies(receipt ->
                        assertThat(receipt.title()).contains("€10.00").contains("is done"));
        assertThat(ledger.account(bob.wallet()).orElseThrow().balanceMinor()).isEqualTo(1_000);
        assertThat(ledger.account(ada.wallet()).orElseThrow().balanceMinor()).isEqualTo(49_000);

        // the link is spent: no second payment from it; a link without its token or with another opens nothing
        browser.get(page);
        Await.until(
                () -> browser.findElement(By.tagName("h1")).getText().contains("already sent"),
                "the spent form says it was sent");
        String token = link.getRawQuery().replaceAll(".*&t=", "");
        Alias payee = PayForms.payee("$" + tag).orElseThrow();
        assertThat(forms.pay(token, payee, 500, CurrencyCode.of("EUR")))
                .contains(new PaymentResult.Refused(PaymentRejection.ID_REUSED));
        assertThat(forms.pay(token, payee, 1_000, CurrencyCode.of("EUR")))
                .hasValueSatisfying(replay ->
                        assertThat(((PaymentResult.Recorded) replay).replayed()).isTrue());
        assertThat(ledger.account(ada.wallet()).orElseThrow().balanceMinor()).isEqualTo(49_000);
        FormClient other = new FormClient(port);
        assertThat(other.get("/pay?to=%24" + tag + "&amount_minor=100&currency=EUR")
                        .status())
                .isEqualTo(404);
        assertThat(other.get("/pay?to=%24" + tag + "&amount_minor=100&currency=EUR&t=" + "A".repeat(32))
                        .status())
                .isEqualTo(404);
    }
}
