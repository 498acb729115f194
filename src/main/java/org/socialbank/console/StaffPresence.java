package org.socialbank.console;

/**
 * Told that the console saw a member of staff: every request of a signed-in session (a page, an
 * action, a refresh, the live queue's event stream, which a page open on the queue reopens every
 * few minutes), on any node. An SPI: e.g. the handoff gives customers' conversations only to agents
 * the console saw lately. Without an implementation nobody is told. Called on every such request,
 * after the person is authenticated, so an implementation writes seldom (about once a minute a
 * person) and never waits for a lock; it is best effort: what it throws is logged and the page goes
 * on.
 */
public interface StaffPresence {

    void seen(StaffMember member);
}
