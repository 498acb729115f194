package org.socialbank.shared;

/**
 * Whether this node runs the demo bank: seeded accounts, a generated API token, a public
 * development pepper and the {@code /dev/**} pages.
 *
 * @param enabled true only when {@code socialbank.demo.enabled=true}; never implied by the store
 *     (security review #8: an H2 file is a real store too)
 */
public record DemoMode(boolean enabled) {

    /** The one property that turns demo mode on. */
    public static final String PROPERTY = "socialbank.demo.enabled";
}
