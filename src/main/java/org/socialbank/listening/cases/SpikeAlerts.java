package org.socialbank.listening.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.ChatMessageDue;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.listening.Listening;
import org.socialbank.listening.ListeningProperties;
import org.socialbank.listening.Spike;
import org.socialbank.shared.Secrets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns spikes into alerts, each once: a topic and kind alerts again only a spike window after
 * its last alert, and the UNIQUE (topic, kind, window-length bucket) makes two nodes scanning at
 * the same moment raise one. The alert row and the staff-chat message (through the conversation
 * outbox) are written in one transaction, so the chat gets the alert exactly when it is raised.
 */
@Service
public class SpikeAlerts {

    public static final int LIST_MAX = 200;
    static final int EXAMPLE_CHARS_MAX = 200;

    private static final Logger log = LoggerFactory.getLogger(SpikeAlerts.class);

    private final Listening listening;
    private final SpikeAlertStore store;
    private final ChannelIdentities identities;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;
    private final Duration window;
    private final CasesProperties properties;
    private final StaffChatProperties staffChat;
    private final TransactionTemplate transactions;

    SpikeAlerts(
            Listening listening,
            SpikeAlertStore store,
            ChannelIdentities identities,
            ApplicationEventPublisher events,
            MessageSource messages,
            Clock clock,
            ListeningProperties listeningProperties,
            CasesProperties properties,
            StaffChatProperties staffChat,
            PlatformTransactionManager transactionManager) {
        this.listening = listening;
        this.store = store;
        this.identities = identities;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
        this.window = listeningProperties.spikeWindow();
        this.properties = properties;
        this.staffChat = staffChat;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(
            fixedDelayString = "${socialbank.listening.cases.alert-every:1m}",
            initialDelayString = "${socialbank.listening.cases.alert-every:1m}")
    void scheduled() {
        if (!properties.alertsEnabled()) {
            return;
        }
        try {
            raise();
        } catch (RuntimeException e) {
            log.warn("spike alerts: this round failed; the next one looks again", e);
        }
    }

    /** One round: raises the spikes of now not yet alerted; answers the alerts this call raised. */
    public List<SpikeAlert> raise() {
        Instant now = clock.instant();
        Instant bucket = Instant.ofEpochMilli(now.toEpochMilli() / window.toMillis() * window.toMillis());
        return listening.spikes().stream()
                .filter(s -> !store.raisedSince(s.topic(), s.kind(), now.minus(window)))
                .map(s -> raise(s, now, bucket))
                .flatMap(Optional::stream)
                .toList();
    }

    private Optional<SpikeAlert> raise(Spike spike, Instant now, Instant bucket) {
        SpikeAlert alert = new SpikeAlert(
                UUID.randomUUID(),
                spike.topic(),
                spike.kind(),
                spike.windowStart(),
                spike.windowEnd(),
                spike.count(),
                spike.baselineMean(),
                spike.severity(),
                spike.words().stream().map(w -> Secrets.screen(w).text()).toList(),
                // mentions are stored screened; the alert keeps what staff may see, whatever it is given
                spike.examples().stream()
                        .map(e -> new SpikeAlert.Example(
                                e.id(), e.source(), Secrets.screen(e.text()).text()))
                        .toList(),
                now,
                null,
                null);
        Optional<ChannelIdentity> chat =
                staffChat.target().map(t -> identities.identify(t.network(), t.chatId(), null, null));
        try {
            transactions.executeWithoutResult(status -> {
                store.insert(alert, bucket);
                chat.ifPresent(c ->
                        events.publishEvent(new ChatMessageDue(c.id(), c.channel(), c.externalId(), chatText(alert))));
            });
            return Optional.of(alert);
        } catch (DuplicateKeyException raisedElsewhere) {
            return Optional.empty();
        }
    }

    /**
     * The staff chat's message: what rose, how badly, the words and one example. The example is a
     * stranger's post: a card number or a code in it is masked before it reaches the chat
     * ({@link Secrets}), then it is cut (so a cut never leaves a card's first digits readable).
     */
    String chatText(SpikeAlert a) {
        Locale locale = Locale.forLanguageTag(staffChat.language());
        String topic = messages.getMessage("cases.topic." + a.topic().wireName(), null, locale);
        String kind = messages.getMessage("cases.spike.kind." + a.kind().name().toLowerCase(Locale.ROOT), null, locale);
        String example = a.examples().isEmpty()
                ? "-"
                : cut(Secrets.screen(a.examples().get(0).text()).text());
        return messages.getMessage(
                "cases.alert.chat",
                new Object[] {
                    topic,
                    kind,
                    a.count(),
                    String.valueOf(a.baselineMean()),
                    a.severity(),
                    a.words().isEmpty() ? "-" : String.join(", ", a.words()),
                    example
                },
                locale);
    }

    private static String cut(String text) {
        return text.codePointCount(0, text.length()) <= EXAMPLE_CHARS_MAX
                ? text
                : text.substring(0, text.offsetByCodePoints(0, EXAMPLE_CHARS_MAX)) + "…";
    }

    /** The newest alerts (only those not yet acknowledged, or all), at most {@code limit} (1..200). */
    public List<SpikeAlert> newest(boolean openOnly, int limit) {
        if (limit < 1 || limit > LIST_MAX) {
            throw new IllegalArgumentException("limit must be 1.." + LIST_MAX);
        }
        return store.newest(openOnly, limit);
    }

    /** Marks an alert seen; false when there is no such open alert. */
    public boolean acknowledge(UUID id, String who) {
        return store.acknowledge(id, who, clock.instant());
    }
}
