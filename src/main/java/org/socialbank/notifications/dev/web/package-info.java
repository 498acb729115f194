/**
 * The developer inbox over HTTP, in demo mode only: a page at {@code /dev/sms} for people and
 * {@code /dev/sms.json} for tests and scripts. Outside demo mode both answer 404.
 */
package org.socialbank.notifications.dev.web;
