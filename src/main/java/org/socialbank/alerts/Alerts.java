package org.socialbank.alerts;

import java.time.Clock;
import org.socialbank.alerts.jdbc.JdbcAlerts;
import org.socialbank.directory.CustomerId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A customer's alert settings: read (the defaults until they change one) and saved. */
@Service
public class Alerts {

    private final JdbcAlerts store;
    private final Clock clock;

    Alerts(JdbcAlerts store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AlertSettings settings(CustomerId customer) {
        return store.settings(customer).orElseGet(() -> AlertSettings.defaults(customer));
    }

    @Transactional
    public AlertSettings save(AlertSettings settings) {
        store.save(settings, clock.instant());
        return settings;
    }
}
