package org.socialbank.shared;

/**
 * A sandbox standing in for an SPI the bank has not provided (a bean its fallback
 * auto-configuration adds beside the sandbox). Outside demo mode the start is refused while one
 * exists, unless {@value #ALLOWED} is set (staging): a sandbox moves no real money.
 *
 * @param spi the interface a real implementation must provide, e.g. {@code InterbankRail}
 * @param effect what the sandbox does instead, for the start-up message
 */
public record SandboxInUse(Class<?> spi, String effect) {

    /** The property that lets a node outside demo mode run on sandboxes (staging only). */
    public static final String ALLOWED = "socialbank.sandboxes-allowed";
}
