/**
 * The points API: a customer's points (balance, what expires soon, movements) and idempotent
 * redemptions, refusals mapped once to problem+json.
 */
package org.socialbank.loyalty.web;
