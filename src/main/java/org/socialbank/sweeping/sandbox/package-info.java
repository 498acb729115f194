/**
 * The embedded open-banking sandbox, used while no real provider is configured: deterministic
 * balances per external account, pulls idempotent by id, and switches that make the next pulls
 * fail, time out or get lost, for tests and demos.
 */
package org.socialbank.sweeping.sandbox;
