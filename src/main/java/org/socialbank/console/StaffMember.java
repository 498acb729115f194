package org.socialbank.console;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The signed-in member of staff, as a console controller receives it ({@code @AuthenticationPrincipal
 * StaffMember who}). Teams and languages scope what an agent sees: the queues of their teams, in
 * the languages they answer.
 *
 * @param languages language codes ({@code en fr ru fa zh}) this person answers in
 */
public record StaffMember(
        StaffId id, String username, String displayName, Set<Role> roles, List<String> teams, List<String> languages) {

    public StaffMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        teams = List.copyOf(teams);
        languages = List.copyOf(languages);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean can(Permission permission) {
        return permission.grantedTo(roles);
    }

    /** Whether this person works in a team (supervisors and agents see only their teams' queues). */
    public boolean inTeam(String team) {
        return teams.contains(team);
    }

    /**
     * Refuses the request unless this person has the permission: the console answers 403
     * problem+json with the code {@code forbidden}.
     */
    public void require(Permission permission) {
        if (!can(permission)) {
            throw new ConsoleForbidden(permission);
        }
    }

    @Override
    public String toString() {
        return "StaffMember[" + username + " " + roles + "]";
    }
}
