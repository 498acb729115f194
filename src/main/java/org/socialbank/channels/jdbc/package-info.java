/**
 * SQL the channel adapters share: the platform events a webhook has handled, kept once per event
 * id so that a platform's redelivery is acknowledged and not acted on twice.
 */
package org.socialbank.channels.jdbc;
