package org.socialbank.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.alerts.jdbc.AlertRow;
import org.socialbank.alerts.jdbc.JdbcAlerts;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.Directory;
import org.socialbank.shared.OutboundReported;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 17, 1.8: when a platform refuses an alert (the bot was blocked, the reply window closed and
 * no template carries it, the user takes no DMs from the bank), the alert goes to her next linked
 * chat in her order ({@link AlertSettings#rank}), one the alert was not written to yet; when every
 * chat refused, it goes by SMS if it is worth one ({@code sms-kinds}, {@code sms-min-amount-minor},
 * a verified phone), else it stays {@code refused}. The refusal comes back by the outbox row's id
 * ({@link OutboundReported}, from the relay or a platform's later report); the attempt's status
 * changes once, in the transaction that writes the next chat's message, so a report that comes
 * twice moves the alert on once.
 */
@Component
class AlertFallbacks {

    private static final Logger log = LoggerFactory.getLogger(AlertFallbacks.class);

    private final JdbcAlerts store;
    private final Directory directory;
    private final ChannelIdentities identities;
    private final TransactionAlerts alerts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AlertFallbacks(
            JdbcAlerts store,
            Directory directory,
            ChannelIdentities identities,
            TransactionAlerts alerts,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.store = store;
        this.directory = directory;
        this.identities = identities;
        this.alerts = alerts;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @EventListener
    void on(OutboundReported report) {
        if (!"failed".equals(report.state())) {
            return;
        }
        transactions.executeWithoutResult(status -> store.attempt(report.messageId())
                .filter(attempt -> store.refuseAttempt(attempt.messageId(), report.reason()))
                .flatMap(attempt -> store.alert(attempt.alertId()))
                .ifPresent(row -> moveOn(row, report.reason())));
    }

    private void moveOn(AlertRow row, String reason) {
        Instant now = clock.instant();
        AlertSettings settings = Alerts.of(store, directory, row.customerId());
        Set<UUID> tried = store.attempts(row.id()).stream()
                .map(JdbcAlerts.Attempt::identityId)
                .collect(Collectors.toSet());
        List<ChannelIdentity> untried = TransactionAlerts.chats(identities, row.customerId(), settings).stream()
                .filter(c -> !tried.contains(c.id().value()))
                .toList();
        String next = alerts.sendTo(row, settings, untried, now);
        String status = next.equals("no_chat") ? "refused" : next;
        store.setStatus(row.id(), status, now);
        Optional<ChannelIdentity> to = untried.stream().findFirst();
        log.info(
                "alert {}: refused ({}); {}",
                row.id(),
                reason,
                to.map(c -> "sent to the next chat, on " + c.channel().wireName())
                        .orElse("no other chat: " + status));
    }
}
