package org.socialbank.channels.whatsapp;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.socialbank.conversation.Conversations;
import org.socialbank.conversation.engine.DeliveryReports;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.Directory;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.node.ObjectNode;

/**
 * Another node of the bank on the test's database: its own pacing, statuses, webhook inbox and
 * sender, built as {@link WhatsAppConfiguration} builds them, with throttle and pair pauses of
 * {@code pause} (review 2026-12-07 channels follow-up: a pause one node learns holds on all).
 */
final class SecondNode {

    final Pacing pacing;
    final WhatsAppSender sender;
    private final WhatsAppInbox inbox;
    private final WhatsAppProperties properties;

    SecondNode(
            JdbcClient jdbc,
            DeliveryReports reports,
            Conversations conversations,
            ChannelIdentities identities,
            Directory directory,
            WhatsAppProperties first,
            Clock clock,
            Duration pause,
            DurableTransactions writes,
            PlatformTransactionManager transactions) {
        properties = new WhatsAppProperties(
                first.appSecret(),
                first.verifyToken(),
                first.accessToken(),
                first.phoneNumberId(),
                first.apiBaseUrl(),
                first.apiVersion(),
                first.requestTimeout(),
                first.messagesPerSecond(),
                pause,
                pause,
                first.tokenPause(),
                first.windowMargin(),
                first.templates(),
                first.businessNumber(),
                first.webhookMaxBodyBytes(),
                first.messageAgeMax());
        WhatsAppStore store = new WhatsAppStore(jdbc, transactions);
        pacing =
                new Pacing(clock, properties.messagesPerSecond(), new WhatsAppPauses(jdbc, properties.phoneNumberId()));
        WhatsAppStatuses statuses = new WhatsAppStatuses(store, reports, pacing, properties, writes, clock);
        inbox = new WhatsAppInbox(properties, store, statuses, conversations, clock);
        sender = new WhatsAppSender(
                new WhatsAppApi(HttpClient.newHttpClient(), properties),
                store,
                statuses,
                pacing,
                identities,
                directory,
                properties,
                id -> Optional.empty(),
                clock);
    }

    /** Meta posts {@code payload}, signed, to this node's webhook. */
    WhatsAppInbox.Delivery deliver(ObjectNode payload) {
        byte[] body = Recorded.bytes(payload);
        return inbox.deliver(WhatsAppSignatures.sign(properties.appSecret(), body), body);
    }
}
