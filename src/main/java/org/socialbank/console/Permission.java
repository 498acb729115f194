package org.socialbank.console;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the console lets a role do. The server checks one of these for every console endpoint
 * (see {@code docs/console.md} for the table); pages of other modules check theirs with {@link
 * StaffMember#require(Permission)}.
 */
public enum Permission {
    /** Open, take over and answer the conversations of one's own teams. */
    CONVERSATIONS(Role.AGENT, Role.SUPERVISOR),
    /** Every queue of one's teams: reassign, transfer, configure handoff keywords. */
    SUPERVISE(Role.SUPERVISOR),
    /** Reveal a masked customer value (a reason is required and audited). */
    REVEAL_CUSTOMER_DATA(Role.AGENT, Role.SUPERVISOR),
    /** Campaigns: audiences, schedules, sends. */
    CAMPAIGNS(Role.CAMPAIGN_MANAGER),
    /** The dashboard's numbers and their CSV. */
    DASHBOARD(Role.SUPERVISOR, Role.CAMPAIGN_MANAGER, Role.AUDITOR, Role.ADMIN),
    /** Read, verify and export the audit log. */
    AUDIT(Role.AUDITOR),
    /** List and manage staff accounts. */
    STAFF(Role.ADMIN),
    /** Social listening: read mentions, cases, spike alerts and the reputation dashboard (issue 20). */
    LISTENING(Role.AGENT, Role.SUPERVISOR, Role.AUDITOR),
    /** Social care: correct mentions, open and answer cases, acknowledge spike alerts (issue 20). */
    LISTENING_ACT(Role.AGENT, Role.SUPERVISOR);

    private final Set<Role> roles;

    Permission(Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    /** Whether a person holding these roles has this permission. */
    public boolean grantedTo(Set<Role> held) {
        return held.stream().anyMatch(roles::contains);
    }

    /** The roles that have it. */
    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }

    /** The Spring Security authority the console's filter chain checks. */
    public String authority() {
        return "console:" + name();
    }
}
