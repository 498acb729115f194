package org.socialbank.listening.cases;

import java.time.Instant;
import org.socialbank.listening.MentionId;

/**
 * A mention the social-care team answers.
 *
 * @param owner the console user name of whoever owns it, or null until someone takes it
 * @param deadline when the answer is due, counted from when the bank received the mention: a
 *     public mention's first reply, a complaint's final response
 * @param answeredAt the time of the first reply or private message, null before
 */
public record Case(
        CaseId id,
        MentionId mentionId,
        CaseKind kind,
        String team,
        String owner,
        CaseStatus status,
        Instant deadline,
        String openedBy,
        Instant openedAt,
        Instant answeredAt,
        Instant closedAt) {

    /** Still waiting for an answer past its deadline. */
    public boolean overdue(Instant now) {
        return due() && now.isAfter(deadline);
    }

    /**
     * Whether the answer its deadline measures is still to come: a public mention's first reply
     * (until then it is open), a complaint's final response, given when staff close it. A holding
     * line, a reply still to post by hand or a private message leaves a complaint due (review
     * 2026-12-07 listening follow-up: the first reply used to hide its deadline for good).
     */
    public boolean due() {
        return kind == CaseKind.COMPLAINT ? status != CaseStatus.CLOSED : status == CaseStatus.OPEN;
    }
}
