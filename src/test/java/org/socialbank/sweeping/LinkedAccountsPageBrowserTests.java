package org.socialbank.sweeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Ledger;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.support.Chromium;
import org.socialbank.support.Customers;
import org.socialbank.support.FormClient;
import org.socialbank.support.MutableClock;
import org.socialbank.support.TestStores;
import org.socialbank.sweeping.sandbox.SandboxOpenBanking;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * svc16, issue 16 s6 "consent list and revoke in chat and on the page": the customer's linked
 * accounts on the bank's page, opened by the signed link the chat sends, in headless Chromium and
 * in Persian (right to left); a consent revoked there with its button stops at once. Over plain
 * HTTP: a link opens its own customer's consents only, and a forged or expired link opens nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "socialbank.web.secure-cookies=false",
            "socialbank.sweeping.worker-interval=10m",
            "socialbank.sweeping.rules-enabled=false"
        })
@Import(SweepingTestClock.class)
class LinkedAccountsPageBrowserTests {

    static final CurrencyCode EUR = CurrencyCode.of("EUR");
    static final java.util.concurrent.atomic.AtomicInteger PHONES = new java.util.concurrent.atomic.AtomicInteger(
            java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000));

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    @Autowired
    Sweeping sweeping;

    @Autowired
    SandboxOpenBanking sandbox;

    @Autowired
    MutableClock clock;

    ChromeDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPersianCustomerRevokesALinkedAccountWithItsButtonOnTheBanksPage(@TempDir Path profile) {
        CustomerId customer = customer(Language.FA);
        ConsentId kept = link(customer, "first-bank");
        ConsentId revoked = link(customer, "second-bank");
        browser = Chromium.start(profile);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.get(local(sweeping.pageUrl(customer)));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("حساب‌های شما در بانک‌های دیگر");
        assertThat(browser.findElements(By.cssSelector("#consents li[data-state=active]")))
                .hasSize(2);
        assertThat(browser.findElement(By.id("consent-" + revoked.value())).getText())
                .contains("second-bank")
                .contains("فعال");
        Chromium.screenshot(browser, "linked-accounts-fa-1-list");

        browser.findElement(By.cssSelector("#consent-" + revoked.value() + " button"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        assertThat(browser.findElement(By.id("notice")).getText())
                .contains("second-bank")
                .contains("لغو شد");
        assertThat(browser.findElement(By.id("consent-" + revoked.value())).getAttribute("data-state"))
                .isEqualTo("inactive");
        assertThat(browser.findElements(By.cssSelector("#consent-" + revoked.value() + " button")))
                .isEmpty();
        assertThat(browser.findElement(By.id("consent-" + kept.value())).getAttribute("data-state"))
                .isEqualTo("active");
        Chromium.screenshot(browser, "linked-accounts-fa-2-revoked");
        assertThat(sweeping.consent(customer, revoked).orElseThrow().revoked()).isTrue();
        assertThat(sweeping.consent(customer, kept).orElseThrow().revoked()).isFalse();
    }

    @Test
    void aLinkOpensItsOwnCustomersConsentsOnlyAndAForgedOrExpiredLinkNothing() {
        CustomerId owner = customer(Language.EN);
        CustomerId other = customer(Language.EN);
        link(owner, "first-bank");
        ConsentId others = link(other, "first-bank");
        String page = pathOf(sweeping.pageUrl(owner));
        FormClient client = new FormClient(port);
        FormClient.Page list = client.get(page);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.html())
                .contains("Your accounts at other banks")
                .contains("first-bank")
                .doesNotContain(others.value().toString());

        String revoke = URI.create(page).getRawPath() + "/revoke";
        assertThat(client.post(revoke, "consent", others.value().toString()).status())
                .isEqualTo(404);
        assertThat(sweeping.consent(other, others).orElseThrow().revoked()).isFalse();
        client.get(page); // the form's CSRF token again
        assertThat(client.post(revoke, "consent", "not-a-consent").status()).isEqualTo(404);

        String forged = page.replaceFirst("\\.([A-Za-z0-9_-])([A-Za-z0-9_-]*)\\?", ".$2x?");
        assertThat(forged).isNotEqualTo(page);
        assertThat(client.get(forged).status()).isEqualTo(404);
        assertThat(client.get(pathOf(sweeping.pageUrl(owner))
                                .replace(owner.value().toString(), other.value().toString()))
                        .status())
                .isEqualTo(404); // another customer's id under this signature
        clock.advance(Duration.ofMinutes(31));
        assertThat(client.get(page).status()).isEqualTo(404);
    }

    private CustomerId customer(Language language) {
        return new Customers(directory, ledger)
                .named("Page Sweeper")
                .speaking(language)
                .phone(phone())
                .wallet(EUR.code())
                .create()
                .id();
    }

    private ConsentId link(CustomerId customer, String bank) {
        ConsentId id = new ConsentId(UUID.randomUUID());
        String ref = SandboxOpenBanking.accountRef(bank, customer.value().toString(), "EUR");
        sandbox.setBalance(ref, 100_00);
        assertThat(sweeping.link(new ConsentRequest(
                        id,
                        customer,
                        bank,
                        ref,
                        EUR,
                        50_00,
                        500_00,
                        LimitPeriod.MONTH,
                        clock.instant().plus(Duration.ofDays(365)))))
                .isInstanceOf(LinkResult.Linked.class);
        return id;
    }

    /** A number in this helper's range (+336714), apart from the other classes'. */
    private static String phone() {
        return String.format("+336714%05d", PHONES.getAndIncrement() % 100_000);
    }

    private static String pathOf(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private String local(String url) {
        return "http://localhost:" + port + url.substring(url.indexOf('/', "http://".length()));
    }
}
