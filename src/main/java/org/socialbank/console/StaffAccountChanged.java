package org.socialbank.console;

import java.util.Objects;

/**
 * An administrator changed a staff account: its name, roles, teams or languages, or disabled or
 * enabled it. Published in the change's transaction, so what another module keeps in step with
 * the account changes with it or not at all: e.g. the handoff stops giving customers' conversations
 * to a person who may no longer answer them, at once (review 2026-12-07 console #1).
 *
 * @param member the account as it is after the change
 * @param active whether the account may sign in after the change
 */
public record StaffAccountChanged(StaffMember member, boolean active) {

    public StaffAccountChanged {
        Objects.requireNonNull(member, "member");
    }

    /** Whether the person may answer customers now: an active account with a role that does. */
    public boolean answersCustomers() {
        return active && member.can(Permission.CONVERSATIONS);
    }
}
