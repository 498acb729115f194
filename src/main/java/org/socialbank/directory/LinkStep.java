package org.socialbank.directory;

import java.time.Instant;
import org.socialbank.shared.Network;

/** Where the bank's linking page is for a one-time link: what to show next. */
public sealed interface LinkStep {

    /** Unknown, expired or already used: ask the chat for a new link. */
    record Invalid() implements LinkStep {}

    /** Sign in with the bank's user name and password, to link the chat {@code account} shown. */
    record SignIn(Network channel, String account, boolean failed, Instant lockedUntil) implements LinkStep {}

    /**
     * This browser may not use the link: another browser opened it first, or (web chat) the
     * browser does not hold the web chat that asked for it (security review #3).
     */
    record WrongBrowser(Network channel) implements LinkStep {}

    /**
     * The customer's second factor is locked out until then: too many codes sent or typed wrong
     * across all links and confirmations (security review #6).
     */
    record Locked(Instant until) implements LinkStep {}

    /**
     * Type the code sent by SMS to the (masked) phone on file or, when {@code authenticator}, the
     * code of the customer's authenticator app.
     */
    record EnterCode(
            Network channel, String account, String maskedPhone, boolean wrong, int attemptsLeft, boolean authenticator)
            implements LinkStep {}

    /** The customer has no phone on file to send a code to. */
    record NoPhone() implements LinkStep {}

    /** Too many wrong codes: this link is cancelled. */
    record Cancelled() implements LinkStep {}

    /**
     * Done: the chat account is now tied to the customer.
     *
     * @param customerName the customer's own name, greeted on the bank's page she just signed in to
     *     (never masked there: "Welcome, Alice W.." and "欢迎，王*" read as errors)
     * @param browserSecret given to the browser that finished, the only one that may then set up
     *     an authenticator app through this link; null when there is nothing to offer
     */
    record Linked(Network channel, String customerName, String browserSecret) implements LinkStep {}

    /** Set up an authenticator app: scan the QR code (or type the secret), then type its code. */
    record Enrol(String qrSvg, String secretBase32, boolean wrong) implements LinkStep {}

    /** The authenticator app now confirms sign-ins instead of SMS. */
    record Enrolled() implements LinkStep {}
}
