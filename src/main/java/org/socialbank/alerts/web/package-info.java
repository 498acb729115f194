/** The alert settings API: {@code GET/PUT /api/v1/alert-settings/{customerId}}. */
package org.socialbank.alerts.web;
