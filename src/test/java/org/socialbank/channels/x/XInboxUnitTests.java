package org.socialbank.channels.x;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.conversation.Received;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One post's events are handled one by one (issue 12 item 7, security review #7): an event that
 * throws is recorded as failed and not tried again, and the events after it still reach the engine;
 * a database, transaction or I/O fault is the only case X is asked to post again, and then the
 * event is not recorded. The store is an in-memory H2 table.
 */
class XInboxUnitTests {

    static final String SECRET = "inbox-unit-secret";

    final List<String> seen = new ArrayList<>();
    /** Faults the engine throws for a text until the test clears them: what Conversations lets through. */
    final Map<String, RuntimeException> faults = new HashMap<>();

    JdbcClient jdbc;
    XInbox inbox;

    @BeforeEach
    void setUp() {
        jdbc = JdbcClient.create(
                new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        jdbc.sql("CREATE TABLE x_events (event_id VARCHAR(128) NOT NULL PRIMARY KEY, kind VARCHAR(16) NOT NULL, "
                        + "received_at TIMESTAMP WITH TIME ZONE NOT NULL)")
                .update();
        XChoicesUnitTests.table(jdbc);
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
                new XChoices(jdbc, Clock.systemUTC(), java.time.Duration.ofMinutes(15)),
                this::engine,
                Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
    }

    /** The engine stand-in: "poison" throws as a dialogue bug would, "db down" as the store would. */
    private Received engine(InboundMessage message, java.util.function.Consumer<Received.Handled> alongside) {
        String text = message.content() instanceof Inbound.Button button
                ? "button:" + button.reference()
                : ((Inbound.Text) message.content()).text();
        if (text.equals("poison")) {
            throw new IllegalArgumentException("a split of 51 members");
        }
        if (text.equals("db down")) {
            throw new QueryTimeoutException("the store did not answer");
        }
        RuntimeException fault = faults.get(text);
        if (fault != null) {
            throw fault;
        }
        seen.add(text);
        Received.Handled handled = new Received.Handled(List.of());
        alongside.accept(handled);
        return handled;
    }

    static Stream<RuntimeException> infrastructureFaults() {
        return Stream.of(
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction"),
                new TransactionSystemException("Could not commit JDBC transaction"),
                new UncheckedIOException("fsync of the store failed", new IOException("No space left on device")),
                new IllegalStateException("wrapped", new java.sql.SQLTransientConnectionException("pool timeout")));
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

    @ParameterizedTest
    @MethodSource("infrastructureFaults")
    @DisplayName("session 27: a public mention listening could not store asks X to post again; any other failure"
            + " of listening does not")
    void aMentionListeningCouldNotStoreIsPostedAgain(RuntimeException fault) {
        List<String> heard = new ArrayList<>();
        RuntimeException[] next = {fault};
        XInbox withListening = new XInbox(
                XPropertiesUnitTests.bind(Map.of(
                        "socialbank.channels.x.consumer-secret",
                        SECRET,
                        "socialbank.channels.x.user-id",
                        Recorded.BANK_ID,
                        "socialbank.channels.x.screen-name",
                        Recorded.BANK_NAME,
                        "socialbank.channels.x.bearer-token",
                        "bearer")),
                new XStore(jdbc),
                new XChoices(jdbc, Clock.systemUTC(), java.time.Duration.ofMinutes(15)),
                this::engine,
                Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC),
                mention -> {
                    RuntimeException thrown = next[0];
                    if (thrown != null) {
                        next[0] = null;
                        throw thrown;
                    }
                    heard.add(mention.text());
                });
        ObjectNode payload = XContract.tweet(
                "tweet-create",
                "2244994945",
                "1862345678901279999",
                "@" + Recorded.BANK_NAME + " my card was declined twice today");
        byte[] body = Recorded.bytes(payload);
        assertThat(withListening.deliver(XSignatures.sign(SECRET, body), body)).isEqualTo(XInbox.Delivery.RETRY_LATER);
        assertThat(heard).isEmpty();
        assertThat(withListening.deliver(XSignatures.sign(SECRET, body), body)).isEqualTo(XInbox.Delivery.HANDLED);
        assertThat(heard).singleElement().asString().contains("declined");

        next[0] = new IllegalArgumentException("a listening bug");
        byte[] other = Recorded.bytes(XContract.tweet(
                "tweet-create",
                "2244994946",
                "1862345678901279998",
                "@" + Recorded.BANK_NAME + " thanks for the help"));
        assertThat(withListening.deliver(XSignatures.sign(SECRET, other), other))
                .isEqualTo(XInbox.Delivery.HANDLED);
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

    @ParameterizedTest
    @MethodSource("infrastructureFaults")
    @DisplayName("review 2026-12-07 channels #1: a transaction or I/O fault asks X to post again and records nothing")
    void aTransactionOrIoFaultAsksXToPostAgainAndIsHandledOnceThen(RuntimeException fault) {
        faults.put("pay", fault);
        byte[] body = post("help", "pay", "balance");
        assertThat(deliver(body)).isEqualTo(XInbox.Delivery.RETRY_LATER);
        assertThat(kind("dm:1862345678901270002")).as("not recorded as failed").isNull();
        assertThat(seen).containsExactly("help", "balance");
        faults.clear(); // the pool has a connection again
        assertThat(deliver(body)).isEqualTo(XInbox.Delivery.HANDLED);
        assertThat(deliver(body)).isEqualTo(XInbox.Delivery.HANDLED);
        assertThat(seen).containsExactly("help", "balance", "pay");
        assertThat(kind("dm:1862345678901270002")).isEqualTo("dm");
    }

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: a press the engine could not take leaves its set open, so"
            + " X's redelivery presses it again; once taken, the set ends")
    void aPressTheEngineCouldNotTakeIsPressedAgainWhenXPostsItAgain() {
        String chat = Recorded.event(Recorded.payload("dm-text"), "direct_message_events")
                .path("message_create")
                .path("sender_id")
                .asString();
        XChoices choices = new XChoices(jdbc, Clock.systemUTC(), java.time.Duration.ofMinutes(15));
        choices.remember(chat, UUID.randomUUID(), List.of("ref-confirm", "ref-cancel"));
        faults.put("button:ref-confirm", new CannotCreateTransactionException("no connection"));
        byte[] body = post("1");
        assertThat(deliver(body)).isEqualTo(XInbox.Delivery.RETRY_LATER);
        assertThat(choices.reference(chat, 1)).contains("ref-confirm");
        faults.clear();
        assertThat(deliver(body)).isEqualTo(XInbox.Delivery.HANDLED);
        assertThat(seen).containsExactly("button:ref-confirm");
        assertThat(choices.open(chat)).isEmpty();
    }
}
