/**
 * The sandbox interbank rail: the embedded {@link org.socialbank.payouts.InterbankRail} used while
 * no real one is configured. It accepts payouts, settles them after a configured delay, rejects
 * configured accounts, and can be told to fail, lose or leave in doubt the next ones.
 */
package org.socialbank.payouts.sandbox;
