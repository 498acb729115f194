package org.socialbank.consent;

import java.util.Locale;

/** Where a change came from: the bank's API (an app, a branch), a chat message, the platform. */
public enum ConsentSource {
    API,
    CHAT,
    PLATFORM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
