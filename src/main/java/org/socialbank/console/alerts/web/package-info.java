/**
 * The console's alert pages under {@code /console/alerts}: the alert SMS that failed, for
 * supervisors (review 2026-12-07 alerts follow-up); each look is audited.
 */
package org.socialbank.console.alerts.web;
