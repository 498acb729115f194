package org.socialbank.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by its own chromedriver (nothing is downloaded). Browser tests
 * are skipped on a machine without them, except in CI, where their absence fails the run.
 */
public final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {}

    public static ChromeDriver start(Path profile) {
        boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but Debian's chromium and chromium-driver are not installed");
        }
        assumeTrue(present, "Chromium and chromedriver are not installed; browser tests skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=412,915",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** Saves what the browser shows, for a person to look at, under target/screenshots. */
    public static Path screenshot(ChromeDriver driver, String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a command failed because the page it read was replaced meanwhile: Chromium reports a
     * node of the old page as "Node with given id does not belong to the document", which Selenium
     * does not turn into a stale element (flakes CI met in the console and the pay form).
     */
    public static boolean replaced(org.openqa.selenium.WebDriverException e) {
        return e instanceof org.openqa.selenium.StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /**
     * Whether {@code element} is gone from the page (the page was replaced): a stale element
     * reference, or Chromium's "does not belong to the document" for the same thing, which
     * {@code ExpectedConditions.stalenessOf} does not recognise (a flake seen in CI).
     */
    public static boolean gone(org.openqa.selenium.WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (replaced(e)) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Clicks the element {@code locator} finds, found again if the page replaced it between finding
     * and clicking (a list htmx refreshes while the test reads it: a flake CI found).
     */
    public static void click(org.openqa.selenium.support.ui.WebDriverWait wait, org.openqa.selenium.By locator) {
        wait.until(onFreshElement(locator, e -> {
            e.click();
            return true;
        }));
    }

    /**
     * Selenium's text-in-element wait, which also waits on (instead of failing at) an element of a
     * page that was replaced between finding it and reading it.
     */
    public static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> textIn(
            org.openqa.selenium.By locator, String text) {
        return onFreshElement(locator, e -> e.getText().contains(text));
    }

    /** A wait's condition on the element {@code locator} finds now: false while it is missing or replaced. */
    private static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> onFreshElement(
            org.openqa.selenium.By locator, java.util.function.Predicate<org.openqa.selenium.WebElement> condition) {
        return driver -> {
            try {
                return condition.test(driver.findElement(locator));
            } catch (org.openqa.selenium.NoSuchElementException e) {
                return false;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (replaced(e)) {
                    return false;
                }
                throw e;
            }
        };
    }
}
