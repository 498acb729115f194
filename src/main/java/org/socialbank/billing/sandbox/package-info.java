/**
 * The embedded sandboxes of billing's outside systems, used while no real one is configured: the
 * biller (answers inquiries from the bill itself, pays at once, refuses configured bills), the
 * top-up gateway and the card switch; each can be told to fail, time out or lose the next payments.
 */
package org.socialbank.billing.sandbox;
