/** The consent API: {@code GET/POST /api/v1/consents} (problem+json with a {@code code} for bad input). */
package org.socialbank.consent.web;
