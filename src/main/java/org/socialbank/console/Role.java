package org.socialbank.console;

import java.util.Locale;

/** What a member of staff is there to do; a person may hold several roles. */
public enum Role {
    /** Answers customers in the conversations of their teams. */
    AGENT,
    /** Watches every queue of their teams, reassigns, and sees the dashboard. */
    SUPERVISOR,
    /** Prepares and sends campaigns. */
    CAMPAIGN_MANAGER,
    /** Compliance: reads and verifies the audit log, sees the dashboard, changes nothing. */
    AUDITOR,
    /** Manages staff accounts; reads no customer data. */
    ADMIN;

    /** The name as written in the store and in settings: {@code campaign_manager}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role ofWireName(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
}
