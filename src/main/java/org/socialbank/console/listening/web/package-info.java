/**
 * The console's social-care pages under {@code /console/listening} (issue 20 s3-s4): mentions
 * with filters and corrections, cases, spike alerts and the reputation dashboard. Read by agents
 * and supervisors of the social team and by auditors; acted on by agents and supervisors of the
 * social team; every action audited.
 */
package org.socialbank.console.listening.web;
