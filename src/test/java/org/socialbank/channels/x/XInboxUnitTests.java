package org.socialbank.channels.x;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One post's events are handled one by one (issue 12 item 7, security review #7): an event that
 * throws is recorded as failed and not tried again, and the events after it still reach the engine;
 * a store failure is the only case X is asked to post again. The store is an in-memory H2 table.
 */
class XInboxUnitTests {

    static final String SECRET = "inbox-unit-secret";

    final List<String> seen = new ArrayList<>();
    JdbcClient jdbc;
    XInbox inbox;

    @BeforeEach
    void setUp() {
        jdbc = JdbcClient.create(
                new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        jdbc.sql("CREATE TABLE x_events (event_id VARCHAR(128) NOT NULL PRIMARY KEY, kind VARCHAR(16) NOT NULL, "
                        + "received_at TIMESTAMP WITH TIME ZONE NOT NULL)")
                .update();
        XProperties properties = XPropertiesUnitTests.bind(Map.of(
                "socialbank.channels.x.consumer-secret",
                SECRET,
                "socialbank.channels.x.user-id",
                Recorded.BANK_ID,
                "socialbank.channels.x.screen-name",
                Recorded.BANK_NAME,
                "socialbank.channels.x.bearer-token",
                "bearer"));
        inbox = new XInbox(
                properties,
                new XStore(jdbc),
                this::engine,
                Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
    }

    /** The engine stand-in: "poison" throws as a dialogue bug would, "db down" as the store would. */
    private void engine(InboundMessage message) {
        String text = ((Inbound.Text) message.content()).text();
        if (text.equals("poison")) {
            throw new IllegalArgumentException("a split of 51 members");
        }
        if (text.equals("db down")) {
            throw new QueryTimeoutException("the store did not answer");
        }
        seen.add(text);
    }

    static byte[] post(String... texts) {
        ObjectNode payload = Recorded.payload("dm-text");
        ObjectNode template = Recorded.event(payload, "direct_message_events");
        ArrayNode events = payload.putArray("direct_message_events");
        long id = 1_862_345_678_901_270_000L;
        for (String text : texts) {
            ObjectNode event = template.deepCopy();
            event.put("id", Long.toString(++id));
            ((ObjectNode) event.get("message_create").get("message_data")).put("text", text);
            events.add(event);
        }
        return Recorded.bytes(payload);
    }

    XInbox.Delivery deliver(byte[] body) {
        return inbox.deliver(XSignatures.sign(SECRET, body), body);
    }

    String kind(String eventId) {
        return jdbc.sql("SELECT kind FROM x_events WHERE event_id = ?")
                .param(eventId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    @Test
    void anEventThatThrowsIsRecordedAsFailedAndTheRestOfItsPostGoesOn() {
        byte[] body = post("help", "poison", "balance");
        assertThat(deliver(body)).isEqualTo(XInbox.Delivery.HANDLED);
        assertThat(seen).containsExactly("help", "balance");
        assertThat(kind("dm:1862345678901270002")).isEqualTo(XInbox.FAILED);
        assertThat(kind("dm:1862345678901270003")).isEqualTo("dm");
        // X posts it again: nothing is handled twice, the poison is not tried again
        assertThat(deliver(body)).isEqualTo(XInbox.Delivery.HANDLED);
        assertThat(seen).containsExactly("help", "balance");
    }

    @Test
    void aStoreFailureAsksXToPostAgainAndOnlyThatEventIsTriedAgain() {
        byte[] body = post("help", "db down", "balance");
        assertThat(deliver(body)).isEqualTo(XInbox.Delivery.RETRY_LATER);
        assertThat(seen).containsExactly("help", "balance");
        assertThat(kind("dm:1862345678901270002")).isNull();
        assertThat(deliver(body)).isEqualTo(XInbox.Delivery.RETRY_LATER);
        assertThat(seen).containsExactly("help", "balance");
    }
}
