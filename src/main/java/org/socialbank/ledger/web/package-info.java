/** The ledger's HTTP API under {@code /api/v1}: JSON in, JSON or {@code problem+json} out. */
package org.socialbank.ledger.web;
