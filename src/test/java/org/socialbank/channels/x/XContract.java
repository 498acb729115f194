package org.socialbank.channels.x;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.ChannelSender;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.SendOutcome;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.shared.Network;
import org.socialbank.support.StoreOutage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The X channel on a full application over real HTTP, against {@link FakeXApi}, on each store (H2 and
 * PostgreSQL subclasses): the CRC challenge, signatures, replays, public and private answers,
 * ignored tweets, follows and revoked access, rate limits and the sender's public-text guard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(XContract.Outage.class)
abstract class XContract {

    static final FakeXApi X = new FakeXApi();
    static final StoreOutage OUTAGE = new StoreOutage();
    static final String SECRET = "contract-consumer-secret";
    static final String BLOCKED = "1400000000000000666";
    static final AtomicLong IDS = new AtomicLong(1_000_000_000_000L + new Random().nextInt(1_000_000) * 1000L);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    XStore store;

    @Autowired
    XJanitor janitor;

    @Autowired
    ChannelIdentities identities;

    @Autowired
    ChannelSender xSender;

    final HttpClient http = HttpClient.newHttpClient();

    @TestConfiguration(proxyBeanMethods = false)
    static class Outage {
        @Bean
        static BeanPostProcessor storeOutage() {
            return OUTAGE.wrapper();
        }
    }

    @DynamicPropertySource
    static void x(DynamicPropertyRegistry registry) {
        registry.add("socialbank.channels.x.consumer-secret", () -> SECRET);
        registry.add("socialbank.channels.x.consumer-key", () -> "contract-consumer-key");
        registry.add("socialbank.channels.x.access-token", () -> "1500000000000000001-contracttoken");
        registry.add("socialbank.channels.x.access-token-secret", () -> "contract-token-secret");
        registry.add("socialbank.channels.x.user-id", () -> Recorded.BANK_ID);
        registry.add("socialbank.channels.x.screen-name", () -> Recorded.BANK_NAME);
        registry.add("socialbank.channels.x.api-base-url", X::baseUrl);
        registry.add("socialbank.channels.x.blocked-user-ids", () -> BLOCKED);
        registry.add("socialbank.conversation.relay-interval", () -> "200ms");
        registry.add("socialbank.conversation.retry-base", () -> "200ms");
    }

    static String id() {
        return Long.toString(IDS.incrementAndGet());
    }

    /** A DM from a new user, with fresh ids. */
    static ObjectNode dm(String userId, String text) {
        ObjectNode payload = Recorded.payload("dm-text");
        ObjectNode event = Recorded.event(payload, "direct_message_events");
        event.put("id", id());
        ObjectNode create = (ObjectNode) event.get("message_create");
        create.put("sender_id", userId);
        ((ObjectNode) create.get("message_data")).put("text", text);
        ObjectNode users = (ObjectNode) payload.get("users");
        users.set(userId, users.get(Recorded.ALICE_ID).deepCopy());
        ((ObjectNode) users.get(userId))
                .put("id", userId)
                .put("screen_name", "u" + userId.substring(userId.length() - 8));
        return payload;
    }

    static ObjectNode tweet(String name, String userId, String tweetId, String text) {
        ObjectNode payload = Recorded.payload(name);
        ObjectNode tweet = Recorded.event(payload, "tweet_create_events");
        tweet.put("id_str", tweetId).put("text", text);
        ((ObjectNode) tweet.get("user"))
                .put("id_str", userId)
                .put("screen_name", "t" + userId.substring(userId.length() - 8));
        return payload;
    }

