/**
 * The handoff's tables through JdbcClient: cases, queues, assignments, ratings and their
 * retention.
 */
package org.socialbank.handoff.jdbc;
