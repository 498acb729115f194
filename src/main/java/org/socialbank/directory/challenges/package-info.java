/**
 * How the bank checks it is the customer, for linking a chat and for step-up confirmation alike:
 * sign-in throttling, one-time code challenges sent by SMS (stored only hashed, bound to what they
 * confirm) or read from an authenticator, the second-factor budget, and the alerts a new link
 * sends. Named for what it holds, so that "linking" means one thing: the use case {@link
 * org.socialbank.directory.Linking}.
 */
package org.socialbank.directory.challenges;
