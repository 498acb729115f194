package org.socialbank.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.alerts.jdbc.JdbcAlerts;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.Directory;
import org.socialbank.shared.Language;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily digests (issue 17): the alerts of a customer who chose {@code daily} wait for the day they
 * belong to in her zone and go as one message the morning after ({@code digest-at}, after her
 * quiet hours). A round holds the journal cursor's row lock, so one node digests at a time, and
 * {@code alert_digests}' primary key (customer, day), written in the transaction that publishes
 * {@link TransactionDigestDue}, makes a digest go once whatever node or round tries again.
 */
@Service
public class AlertDigests {

    private final JdbcAlerts store;
    private final ChannelIdentities identities;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AlertsProperties properties;

    AlertDigests(
            JdbcAlerts store,
            ChannelIdentities identities,
            Directory directory,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock,
            AlertsProperties properties) {
        this.store = store;
        this.identities = identities;
        this.directory = directory;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.properties = properties;
    }

    /** Sends the digests that are due, a bounded round; answers how many customer-days it settled. */
    public int sendDigests() {
        Integer settled = transactions.execute(status -> {
            store.lockCursor(); // one digester at a time, on every node
            Instant now = clock.instant();
            List<JdbcAlerts.DigestKey> due = store.digestsDue(now, properties.batchMax());
            due.forEach(key -> digest(key, now));
            return due.size();
        });
        return settled == null ? 0 : settled;
    }

    private void digest(JdbcAlerts.DigestKey key, Instant now) {
        List<JdbcAlerts.DigestTotal> totals = store.digestTotals(key);
        int postings =
                totals.stream().mapToInt(JdbcAlerts.DigestTotal::postings).sum();
        AlertSettings settings = Alerts.of(store, directory, key.customerId());
        Optional<ChannelIdentity> chat = TransactionAlerts.chat(identities, key.customerId(), settings);
        UUID id = UUID.randomUUID();
        if (chat.isPresent()) {
            Language language = directory
                    .customer(key.customerId())
                    .map(v -> v.customer().language())
                    .orElse(Language.EN);
            ChannelIdentity c = chat.get();
            events.publishEvent(new TransactionDigestDue(
                    id,
                    key.day(),
                    postings,
                    totals.stream()
                            .map(t -> new TransactionDigestDue.Total(
                                    t.currency(),
                                    t.postings(),
                                    t.incomingMinor(),
                                    t.outgoingMinor(),
                                    t.feeMinor(),
                                    t.balanceAfterMinor()))
                            .toList(),
                    language,
                    c.id(),
                    c.channel(),
                    c.externalId(),
                    settings.delivery() == AlertDelivery.WEEKLY));
        }
        store.recordDigest(key, id, chat.isPresent() ? "sent" : "no_chat", postings, now);
    }
}
