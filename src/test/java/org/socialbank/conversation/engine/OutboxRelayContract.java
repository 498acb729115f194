package org.socialbank.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.ChannelSender;
import org.socialbank.conversation.Conversations;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.SendOutcome;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Network;
import org.socialbank.support.Await;
import org.socialbank.support.MutableClock;
import org.socialbank.support.Seeds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The outbox relay on a real store (issue 13, section 2; issue 12, security review #13 and #17):
 * a chat that must wait never holds up another, one chat's replies go one at a time and in
 * order, a rate limit's "not now" is no send attempt, an outcome is written only under the lease
 * that sent it, and links are never in the table in clear. No timings are asserted: waits are
 * bounded polls, and the relay's clock is moved by hand.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "socialbank.conversation.relay-enabled=false", "socialbank.conversation.send-attempts-max=3",
            "socialbank.conversation.retry-base=1s", "socialbank.conversation.sent-payload-ttl=1m"
        })
@Import(OutboxRelayContract.Fakes.class)
abstract class OutboxRelayContract {

    @Autowired
    OutboxRelay relay;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcConversations store;

    @Autowired
    Conversations conversations;

    @Autowired
    ConversationJanitor janitor;

    @Autowired
    ChannelIdentities identities;

    @Autowired
    MutableClock clock;

    @Autowired
    GatedSender sender;

    @Autowired
    PayloadSeal seal;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    final ExecutorService background = Executors.newCachedThreadPool();

    @BeforeEach
    void freshCounts() {
        sender.mostInFlightPerChat.set(0); // the lease test has two sends of one row under way on purpose
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    String chat() {
        return "tg-" + UUID.randomUUID();
    }

    JdbcConversations.Chat address(String chat) {
        IdentityId identity =
                identities.identify(Network.TELEGRAM, chat, null, null).id();
        return new JdbcConversations.Chat(identity, Network.TELEGRAM, chat);
    }

    List<UUID> write(String chat, int count) {
        JdbcConversations.Chat to = address(chat);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(outbox.write(to, new Outbound.Text(chat + " #" + i)).id());
        }
        return ids;
    }

    /** Polls (at most a minute) until the condition holds; never asserts how long it took. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(condition, Duration.ofSeconds(60), what);
    }

    /** Runs the relay until every id is SUCCEEDED, moving the clock past any "not now" or retry. */
    void drainAll(List<UUID> ids) throws InterruptedException {
        for (int run = 0;
                run < 500
                        && !ids.stream()
                                .allMatch(id -> store.status(id).orElseThrow().equals("SUCCEEDED"));
                run++) {
            relay.relay();
            clock.advance(Duration.ofSeconds(2));
        }
        assertThat(ids).allMatch(id -> store.status(id).orElseThrow().equals("SUCCEEDED"));
    }

    @Test
    @DisplayName("issue 13: an idle chat's reply is sent while another chat of the same bot waits on its rate")
    void anIdleChatIsAnsweredWhileAnotherChatFloods() throws Exception {
        String busy = chat();
        String idle = chat();
        GatedSender.Gate slow = sender.gate(busy, new SendOutcome.Sent()); // the busy chat's turn is far away
        List<UUID> flood = write(busy, 30);
        UUID help = write(idle, 1).get(0);
        Future<Integer> running = background.submit(relay::relay);
        slow.awaitEntered();
        // the sender sees the reply before the relay records it: wait for the record, not the send
        await(
                "the idle chat's reply is sent while the busy chat waits",
                () -> store.status(help).filter("SUCCEEDED"::equals).isPresent());
        assertThat(sender.to(idle)).hasSize(1);
        assertThat(sender.to(busy))
                .as("the busy chat's later replies do not overtake its first")
                .isEmpty();
        slow.open();
        running.get(60, TimeUnit.SECONDS);
        drainAll(flood);
        assertThat(sender.to(busy)).extracting(OutboundMessage::id).containsExactlyElementsOf(flood);
        assertThat(sender.mostInFlightPerChat.get()).isOne();
    }

