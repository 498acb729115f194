/**
 * The applications' form page on the bank's site and the staff API to list applications and
 * decide them.
 */
package org.socialbank.applications.web;
