package org.socialbank.console;

import java.util.List;
import java.util.Optional;

/**
 * Who works at the console, for other modules: e.g. the handoff's queues find the agents of a
 * team who answer in a language. Only active accounts; no credentials.
 */
public interface StaffDirectory {

    Optional<StaffMember> find(StaffId id);

    Optional<StaffMember> findByUsername(String username);

    /** The active members of a team who hold a role, by user name (at most 1000). */
    List<StaffMember> inTeam(String team, Role role);
}
