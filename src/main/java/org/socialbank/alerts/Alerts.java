package org.socialbank.alerts;

import java.time.Clock;
import org.socialbank.alerts.jdbc.JdbcAlerts;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.shared.Language;
import org.socialbank.shared.Dates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A customer's alert settings: read (the defaults until they change one) and saved. */
@Service
public class Alerts {

    private final JdbcAlerts store;
    private final Clock clock;
    private final Directory directory;

    Alerts(JdbcAlerts store, Clock clock, Directory directory) {
        this.store = store;
        this.clock = clock;
        this.directory = directory;
    }

    @Transactional(readOnly = true)
    public AlertSettings settings(CustomerId customer) {
        return store.settings(customer).orElseGet(() -> defaults(customer, directory));
    }

    @Transactional
    public AlertSettings save(AlertSettings settings) {
        store.save(settings, clock.instant());
        return settings;
    }

    /** A customer's settings before she changed any: her language's zone (Tehran for Persian...). */
    static AlertSettings defaults(CustomerId customer, Directory directory) {
        Language language = directory.customer(customer).map(v -> v.customer().language()).orElse(Language.EN);
        return AlertSettings.defaults(customer, Dates.zoneOf(language.locale()));
    }
}