    HttpResponse<String> post(byte[] body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/x"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("x-twitter-webhooks-signature", signature);
        }
        return send(request.build());
    }

    HttpResponse<String> post(ObjectNode payload) {
        byte[] body = Recorded.bytes(payload);
        HttpResponse<String> response = post(body, XSignatures.sign(SECRET, body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    @Test
    void theCrcChallengeIsAnsweredWithTheHmacOfItsToken() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/webhooks/x?crc_token=challenge-token-123"))
                .GET()
                .build());
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode json = XApi.JSON.readTree(answer.body());
        assertThat(json.path("response_token").asString())
                .isEqualTo(XSignatures.crcResponse(SECRET, "challenge-token-123"));
        HttpResponse<String> missing =
                send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/x"))
                        .GET()
                        .build());
        assertThat(missing.statusCode()).isEqualTo(400);
    }

    /**
     * Security review #1 (issue 12, critical): the CRC answer for a JSON event body B used to be a
     * valid {@code x-twitter-webhooks-signature} of B, so anyone could sign any event. Now the CRC
     * GET is refused (no {@code response_token}) and B, posted with whatever it answers, is 401.
     */
    @Test
    void theCrcAnswerIsNoSigningOracleForEventBodies() {
        String user = id();
        ObjectNode payload = dm(user, "balance");
        byte[] body = Recorded.bytes(payload);
        String token = java.net.URLEncoder.encode(
                new String(body, java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> crc =
                send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/x?crc_token=" + token))
                        .GET()
                        .build());
        assertThat(crc.statusCode()).as(crc.body()).isEqualTo(400);
        assertThat(crc.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(crc.body()).doesNotContain("response_token").doesNotContain("sha256=");
        String answered = XApi.JSON.readTree(crc.body()).path("response_token").asString("sha256=");
        int events = count("SELECT COUNT(*) FROM x_events");
        HttpResponse<String> forged = post(body, answered);
        assertThat(forged.statusCode()).isEqualTo(401);
        // what the old answer was: the body's signature, now never given out
        assertThat(post(
                                body,
                                XSignatures.crcResponse(
                                        SECRET, new String(body, java.nio.charset.StandardCharsets.UTF_8)))
                        .statusCode())
                .isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM x_events")).isEqualTo(events + 1);
        for (String bad : new String[] {"%7Babc%7D", "a%20b", "a%22b", "x".repeat(129)}) {
            assertThat(send(HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/webhooks/x?crc_token=" + bad))
                                    .GET()
                                    .build())
                            .statusCode())
                    .as(bad)
                    .isEqualTo(400);
        }
    }

    @Test
    void missingAndForgedSignaturesGet401AndNothingIsStored() {
        String user = id();
        ObjectNode payload = dm(user, "balance");
        byte[] body = Recorded.bytes(payload);
        int events = count("SELECT COUNT(*) FROM x_events");
        assertThat(post(body, null).statusCode()).isEqualTo(401);
        assertThat(post(body, XSignatures.sign("not-the-secret", body)).statusCode())
                .isEqualTo(401);
        assertThat(post(body, "sha256=AAAA").statusCode()).isEqualTo(401);
        byte[] other = Recorded.bytes(dm(user, "help"));
        HttpResponse<String> forged = post(body, XSignatures.sign(SECRET, other));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(count("SELECT COUNT(*) FROM x_events")).isEqualTo(events);
        assertThat(count("SELECT COUNT(*) FROM channel_identities WHERE channel = 'x' AND external_id = ?", user))
                .isZero();
    }

    @Test
    void aBodyOverTheRequestLimitIs413() {
        byte[] body = ("{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(post(body, XSignatures.sign(SECRET, body)).statusCode()).isEqualTo(413);
    }

    @Test
    void aSignedBodyThatIsNoEventIs400() {
        byte[] body = "not json".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(post(body, XSignatures.sign(SECRET, body)).statusCode()).isEqualTo(400);
    }

    @Test
    void aDirectMessageIsAnsweredByDirectMessageSignedAsTheBank() {
        String user = id();
        post(dm(user, "help"));
        FakeXApi.Call answer = X.dm(user, 1);
        assertThat(answer.text()).isNotBlank();
        assertThat(answer.authorization())
                .startsWith("OAuth ")
                .contains(
                        "oauth_consumer_key=\"contract-consumer-key\"",
                        "oauth_token=\"1500000000000000001-contracttoken\"",
                        "oauth_signature_method=\"HMAC-SHA1\"",
                        "oauth_signature=\"");
    }

    @Test
    void aPublicTweetGetsOneNeutralPublicReplyAndThePrivateAnswerByDirectMessage() {
        String user = id();
        String tweetId = id();
        post(tweet("tweet-create", user, tweetId, "@SocialBankFr balance"));
        FakeXApi.Call offer = X.dm(user, 1);
        assertThat(offer.text()).contains("/link/");
        FakeXApi.Call reply = X.reply(tweetId, 1);
        assertThat(reply.text())
                .startsWith("@t" + user.substring(user.length() - 8))
                .doesNotContain("/link/");
        assertThat(XReplies.neutral(reply.text(), 200)).isTrue();
        assertThat(X.replies(tweetId)).hasSize(1);
    }

    @Test
    void aReplayedEventIsHandledOnce() {
        String user = id();
        ObjectNode first = dm(user, "help");
        post(first);
        post(first);
        String eventId = "dm:"
                + Recorded.event(first, "direct_message_events").path("id").asString();
        post(dm(user, "aide"));
        X.dm(user, 2);
        assertThat(count("SELECT COUNT(*) FROM x_events WHERE event_id = ?", eventId))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT COUNT(*) FROM inbox_messages WHERE channel = 'x' AND external_message_id = ?", eventId))
                .isEqualTo(1);
        assertThat(X.dms(user)).hasSize(2);
    }

    @Test
    @DisplayName("review 2026-12-07 channels #1: a DM met by a transaction that cannot start is answered 503, "
            + "recorded nowhere, and handled once when X posts it again")
    void aDirectMessageMetByAStoreOutageIsPostedAgainAndHandledOnce() {
        String user = id();
        ObjectNode payload = dm(user, "help");
        String eventId = "dm:"
                + Recorded.event(payload, "direct_message_events").path("id").asString();
        byte[] body = Recorded.bytes(payload);
        String signature = XSignatures.sign(SECRET, body);
        OUTAGE.refuseTransactions(StoreOutage::requestThread);
        HttpResponse<String> during;
        int refused;
        try {
            during = post(body, signature);
        } finally {
            refused = OUTAGE.recover();
        }
        assertThat(refused).as("transactions refused").isPositive();
        assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
        assertThat(during.body()).contains("try_again");
        assertThat(count("SELECT COUNT(*) FROM x_events WHERE event_id = ?", eventId))
                .as("not recorded, failed or otherwise")
                .isZero();
        assertThat(count(
                        "SELECT COUNT(*) FROM inbox_messages WHERE channel = 'x' AND external_message_id = ?", eventId))
                .isZero();
        // X posts it again, twice: handled once, answered once
        assertThat(post(body, signature).statusCode()).isEqualTo(200);
        assertThat(post(body, signature).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT kind FROM x_events WHERE event_id = ?")
                        .param(eventId)
                        .query(String.class)
                        .single())
                .isEqualTo("dm");
        assertThat(count(
                        "SELECT COUNT(*) FROM inbox_messages WHERE channel = 'x' AND external_message_id = ?", eventId))
                .isEqualTo(1);
        X.dm(user, 1);
        post(dm(user, "aide"));
        X.dm(user, 2); // the relay has run since the first answer
        assertThat(X.dms(user)).hasSize(2);
    }

    @Test
    void retweetsQuotesTheBanksOwnTweetsAndBlockedAccountsAreNotAnswered() {
        String user = id();
        String[] tweets = {id(), id(), id(), id()};
        post(tweet("tweet-retweet", user, tweets[0], "RT @x: @SocialBankFr balance"));
        post(tweet("tweet-quote", user, tweets[1], "@SocialBankFr balance"));
        post(tweet("tweet-create", Recorded.BANK_ID, tweets[2], "@SocialBankFr balance"));
        post(tweet("tweet-create", BLOCKED, tweets[3], "@SocialBankFr balance"));
        post(dm(BLOCKED, "balance"));
        for (String tweet : tweets) {
            assertThat(count("SELECT COUNT(*) FROM x_events WHERE event_id = ?", "tweet:" + tweet))
                    .isEqualTo(1);
            assertThat(count(
                            "SELECT COUNT(*) FROM inbox_messages WHERE channel = 'x' AND external_message_id = ?",
                            "tweet:" + tweet))
                    .isZero();
        }
        String other = id();
        post(dm(other, "help"));
        X.dm(other, 1); // the relay has run since
        assertThat(X.dms(user)).isEmpty();
        assertThat(X.dms(BLOCKED)).isEmpty();
        for (String tweet : tweets) {
            assertThat(X.replies(tweet)).isEmpty();
        }
    }

    @Test
    void aFollowIsWelcomedByDirectMessageAndRevokedAccessMakesTheAccountUnreachable() {
        String user = id();
        ObjectNode follow = Recorded.payload("follow");
        ObjectNode event = Recorded.event(follow, "follow_events");
        ((ObjectNode) event.get("source")).put("id", user);
        event.put("created_timestamp", id());
        post(follow);
        assertThat(X.dm(user, 1).text()).isNotBlank();
        ObjectNode revoke = Recorded.payload("user-event-revoke");
        ObjectNode r = (ObjectNode) revoke.get("user_event").get("revoke");
        ((ObjectNode) r.get("source")).put("user_id", user);
        r.put("date_time", Instant.now().toString());
        post(revoke);
        assertThat(jdbc.sql("SELECT reachable FROM channel_identities WHERE channel = 'x' AND external_id = ?")
                        .param(user)
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    @Test
    void a429PausesDirectMessagesUntilTheReset() {
        long reset = Instant.now().plusSeconds(2).getEpochSecond();
        X.rateLimit("dm", reset);
        String user = id();
        post(dm(user, "help"));
        FakeXApi.Call sent = X.dm(user, 1);
        assertThat(sent.at()).isAfterOrEqualTo(Instant.ofEpochSecond(reset));
    }

    @Test
    void theSenderPostsOnlyNeutralTextPubliclyAndSendsAnythingElseToTheAuthorByDirectMessage() {
        String user = id();
        String tweetId = id();
        ChannelIdentity author = identities.identify(Network.X, user, "author", null);
        SendOutcome receipt = xSender.send(
                new OutboundMessage(
                        UUID.randomUUID(),
                        author.id(),
                        Network.X,
                        "tweet:" + tweetId,
                        new Outbound.Receipt("Receipt", java.util.List.of("€10.00 to Camille D."))),
                "k1");
        assertThat(receipt).isEqualTo(new SendOutcome.Sent());
        SendOutcome amount = xSender.send(
                new OutboundMessage(
                        UUID.randomUUID(),
                        author.id(),
                        Network.X,
                        "tweet:" + tweetId,
                        new Outbound.Text("@author you paid €10.00")),
                "k2");
        assertThat(amount).isEqualTo(new SendOutcome.Sent());
        SendOutcome note = xSender.send(
                new OutboundMessage(
                        UUID.randomUUID(),
                        author.id(),
                        Network.X,
                        "tweet:" + tweetId,
                        new Outbound.Text("@author I have answered you in our private chat.")),
                "k3");
        assertThat(note).isEqualTo(new SendOutcome.Sent());
        assertThat(X.dms(user))
                .extracting(FakeXApi.Call::text)
                .containsExactly("Receipt\n\n€10.00 to Camille D.", "@author you paid €10.00");
        assertThat(X.replies(tweetId))
                .extracting(FakeXApi.Call::text)
                .containsExactly("@author I have answered you in our private chat.");
    }

    @Test
    void serverErrorsAreRetriedAndRefusalsAreFinal() {
        String user = id();
        ChannelIdentity identity = identities.identify(Network.X, user, null, null);
        X.fail("dm", 503);
        assertThat(xSender.send(
                        new OutboundMessage(
                                UUID.randomUUID(), identity.id(), Network.X, user, new Outbound.Text("hello")),
                        "k"))
                .isInstanceOfSatisfying(
                        SendOutcome.Failed.class, f -> assertThat(f.retryable()).isTrue());
        X.fail("dm", 403);
        assertThat(xSender.send(
                        new OutboundMessage(
                                UUID.randomUUID(), identity.id(), Network.X, user, new Outbound.Text("hello")),
                        "k"))
                .isInstanceOfSatisfying(
                        SendOutcome.Failed.class, f -> assertThat(f.retryable()).isFalse());
    }

    @Test
    void eventsOlderThanThirtyDaysAreForgottenNewerOnesKept() {
        String old = "test:old-" + java.util.UUID.randomUUID();
        String recent = "test:new-" + java.util.UUID.randomUUID();
        java.time.Instant now = java.time.Instant.now();
        assertThat(store.markHandled(old, "test", now.minus(java.time.Duration.ofDays(31))))
                .isTrue();
        assertThat(store.markHandled(recent, "test", now.minus(java.time.Duration.ofDays(1))))
                .isTrue();
        janitor.run();
        assertThat(store.handled(old)).isFalse();
        assertThat(store.handled(recent)).isTrue();
    }
}