    @Test
    @DisplayName("issue 13: per-chat order and one send per chat at a time, under three concurrent relays")
    void eachChatsRepliesGoOneAtATimeAndInOrder() throws Exception {
        long seed = Seeds.seed("OutboxRelayContract");
        Random random = new Random(seed);
        List<String> chats = new ArrayList<>();
        List<UUID> all = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            String chat = chat();
            chats.add(chat);
            sender.rule(chat, m -> {
                pause(random);
                return random.nextInt(5) == 0
                        ? new SendOutcome.NotNow(Duration.ofSeconds(1), "chat rate")
                        : new SendOutcome.Sent();
            });
        }
        for (int i = 0; i < 60; i++) {
            all.addAll(write(chats.get(random.nextInt(chats.size())), 1));
        }
        for (int round = 0;
                round < 200
                        && !all.stream()
                                .allMatch(id ->
                                        "SUCCEEDED".equals(store.status(id).orElseThrow()));
                round++) {
            List<Future<Integer>> relays = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                relays.add(background.submit(relay::relay));
            }
            for (Future<Integer> f : relays) {
                f.get(60, TimeUnit.SECONDS);
            }
            clock.advance(Duration.ofSeconds(2));
        }
        for (String chat : chats) {
            List<UUID> written = store.outboxOf(address(chat).identityId());
            assertThat(sender.to(chat))
                    .as("seed " + seed)
                    .extracting(OutboundMessage::id)
                    .containsExactlyElementsOf(written);
        }
        assertThat(sender.mostInFlightPerChat.get()).as("seed " + seed).isOne();
    }

    private static void pause(Random random) {
        try {
            Thread.sleep(random.nextInt(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @DisplayName("issue 22: a chat's queued replies go out in one worker's turn, in order, and their delay is measured")
    void aChatsQueuedRepliesGoInOneTurn() {
        String chat = chat();
        List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        sender.rule(chat, m -> {
            threads.add(Thread.currentThread().getName());
            return new SendOutcome.Sent();
        });
        List<UUID> ids = write(chat, 5);
        double before = delaysCounted();
        assertThat(relay.relay()).isEqualTo(5);
        assertThat(sender.to(chat)).extracting(OutboundMessage::id).containsExactlyElementsOf(ids);
        assertThat(threads)
                .as("each next reply is sent by the worker that sent the one before, not handed back")
                .hasSize(5)
                .containsOnly(threads.get(0));
        assertThat(sender.mostInFlightPerChat.get()).isOne();
        assertThat(delaysCounted() - before).isEqualTo(5.0);
    }

    @Test
    @DisplayName(
            "issue 22: a committed reply handed to a free worker goes at once when it is its chat's first, else waits its turn")
    void aReplyHandedToAWorkerKeepsItsChatsOrder() throws Exception {
        String chat = chat();
        sender.rule(chat, m -> new SendOutcome.Sent());
        // this relay is not started: write's offers only wake it, and the test hands the rows over
        List<UUID> ids = write(chat, 2);
        assertThat(relay.take(offer(ids.get(1), chat)).get(60, TimeUnit.SECONDS))
                .as("the chat's second row is not taken while its first is pending")
                .isZero();
        assertThat(sender.to(chat)).isEmpty();
        assertThat(store.status(ids.get(1))).contains("PENDING");
        assertThat(relay.take(offer(ids.get(0), chat)).get(60, TimeUnit.SECONDS))
                .as("the first row is sent, and the second after it in the same turn")
                .isEqualTo(2);
        assertThat(sender.to(chat)).extracting(OutboundMessage::id).containsExactlyElementsOf(ids);
        assertThat(relay.take(offer(ids.get(0), chat)).get(60, TimeUnit.SECONDS))
                .as("a row already sent is not sent again")
                .isZero();
        UUID held = write(chat, 1).get(0);
        assertThat(store.claim(held, clock.instant(), clock.instant().plus(Duration.ofMinutes(1))))
                .isTrue();
        assertThat(relay.take(offer(held, chat)).get(60, TimeUnit.SECONDS))
                .as("a row under another relay's lease is left to it")
                .isZero();
        assertThat(sender.to(chat)).hasSize(2);
        assertThat(sender.mostInFlightPerChat.get()).isOne();
    }

    private static RelaySignal.Offer offer(UUID id, String chat) {
        return new RelaySignal.Offer(id, Network.TELEGRAM, chat);
    }

    private double delaysCounted() {
        io.micrometer.core.instrument.Timer delays = meters.find("socialbank.outbox.delay")
                .tag("channel", "telegram")
                .timer();
        return delays == null ? 0 : delays.count();
    }

    @Test
    @DisplayName("issue 13: waiting for a rate limit is no send attempt and never ends FAILED")
    void aRateLimitWaitIsNoSendAttempt() throws Exception {
        String chat = chat();
        int[] calls = {0};
        sender.rule(
                chat,
                m -> ++calls[0] <= 10
                        ? new SendOutcome.NotNow(Duration.ofSeconds(1), "429 retry after 1")
                        : new SendOutcome.Sent());
        List<UUID> ids = write(chat, 2);
        relay.relay();
        assertThat(store.status(ids.get(0))).contains("PENDING");
        assertThat(store.attempts(ids.get(0))).isZero();
        assertThat(sender.to(chat)).as("the rest of the chat waits too").isEmpty();
        drainAll(ids);
        assertThat(calls[0]).isGreaterThan(10); // ten "not now" answers, more than send-attempts-max (3)
        assertThat(store.attempts(ids.get(0))).isOne();
        assertThat(sender.to(chat)).extracting(OutboundMessage::id).containsExactlyElementsOf(ids);
    }

    @Test
    @DisplayName(
            "security review #17: a send slower than its lease, re-claimed and sent by another relay, writes no second outcome")
    void anOutcomeIsWrittenOnlyUnderTheLeaseThatSent() throws Exception {
        String chat = chat();
        GatedSender.Gate slow = sender.gate(chat, new SendOutcome.Failed(false, "late answer of the first send"));
        UUID id = write(chat, 1).get(0);
        Future<Integer> first = background.submit(relay::relay);
        slow.awaitEntered();
        clock.advance(Duration.ofSeconds(31)); // past relay-lease: another relay may take the row
        assertThat(relay.relay()).isOne();
        assertThat(store.status(id)).contains("SUCCEEDED");
        slow.open();
        assertThat(first.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(store.status(id))
                .as("the first send's late answer is not recorded")
                .contains("SUCCEEDED");
        assertThat(store.attempts(id)).isOne();
    }

    @Test
    @DisplayName("security review #13: one-time links are sealed in the outbox table and blanked after the send")
    void linksAreNeverInTheTableInClear() {
        String chat = chat();
        conversations.receive(new InboundMessage(
                Network.TELEGRAM,
                "m-" + UUID.randomUUID(),
                chat,
                null,
                null,
                new Inbound.Text("balance"))); // an unlinked chat is offered a one-time sign-in link
        UUID id = store.outboxOf(address(chat).identityId()).get(0);
        String stored = store.storedPayload(id).orElseThrow();
        assertThat(stored).contains("{gcm1:").doesNotContain("/link/").doesNotContain("http");
        relay.relay();
        OutboundMessage delivered = sender.to(chat).get(0);
        assertThat(delivered.content()).isInstanceOf(Outbound.Link.class);
        assertThat(((Outbound.Link) delivered.content()).url()).contains("/link/");
        assertThat(store.storedPayload(id).orElseThrow()).doesNotContain("/link/");
        clock.advance(Duration.ofMinutes(2)); // past sent-payload-ttl
        assertThat(janitor.run().payloadsPurged()).isPositive();
        assertThat(store.storedPayload(id)).contains("");
    }

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: a database fault in a sender's read before its send is a"
            + " failed try, retried and then sent, never an unknown outcome the janitor gives up")
    void aFaultBeforeTheSendIsRetriedNotLost() throws Exception {
        String chat = chat();
        int[] reads = {0};
        sender.rule(chat, m -> {
            ChannelSender.beforeSend(() -> {
                if (++reads[0] == 1) {
                    throw new CannotGetJdbcConnectionException("pool timed out (a test's fault)");
                }
                return chat;
            });
            return new SendOutcome.Sent();
        });
        List<UUID> ids = write(chat, 2);
        relay.relay();
        assertThat(store.status(ids.get(0))).contains("PENDING");
        assertThat(store.attempts(ids.get(0))).isOne();
        assertThat(sender.to(chat))
                .as("nothing sent, the rest of the chat waits")
                .isEmpty();
        drainAll(ids);
        assertThat(sender.to(chat)).extracting(OutboundMessage::id).containsExactlyElementsOf(ids);
        assertThat(store.attempts(ids.get(0))).isEqualTo(2);
        clock.advance(Duration.ofHours(1)); // past unknown-grace: nothing for the janitor to give up
        assertThat(janitor.run().givenUp()).isZero();
        assertThat(ids).allMatch(id -> store.status(id).orElseThrow().equals("SUCCEEDED"));
    }

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: a reply whose payload cannot be read (not a reply's JSON, a"
            + " sealed link that does not open) is FAILED and counted, and its chat's next reply is sent")
    void anUndecodablePayloadFailsAndHoldsNothing() {
        String chat = chat();
        JdbcConversations.Chat to = address(chat);
        UUID nope = OutboxIds.next();
        store.insertOutbox(nope, to, "{\"kind\":\"nope\"}", clock.instant());
        UUID corrupted = OutboxIds.next();
        // a real sealed link, sealed for another row: it does not open for this one
        String link = Json.outbound(new Outbound.Link("Sign in", "Open", "https://bank.example/link/abc"));
        store.insertOutbox(corrupted, to, seal.seal(UUID.randomUUID(), link), clock.instant());
        double before = undecodable();
        UUID next = write(chat, 1).get(0);
        for (int run = 0; run < 5 && store.status(next).orElseThrow().equals("PENDING"); run++) {
            relay.relay();
        }
        assertThat(store.status(nope)).contains("FAILED");
        assertThat(store.status(corrupted)).contains("FAILED");
        assertThat(store.attempts(nope)).isOne();
        assertThat(store.status(next)).contains("SUCCEEDED");
        assertThat(sender.to(chat)).extracting(OutboundMessage::id).containsExactly(next);
        assertThat(undecodable() - before).isEqualTo(2);
    }

    private double undecodable() {
        io.micrometer.core.instrument.Counter counter = meters.find("socialbank.outbox.undecodable")
                .tag("channel", Network.TELEGRAM.wireName())
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Fakes {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).plusNanos(500_999));
        }

        @Bean
        GatedSender gatedSender() {
            return new GatedSender();
        }
    }
}
