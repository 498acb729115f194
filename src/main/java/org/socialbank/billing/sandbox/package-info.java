/**
 * The sandbox biller: the embedded {@link org.socialbank.billing.Biller} used while no real one
 * is configured. It answers inquiries from the bill itself, pays at once, refuses configured
 * bills, and can be told to fail, time out or lose the next payments.
 */
package org.socialbank.billing.sandbox;
