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

    /**
     * The member of staff this agent is: an id in the form {@link #of(StaffId)} writes (a UUID,
     * lower case, with every digit); empty for any other id (an agent added through the API under an
     * id of its own, even one {@link UUID#fromString} would stretch into a UUID, such as "1-2-3-4-5").
     */
    Optional<StaffId> staff() {
        try {
            UUID id = UUID.fromString(value);
            return id.toString().equals(value) ? Optional.of(new StaffId(id)) : Optional.empty();
        } catch (IllegalArgumentException notAStaffId) {
            return Optional.empty();
        }
    }
}
