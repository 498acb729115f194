package org.socialbank.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.alerts.jdbc.AlertRow;
import org.socialbank.alerts.jdbc.JdbcAlertSms;
import org.socialbank.alerts.jdbc.JdbcAlertSms.UntoldFailure;
import org.socialbank.alerts.jdbc.JdbcAlerts;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.Directory;
import org.socialbank.shared.Language;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells a customer in chat that an alert's SMS failed for good (review 2026-12-07 alert
 * follow-up): staff saw it in the console's list, she did not, though she may have linked a chat
 * since, or one may reach her again. Each failure is taken once, in its own transaction: it is
 * marked {@code chat} and {@link AlertSmsFailed} is published to her first reachable chat in her
 * order, or marked {@code no_chat} when she has none; the mark is conditional, so two nodes never
 * both tell her. Run in the follower's round, after the queued SMS were sent. While her quiet hours
 * are on the notice is held until they end, as her alerts are (reread 2026-12-08). A failure whose
 * notice throws is logged and counted, and after {@value #TRIES_MAX} tries marked {@code gave_up},
 * so that it never stands first in every round and blocks the failures behind it.
 */
@Component
class AlertSmsFailureNotices {

    private static final Logger log = LoggerFactory.getLogger(AlertSmsFailureNotices.class);

    /** Tries to write one notice before it is given up on (staff still see the failure listed). */
    static final int TRIES_MAX = 3;

    private final JdbcAlertSms smsStore;
    private final JdbcAlerts store;
    private final Directory directory;
    private final ChannelIdentities identities;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final AlertsProperties properties;
    private final Clock clock;

    AlertSmsFailureNotices(
            JdbcAlertSms smsStore,
            JdbcAlerts store,
            Directory directory,
            ChannelIdentities identities,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            AlertsProperties properties,
            Clock clock) {
        this.smsStore = smsStore;
        this.store = store;
        this.directory = directory;
        this.identities = identities;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
    }

    /** Tells the customers of the failures not told yet, at most {@code batch-max}; answers how many went to a chat. */
    int tell() {
        int told = 0;
        for (UntoldFailure failure : smsStore.untoldFailures(clock.instant(), properties.batchMax())) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(status -> tell(failure)))) {
                    told++;
                }
            } catch (RuntimeException e) {
                boolean gaveUp = smsStore.failedTelling(failure.alertId(), TRIES_MAX, clock.instant());
                log.warn(
                        "The notice of the failed SMS of alert {} could not be written{}",
                        failure.alertId(),
                        gaveUp ? "; given up after " + TRIES_MAX + " tries" : "",
                        e);
            }
        }
        return told;
    }

    private boolean tell(UntoldFailure failure) {
        Optional<AlertRow> alert = store.alert(failure.alertId());
        AlertSettings settings = Alerts.of(store, directory, failure.customerId());
        Instant now = clock.instant();
        Optional<Instant> quietUntil = settings.quietUntil(now);
        if (quietUntil.isPresent()) {
            smsStore.holdTelling(failure.alertId(), quietUntil.get());
            return false;
        }
        Optional<ChannelIdentity> chat = TransactionAlerts.chat(identities, failure.customerId(), settings);
        if (alert.isEmpty() || chat.isEmpty()) {
            smsStore.markTold(failure.alertId(), "no_chat", now);
            return false;
        }
        if (!smsStore.markTold(failure.alertId(), "chat", now)) {
            return false; // another node told her
        }
        Language language = directory
                .customer(failure.customerId())
                .map(v -> v.customer().language())
                .orElse(Language.EN);
        ChannelIdentity c = chat.get();
        events.publishEvent(new AlertSmsFailed(
                failure.alertId(),
                alert.get().kind(),
                alert.get().postedAt(),
                settings.zone(),
                language,
                failure.status().equals("UNKNOWN"),
                ending(failure.toE164()),
                c.id(),
                c.channel(),
                c.externalId()));
        return true;
    }

    /** The last two digits of a number: enough for her to know which, nothing for anyone else. */
    static String ending(String e164) {
        return e164.substring(Math.max(0, e164.length() - 2));
    }
}
