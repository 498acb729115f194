package org.socialbank.console.listening.web;

import org.socialbank.console.ConsoleForbidden;
import org.socialbank.console.Permission;
import org.socialbank.console.Role;
import org.socialbank.console.StaffMember;

/**
 * Who may read and act on listening: the filter chain checked the permission already; here the
 * team. Agents and supervisors read and act only in the social-care team (the cases' default
 * team); auditors read whatever their team.
 */
final class SocialCare {

    private SocialCare() {}

    static void requireRead(StaffMember who, String team) {
        who.require(Permission.LISTENING);
        if (!who.has(Role.AUDITOR) && !who.inTeam(team)) {
            throw new ConsoleForbidden(Permission.LISTENING);
        }
    }

    static void requireAct(StaffMember who, String team) {
        who.require(Permission.LISTENING_ACT);
        if (!who.inTeam(team)) {
            throw new ConsoleForbidden(Permission.LISTENING_ACT);
        }
    }
}
