package org.socialbank.shared;

/**
 * Whether this node runs the demo bank: seeded accounts and a generated API token.
 *
 * @param enabled true when {@code socialbank.demo.enabled} says so, or, when it is not set, when
 *     the store is the embedded H2 default
 */
public record DemoMode(boolean enabled) {
}
