package org.socialbank.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notifications, validated at start-up.
 *
 * @param devInboxMax the most messages the developer inbox keeps; each new one removes the
 *     oldest beyond this
 */
@ConfigurationProperties("socialbank.notifications")
public record NotificationsProperties(@DefaultValue("500") int devInboxMax) {

    public NotificationsProperties {
        if (devInboxMax < 1 || devInboxMax > 100_000) {
            throw new IllegalArgumentException("socialbank.notifications.dev-inbox-max must be 1..100000");
        }
    }
}
