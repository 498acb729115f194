/** What every channel's web side shares: the one security chain of the platforms' webhooks. */
package org.socialbank.channels.web;
