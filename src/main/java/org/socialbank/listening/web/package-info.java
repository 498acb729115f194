/** The HTTP API of social listening: mention import and listing, corrections, spikes, dashboard. */
package org.socialbank.listening.web;
