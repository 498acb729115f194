/**
 * Cross-bank fund collection (sweeping): the customer links an account at another bank with a
 * consent (a maximum per payment and per period, an expiry), then collects money from it now or
 * by a monthly standing rule. Every pull goes through an {@link org.socialbank.sweeping.OpenBanking}
 * provider, respects the consent's limits under concurrency, and is booked in the ledger once.
 * "Collect my money" in chat is recorded with the message and collected by a worker, which
 * publishes {@link org.socialbank.sweeping.CollectionSettled} once per pull for the chat, or
 * {@link org.socialbank.sweeping.CollectionNotStarted} once when a request starts no pull, or
 * {@link org.socialbank.sweeping.CollectionPartlyStarted} once when it starts only some.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sweeping")
package org.socialbank.sweeping;
