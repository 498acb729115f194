/**
 * The web kernel: problem+json for the API and the webhooks, the bank's own localized error pages
 * for the pages, request size limits, strict JSON, the pages' language and the redirect that lets
 * a reload of a form's address show its page again.
 */
package org.socialbank.shared.web;
