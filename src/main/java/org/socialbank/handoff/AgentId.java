package org.socialbank.handoff;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.console.StaffId;

/** A staff member who answers customers: the staff id of the console's sign-in. */
public record AgentId(String value) {
    public AgentId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("an agent id is 1..64 characters");
        }
    }

    /** The agent a member of staff is. */
    public static AgentId of(StaffId staff) {
        return new AgentId(staff.value().toString());
    }

    /** The member of staff this agent is; empty for an id that is none (an agent added through the API). */
    Optional<StaffId> staff() {
        try {
            return Optional.of(new StaffId(UUID.fromString(value)));
        } catch (IllegalArgumentException notAStaffId) {
            return Optional.empty();
        }
    }
}
