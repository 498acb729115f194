/**
 * The sandbox rail over HTTP, in demo mode only: {@code POST /dev/payouts/fail-next} makes the
 * next payout be rejected, and {@code GET /dev/payouts.json} tells how many are queued to fail.
 */
package org.socialbank.payouts.dev.web;
