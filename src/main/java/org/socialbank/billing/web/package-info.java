/**
 * The billing API: bill inquiries and payments, mobile top-ups and card-to-card transfers, each
 * idempotent by id with problem+json codes.
 */
package org.socialbank.billing.web;
