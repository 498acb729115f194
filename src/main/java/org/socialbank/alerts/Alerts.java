package org.socialbank.alerts;

import java.time.Clock;
import org.socialbank.alerts.jdbc.JdbcAlerts;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.shared.Dates;
import org.socialbank.shared.Language;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A customer's alert settings: read (the defaults until they change one) and saved. */
@Service
public class Alerts {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    /** The longest token a page link is read with; longer is no link of ours. */
    static final int TOKEN_LENGTH_MAX = 64;

    private final JdbcAlerts store;
    private final Clock clock;
    private final Directory directory;
    private final org.socialbank.directory.DirectoryProperties pages;
    private final AlertsProperties properties;

    Alerts(
            JdbcAlerts store,
            Clock clock,
            Directory directory,
            org.socialbank.directory.DirectoryProperties pages,
            AlertsProperties properties) {
        this.store = store;
        this.clock = clock;
        this.directory = directory;
        this.pages = pages;
        this.properties = properties;
    }

    /**
     * A new link to the customer's alert settings page (issue 17, 1.11), sent in her chat: it opens
     * the page in her language until {@code page-ttl} has passed; only its hash is kept.
     */
    @Transactional
    public String pageLink(CustomerId customer) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        java.time.Instant now = clock.instant();
        store.insertLink(hash(token), customer, now, now.plus(properties.pageTtl()));
        Language language =
                directory.customer(customer).map(v -> v.customer().language()).orElse(Language.EN);
        return pages.url(
                "/alert-settings/" + token + "?lang=" + language.locale().getLanguage());
    }

    /** The customer whose settings page a link opens; empty for an unknown, malformed or expired link. */
    @Transactional(readOnly = true)
    public java.util.Optional<CustomerId> pageCustomer(String token) {
        if (token == null || token.isEmpty() || token.length() > TOKEN_LENGTH_MAX) {
            return java.util.Optional.empty();
        }
        return store.linkCustomer(hash(token), clock.instant());
    }

    private static String hash(String token) {
        return java.util.HexFormat.of()
                .formatHex(
                        org.socialbank.shared.Digests.sha256(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Transactional(readOnly = true)
    public AlertSettings settings(CustomerId customer) {
        return of(store, directory, customer);
    }

    /**
     * Saves the settings; a zone other than the customer's becomes her zone (issue 13: one zone for
     * every chat, page and alert), and only a zone that names a place may be chosen.
     *
     * @throws IllegalArgumentException {@code unknown_zone} for a zone that names no place (UTC, an offset)
     */
    @Transactional
    public AlertSettings save(AlertSettings settings) {
        if (!settings.zone().equals(zoneOf(directory, settings.customerId()))
                && !directory.chooseZone(settings.customerId(), settings.zone())) {
            throw new IllegalArgumentException("unknown_zone");
        }
        store.save(settings, clock.instant());
        return settings;
    }

    /**
     * A customer's settings as alerts read them: what she chose (the defaults until she chose any),
     * always in her own zone ({@code Directory#settings}, issue 13), never in a zone the alert
     * settings kept from before: quiet hours, digests' days and alerts' times follow her zone.
     */
    static AlertSettings of(JdbcAlerts store, Directory directory, CustomerId customer) {
        java.time.ZoneId zone = zoneOf(directory, customer);
        return store.settings(customer)
                .map(s -> s.withZone(zone))
                .orElseGet(() -> AlertSettings.defaults(customer, zone));
    }

    /** Her zone: the one she chose, else her language's (Tehran for Persian...). */
    static java.time.ZoneId zoneOf(Directory directory, CustomerId customer) {
        return directory
                .settings(customer)
                .map(org.socialbank.directory.CustomerSettings::zone)
                .orElseGet(() -> Dates.zoneOf(directory
                        .customer(customer)
                        .map(v -> v.customer().language())
                        .orElse(Language.EN)
                        .locale()));
    }
}
