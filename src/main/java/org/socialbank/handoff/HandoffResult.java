package org.socialbank.handoff;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** What a staff action did: done (with the case, and the outbox row of what went to the customer), or refused. */
public sealed interface HandoffResult {

    /**
     * @param outboxId the reply's outbox row, when the action wrote to the customer
     * @param repeated whether this client id was sent before (nothing new was written)
     */
    record Done(CaseId caseId, Optional<UUID> outboxId, boolean repeated) implements HandoffResult {
        public Done {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(outboxId, "outboxId");
        }

        static Done of(CaseId caseId) {
            return new Done(caseId, Optional.empty(), false);
        }
    }

    record Refused(HandoffRefusal code) implements HandoffResult {
        public Refused {
            Objects.requireNonNull(code, "code");
        }
    }
}
