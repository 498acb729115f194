/**
 * The handoff's tables through JdbcClient: cases, queues, assignments, ratings and their
 * retention. {@link org.socialbank.handoff.jdbc.JdbcHandoffs} is the one public store; its SQL is
 * in package-private parts beside it, one per concern (owners, cases, transcript, agents, presence,
 * keywords, the bot's conversations, figures).
 */
package org.socialbank.handoff.jdbc;
