package org.socialbank.channels.webchat.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.socialbank.demo.DemoBank;
import org.socialbank.demo.DemoCustomer;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Account;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Ledger;
import org.socialbank.payments.Payment;
import org.socialbank.payments.PaymentId;
import org.socialbank.payments.PaymentStatus;
import org.socialbank.payments.Payments;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.MoneyFormat;
import org.socialbank.support.Chromium;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 13, "browser tests walk the Quick start in English and Persian and compare what the
 * customer sees with what happened in the ledger": the README's web chat walk in headless
 * Chromium, on the demo bank. Link the chat (sign in, the SMS code from /dev/sms), ask the
 * balance, pay, confirm the first payment of a newly linked chat on the bank's page, and read the
 * chat again; every amount the customer is shown (chat and page) is checked against the ledger's
 * accounts and the payment's record, in the customer's own language and digits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class QuickStartBrowserTests {

    static final int PORT = freePort();
    static final String BASE = "http://localhost:" + PORT;
    static final Locale EN = Locale.ENGLISH;
    static final Locale FA = Locale.forLanguageTag("fa");

    @Autowired
    Ledger ledger;

    @Autowired
    Directory directory;

    @Autowired
    Payments payments;

    ChromeDriver browser;
    WebDriverWait wait;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("socialbank.demo.enabled", () -> "true"); // the demo customers and /dev/sms, as the Quick start
        registry.add("server.port", () -> PORT);
        registry.add("socialbank.directory.public-base-url", () -> BASE);
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @DisplayName("issue 13: the Quick start in English, what Alice sees against the ledger")
    void theQuickStartInEnglish(@TempDir Path profile) {
        start(profile);
        DemoCustomer alice = DemoBank.CUSTOMERS.get(0);
        DemoCustomer camille = DemoBank.CUSTOMERS.get(1);
        CurrencyCode eur = CurrencyCode.of("EUR");
        AccountId alicesEur =
                directory.primaryAccount(alice.customerId(), "EUR").orElseThrow();
        AccountId camillesEur =
                directory.primaryAccount(camille.customerId(), "EUR").orElseThrow();
        long camilleBefore = ledger.account(camillesEur).orElseThrow().balanceMinor();

        browser.get(BASE + "/chat?lang=en");
        type("help");
        waitForAnswer("balance");
        type("balance");
        linkTheChat(alice, "now linked");

        type("balance");
        String shown = MoneyFormat.format(account(alicesEur).availableMinor(), eur, EN);
        assertThat(waitForAnswer(shown))
                .as("the chat's balance is the ledger's available")
                .contains(shown);

        // the first payment from a newly linked chat is held for the bank's page (the README says so)
        int before = answers().size();
        type("pay $" + camille.tag() + " 5");
        newestChip(before).click();
        String confirmUrl = waitForLink("/confirm/");
        String code = newestCode();
        browser.get(confirmUrl);
        assertThat(browser.findElement(By.id("amount")).getText()).contains(MoneyFormat.format(500, eur, EN));
        assertThat(browser.findElement(By.id("payee")).getText()).isEqualTo("Camille D.");
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Confirmed"));
        Chromium.screenshot(browser, "quickstart-en-confirmed");

        browser.get(BASE + "/chat?lang=en");
        WebElement receipt = wait.until(d -> d.findElements(By.cssSelector("#chat-log li.card")).stream()
                .filter(c -> c.getText().contains("Your payment of €5.00 to Camille D. is done."))
                .findFirst()
                .orElse(null));
        Chromium.screenshot(browser, "quickstart-en-receipt");
        PaymentId paid = reference(receipt.getText(), "Reference: ");
        Payment payment = payments.payment(paid).orElseThrow();
        assertThat(payment.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(payment.amountMinor()).isEqualTo(500);
        assertThat(receipt.getText())
                .contains("Available now: "
                        + MoneyFormat.format(account(alicesEur).availableMinor(), eur, EN));
        assertThat(ledger.account(camillesEur).orElseThrow().balanceMinor()).isEqualTo(camilleBefore + 500);

        type("history");
        String history = waitForAnswer("−€5.00 to Camille D.");
        assertThat(history).contains("ref. ");
    }

    @Test
    @DisplayName("issue 13: the Quick start in Persian, what Sara sees against the ledger")
    void theQuickStartInPersian(@TempDir Path profile) {
        start(profile);
        DemoCustomer sara = DemoBank.CUSTOMERS.get(3);
        CurrencyCode irr = CurrencyCode.of("IRR");
        AccountId sarasIrr = directory.primaryAccount(sara.customerId(), "IRR").orElseThrow();
        String stranger = "+33671100"
                + String.format("%03d", Math.floorMod(UUID.randomUUID().hashCode(), 1_000));

        browser.get(BASE + "/chat?lang=fa");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        type("موجودی");
        linkTheChat(sara, "وصل است");

        type("موجودی");
        String available = number(MoneyFormat.format(account(sarasIrr).availableMinor(), irr, FA));
        assertThat(waitForAnswer(available)).contains(available);

        int before = answers().size();
        type("۵۰ هزار تومان به " + stranger + " بفرست");
        newestChip(before).click();
        String confirmUrl = waitForLink("/confirm/");
        String code = newestCode();
        browser.get(confirmUrl);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fa");
        assertThat(browser.findElement(By.id("amount")).getText())
                .contains(number(MoneyFormat.format(500_000, irr, FA)));
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
        Chromium.screenshot(browser, "quickstart-fa-confirmed");
        browser.findElement(By.id("back-to-chat")).click(); // issue 13 (3.4a): back to the web chat
        wait.until(ExpectedConditions.urlToBe(BASE + "/chat"));
        // issue 13 (5.1c): "... waits for +33671100..." keeps the phone's order in the Persian sentence
        WebElement waits = wait.until(d -> answers().stream()
                .filter(a -> a.getText().contains(stranger.substring(1)))
                .reduce((a, b) -> b)
                .orElse(null));
        assertThat(drawnLeftToRight(waits, stranger))
                .as("the phone is drawn +3367..., not 3367...+")
                .isTrue();

        // the money waits for the stranger's claim: reserved, not spendable, and said so
        browser.get(BASE + "/chat?lang=fa");
        type("موجودی");
        Account account = account(sarasIrr);
        assertThat(account.balanceMinor() - account.availableMinor())
                .as("held in escrow")
                .isEqualTo(500_000);
        String spendable = number(MoneyFormat.format(account.availableMinor(), irr, FA));
        String reserved = number(MoneyFormat.format(500_000, irr, FA));
        String balance = waitForAnswer(spendable);
        assertThat(balance).contains(spendable).contains(reserved);
        Chromium.screenshot(browser, "quickstart-fa-balance");
    }

    /**
     * Issue 13 (3.4c, 4.5b, 4.5c, 3.4a) in Chromium itself, not only the requests the buttons make:
     * "share my location" with the browser's geolocation (set through the DevTools protocol) brings
     * the nearest branches; a claim link in the payer's chat is ONE button (it was two "Share the
     * link"), which copies the link where the phone has no share sheet (headless Chromium has none
     * here: navigator.share is removed to be sure); the confirm page's outcome links back to the
     * chat; the pay-by-transfer page's copy buttons put the IBAN and the reference on the clipboard.
     */
    @Test
    @DisplayName("issue 13: location, share, copy and back-to-the-chat buttons work in Chromium")
    void theChatAndPageButtonsWorkInChromium(@TempDir Path profile) {
        start(profile);
        DemoCustomer alice = DemoBank.CUSTOMERS.get(0);
        browser.executeCdpCommand(
                "Browser.grantPermissions",
                java.util.Map.of(
                        "origin",
                        BASE,
                        "permissions",
                        List.of("geolocation", "clipboardReadWrite", "clipboardSanitizedWrite")));
        browser.executeCdpCommand(
                "Emulation.setGeolocationOverride",
                java.util.Map.of(
                        "latitude", 48.8709, "longitude", 2.3320, "accuracy", 10)); // a few steps from the Opéra branch
        browser.get(BASE + "/chat?lang=en");
        WebElement locate = wait.until(ExpectedConditions.elementToBeClickable(By.id("chat-location")));
        locate.click();
        WebElement places = wait.until(d -> d.findElements(By.cssSelector("#chat-log li.card")).stream()
                .filter(c -> c.getText().contains("socialbank Paris Opéra"))
                .findFirst()
                .orElse(null));
        assertThat(places.getText().indexOf("Paris Opéra"))
                .as("the nearest first")
                .isLessThan(places.getText().indexOf("Paris Bastille"));

        type("balance");
        linkTheChat(alice, "now linked");
        String stranger = "+33671100"
                + String.format("%03d", Math.floorMod(UUID.randomUUID().hashCode(), 1_000));
        int before = answers().size();
        type("pay " + stranger + " 5");
        newestChip(before).click();
        String confirmUrl = waitForLink("/confirm/"); // the first payment of a newly linked chat
        String code = newestCode();
        browser.get(confirmUrl);
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement back = wait.until(ExpectedConditions.elementToBeClickable(By.id("back-to-chat")));
        assertThat(browser.findElement(By.id("outcome")).getText()).isNotBlank();
        assertThat(back.getAttribute("href")).isEqualTo(BASE + "/chat");
        back.click();
        wait.until(ExpectedConditions.urlToBe(BASE + "/chat"));
        // a whole page load (the outcome page is htmx-boosted; a boosted swap left the chat's script unrun)
        wait.until(d -> (BASE + "/chat")
                .equals(browser.executeScript("return performance.getEntriesByType('navigation')[0].name")));

        String claimUrl = waitForLink("/claim/");
        By shareLabel = By.xpath("//ol[@id='chat-log']//li[contains(., '" + stranger + "')]"
                + "//*[normalize-space(text())='Share the link']");
        assertThat(browser.findElements(shareLabel))
                .as("one \"Share the link\", not two")
                .hasSize(1);
        browser.executeScript("delete Navigator.prototype.share; delete navigator.share;");
        wait.until(ExpectedConditions.elementToBeClickable(shareLabel)).click();
        wait.until(d -> !d.findElements(By.cssSelector("#chat-log a.share-link[data-done='true']"))
                .isEmpty());
        assertThat(clipboard()).isEqualTo(claimUrl);
        assertThat(browser.getWindowHandles()).as("copied, not opened").hasSize(1);

        type("request 20 from +33671100"
                + String.format("%03d", Math.floorMod(UUID.randomUUID().hashCode(), 1_000)));
        String payRequest = waitForLink("/pay-request/");
        browser.get(payRequest);
        for (String field : List.of("iban", "reference")) {
            WebElement copy = browser.findElement(By.cssSelector("#" + field + " button.copy"));
            String shown =
                    browser.findElement(By.cssSelector("#" + field + " code")).getText();
            copy.click();
            wait.until(d -> "true".equals(copy.getAttribute("data-done")));
            assertThat(clipboard()).as(field).isEqualTo(shown);
        }
    }

    /** What the page's clipboard holds, read as the page would (permission granted above). */
    private String clipboard() {
        return (String) browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "navigator.clipboard.readText().then(done, function (e) { done('unreadable: ' + e); });");
    }

    /** Whether {@code ltr} is drawn in its own order inside the element: its first character left of its last. */
    private boolean drawnLeftToRight(WebElement element, String ltr) {
        Object lefts = browser.executeScript(
                "var el = arguments[0], s = arguments[1];"
                        + "var w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);"
                        + "while (w.nextNode()) { var t = w.currentNode, i = t.data.indexOf(s); if (i < 0) { continue; }"
                        + "  var a = document.createRange(); a.setStart(t, i); a.setEnd(t, i + 1);"
                        + "  var b = document.createRange(); b.setStart(t, i + s.length - 1); b.setEnd(t, i + s.length);"
                        + "  return [a.getBoundingClientRect().left, b.getBoundingClientRect().left]; }"
                        + "return null;",
                element,
                ltr);
        assertThat(lefts).as("the text " + ltr + " in " + element.getText()).isInstanceOf(List.class);
        List<?> xs = (List<?>) lefts;
        return ((Number) xs.get(0)).doubleValue() < ((Number) xs.get(1)).doubleValue();
    }

    // --- the walk's steps ------------------------------------------------------------------

    private void start(Path profile) {
        browser = Chromium.start(profile);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class); // the log redraws as answers arrive
    }

    /** Follows the chat's link button, signs in, types the SMS code, and waits for the chat to say so. */
    private void linkTheChat(DemoCustomer customer, String linkedSays) {
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.link-button")));
        String chat = browser.getWindowHandle();
        link.click();
        wait.until(d -> d.getWindowHandles().size() == 2);
        browser.getWindowHandles().stream()
                .filter(h -> !h.equals(chat))
                .findFirst()
                .ifPresent(h -> browser.switchTo().window(h));
        String linkUrl = browser.getCurrentUrl();
        browser.findElement(By.id("username")).sendKeys(customer.username());
        browser.findElement(By.id("password")).sendKeys(customer.password());
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
        String code = newestCode();
        browser.get(linkUrl);
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.presenceOfElementLocated(By.id("code"))));
        // issue 13 (3.4a): the done page links back to the chat the link came from
        assertThat(browser.findElement(By.id("back-to-chat")).getAttribute("href"))
                .isEqualTo(BASE + "/chat");
        browser.close();
        browser.switchTo().window(chat);
        waitForAnswer(linkedSays);
    }

    /** The newest one-time code in the developer SMS inbox, in ASCII digits. */
    private String newestCode() {
        String chat = browser.getCurrentUrl();
        browser.get(BASE + "/dev/sms");
        Matcher code = Pattern.compile("(?<![0-9۰-۹])([0-9۰-۹]{6})(?![0-9۰-۹])")
                .matcher(browser.findElement(By.cssSelector("ol.messages li p.text"))
                        .getText());
        assertThat(code.find()).as("the code is in the developer inbox").isTrue();
        browser.get(chat);
        return org.socialbank.shared.Digits.toAscii(code.group(1));
    }

    private void type(String text) {
        WebElement input = browser.findElement(By.id("chat-text"));
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    private String waitForAnswer(String part) {
        return wait.until(d -> answers().stream()
                .map(WebElement::getText)
                .filter(t -> t.contains(part))
                .reduce((a, b) -> b)
                .orElse(null));
    }

    private String waitForLink(String path) {
        return wait.until(d -> d.findElements(By.cssSelector("a.link-button")).stream()
                .map(a -> a.getAttribute("href"))
                .filter(h -> h != null && h.contains(path))
                .reduce((a, b) -> b)
                .orElse(null));
    }

    /** The first button of the newest answer after the first {@code before} that has live buttons (Confirm). */
    private WebElement newestChip(int before) {
        return wait.until(d -> {
            List<WebElement> all = answers();
            List<WebElement> withChips = all.subList(Math.min(before, all.size()), all.size()).stream()
                    .filter(a -> a.findElements(By.cssSelector("button.chip")).stream()
                            .anyMatch(WebElement::isEnabled))
                    .toList();
            return withChips.isEmpty()
                    ? null
                    : withChips
                            .get(withChips.size() - 1)
                            .findElements(By.cssSelector("button.chip"))
                            .get(0);
        });
    }

    private List<WebElement> answers() {
        return browser.findElements(By.cssSelector("#chat-log li.bank:not(.intro):not(.typing)"));
    }

    private Account account(AccountId id) {
        return ledger.account(id).orElseThrow();
    }

    /** The number of an amount as written ("۴۹٬۵۰۰٬۰۰۰" of "۴۹٬۵۰۰٬۰۰۰ ریال (۴٬۹۵۰٬۰۰۰ تومان)"). */
    private static String number(String amount) {
        Matcher digits = Pattern.compile("[0-9۰-۹][0-9۰-۹٬,.]*[0-9۰-۹]").matcher(amount);
        assertThat(digits.find()).as(amount).isTrue();
        return digits.group();
    }

    private static PaymentId reference(String card, String label) {
        Matcher id = Pattern.compile(Pattern.quote(label) + "([0-9a-f-]{36})").matcher(card);
        assertThat(id.find()).as(card).isTrue();
        return new PaymentId(UUID.fromString(id.group(1)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
