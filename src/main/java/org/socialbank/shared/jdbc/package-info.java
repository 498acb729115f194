/**
 * What every store shares: durable transactions (an answer only after the commit is on disk, on
 * H2 and PostgreSQL), instants cut to microseconds, bounded retention deletes, and the kernel's
 * start-up checks (the store's URL, demo mode).
 */
package org.socialbank.shared.jdbc;
