/**
 * The agents' and supervisors' console pages for conversations: queues (live by server-sent
 * events), a case with its masked customer context, take-over of bot conversations, keywords and
 * ratings.
 */
package org.socialbank.handoff.web;
