/**
 * Social care on listening (issue 20 s3): a mention becomes a case with a deadline, a team, an
 * owner, notes and neutral public replies; spikes become alerts raised once each, shown in the
 * console and written to the staff chat through the conversation outbox. Staff are named by their
 * console user name; the console audits every action.
 */
@org.springframework.modulith.NamedInterface("cases")
package org.socialbank.listening.cases;
