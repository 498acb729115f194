package org.socialbank.listening.cases;

import java.time.Instant;
import org.socialbank.listening.MentionId;

/**
 * A mention the social-care team answers.
 *
 * @param owner the console user name of whoever owns it, or null until someone takes it
 * @param deadline when the answer is due
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
        return status == CaseStatus.OPEN && now.isAfter(deadline);
    }
}
