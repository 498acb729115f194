package org.socialbank.support;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.socialbank.console.ConsoleStaff;
import org.socialbank.console.Role;
import org.socialbank.console.StaffMember;

/**
 * The staff sign-in in a {@link Chromium} browser, as a person does it: the password page, then
 * the authenticator code (from {@link ConsoleStaff#codeNow()}), and waits until the console shows
 * the sign-out form. Over plain HTTP, {@link ConsoleStaff#signIn} does the same with a FormClient.
 */
public final class ConsoleSession {

    /** How long a browser step may take before the test fails. */
    public static final Duration STEP = Duration.ofSeconds(20);

    private ConsoleSession() {}

    /** The bank's address on the test server's port. */
    public static String base(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** Signs the member of staff in, in English; returns when the console is shown. */
    public static void signIn(WebDriver browser, int port, ConsoleStaff staff, StaffMember member) {
        WebDriverWait wait = new WebDriverWait(browser, STEP);
        browser.get(base(port) + "/console/login?lang=en");
        browser.findElement(By.id("username")).sendKeys(member.username());
        browser.findElement(By.id("password")).sendKeys(ConsoleStaff.PASSWORD);
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code"))).sendKeys(staff.codeNow());
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.sign-out")));
    }

    /** A new member of staff with these roles ({@link ConsoleStaff#create}), signed in. */
    public static StaffMember signInAs(WebDriver browser, int port, ConsoleStaff staff, Role first, Role... more) {
        StaffMember member = staff.create(first, more);
        signIn(browser, port, staff, member);
        return member;
    }
}
