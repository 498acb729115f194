package org.socialbank.listening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.channels.PublicMentionReceived;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.directory.KycLevel;
import org.socialbank.directory.NewCustomer;
import org.socialbank.directory.jdbc.JdbcLinking;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The listening contract of issue 20 over real HTTP on H2: import, listing, corrections, spikes, dashboard. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "socialbank.listening.batch-max=50")
class H2ListeningIntegrationTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    ChannelIdentities identities;

    @Autowired
    JdbcLinking linkingStore;

    Api api() {
        return new Api(port);
    }

    static String mention(String source, String sourceId, String text, String author, Instant createdAt) {
        return "{\"source\":\"" + source + "\",\"sourceId\":\"" + sourceId + "\",\"text\":\"" + text + "\""
                + (author == null ? "" : ",\"author\":\"" + author + "\"")
                + (createdAt == null ? "" : ",\"createdAt\":\"" + createdAt + "\"") + "}";
    }

    static String batch(List<String> mentions) {
        return "{\"mentions\":[" + String.join(",", mentions) + "]}";
    }

    @Test
    @DisplayName("issue 20 contract: an import answers id, language, sentiment, score and topic; a repeat the same")
    void importIsIdempotentBySourceAndSourceId() {
        String id = UUID.randomUUID().toString();
        String body = batch(List.of(
                mention("news", "n-" + id, "My card got blocked again, terrible service", null, null),
                mention("appstore", "a-" + id, "Приложение отличное, переводы приходят мгновенно!", null, null),
                mention("news", "z-" + id, "手机银行又崩了，登录不了，太差了", null, null)));
        Response first = api().post("/api/v1/mentions", body);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode m = first.json().path("mentions");
        assertThat(m.size()).isEqualTo(3);
        assertThat(m.get(0).path("source").asString()).isEqualTo("news");
        assertThat(m.get(0).path("sourceId").asString()).isEqualTo("n-" + id);
        assertThat(m.get(0).path("language").asString()).isEqualTo("en");
        assertThat(m.get(0).path("sentiment").asString()).isEqualTo("negative");
        assertThat(m.get(0).path("score").asDouble()).isLessThan(0);
        assertThat(m.get(0).path("topic").asString()).isEqualTo("card_blocked");
        assertThat(m.get(1).path("language").asString()).isEqualTo("ru");
        assertThat(m.get(1).path("sentiment").asString()).isEqualTo("positive");
        assertThat(m.get(2).path("language").asString()).isEqualTo("zh");
        assertThat(m.get(2).path("sentiment").asString()).isEqualTo("negative");
        assertThat(m.get(2).path("topic").asString()).isEqualTo("app_down");

        Response again = api().post("/api/v1/mentions", body);
        assertThat(again.status()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            JsonNode a = again.json().path("mentions").get(i);
            assertThat(a.path("id").asString()).isEqualTo(m.get(i).path("id").asString());
            assertThat(a.path("sentiment").asString())
                    .isEqualTo(m.get(i).path("sentiment").asString());
            assertThat(a.path("score").asDouble())
                    .isEqualTo(m.get(i).path("score").asDouble());
            assertThat(a.path("replayed").asBoolean()).isTrue();
        }
    }

    @Test
    @DisplayName("issue 20: an import may give the author's reach; the listing answers it; a negative one is refused")
    void anImportMayGiveTheAuthorsReach() {
        String id = UUID.randomUUID().toString();
        Response first = api().post(
                        "/api/v1/mentions",
                        "{\"mentions\":[{\"source\":\"news\",\"sourceId\":\"r-" + id
                                + "\",\"text\":\"The bank's fees are a scandal\",\"author\":\"daily_paper\",\"reach\":250000}]}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String mentionId = first.json().path("mentions").get(0).path("id").asString();
        Response one = api().get("/api/v1/mentions/" + mentionId);
        assertThat(one.json().path("reach").asLong()).isEqualTo(250_000L);
        Response none =
                api().post("/api/v1/mentions", batch(List.of(mention("news", "nr-" + id, "fine", "blog", null))));
        Response other = api().get("/api/v1/mentions/"
                + none.json().path("mentions").get(0).path("id").asString());
        assertThat(other.json().has("reach")).isFalse();
        assertProblem(
                api().post(
                                "/api/v1/mentions",
                                "{\"mentions\":[{\"source\":\"news\",\"sourceId\":\"neg-" + id
                                        + "\",\"text\":\"a\",\"reach\":-1}]}"),
                400,
                "invalid_mention");
    }

    @Test
    @DisplayName("bad input is a 4xx problem+json with a code, and nothing is stored")
    void badInputIsAProblemWithACode() {
        String ok = mention("news", "ok-" + UUID.randomUUID(), "fine", null, null);
        assertProblem(api().post("/api/v1/mentions", "{\"mentions\":[]}"), 400, "mentions_required");
        assertProblem(
                api().post("/api/v1/mentions", batch(List.of(ok, mention("myspace", "1", "hi", null, null)))),
                400,
                "unknown_source");
        assertProblem(
                api().post("/api/v1/mentions", batch(List.of(mention("news", "", "hi", null, null)))),
                400,
                "invalid_mention");
        assertProblem(
                api().post("/api/v1/mentions", batch(List.of("{\"source\":\"news\",\"sourceId\":\"x1\"}"))),
                400,
                "invalid_mention");
        assertProblem(
                api().post(
                                "/api/v1/mentions",
                                "{\"mentions\":[{\"source\":\"news\",\"sourceId\":\"t\",\"text\":\"a\","
                                        + "\"createdAt\":\"yesterday\"}]}"),
                400,
                "invalid_mention");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(mention("news", "many-" + i, "text", null, null));
        }
        assertProblem(api().post("/api/v1/mentions", batch(tooMany)), 400, "batch_too_large");
        assertProblem(api().post("/api/v1/mentions", "{not json"), 400, null);
        assertProblem(
                api().post("/api/v1/mentions/" + UUID.randomUUID() + "/corrections", "{\"sentiment\":\"positive\"}"),
                404,
                "mention_not_found");
        assertProblem(api().get("/api/v1/mentions?sentiment=angry"), 400, null);
        Response unauthenticated =
                new Api("http://127.0.0.1:" + port, null).post("/api/v1/mentions", batch(List.of(ok)));
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(api().get("/api/v1/mentions?source=news&limit=500").body()).doesNotContain("many-");
    }

    @Test
    @DisplayName("review of fix-a: an instant a billion years away is a 400 problem, not a 500")
    void anInstantOutsideTheYears1970To9999IsRefused() {
        // Instant.MIN and Instant.MAX: ISO-8601 reads them, a span's arithmetic does not
        List<String> spans = List.of("to=-1000000000-01-01T00:00:00Z", "from=%2B1000000000-12-31T23:59:59Z");
        for (String path : List.of("/api/v1/mentions", "/api/v1/listening/dashboard", "/api/v1/listening/export.csv")) {
            for (String span : spans) {
                Response refused = api().get(path + "?" + span);
                assertProblem(refused, 400, "invalid_request");
                assertThat(refused.body()).as(path + "?" + span).contains("1970 to 9999");
            }
        }
        assertThat(api().get("/api/v1/listening/dashboard?from=9999-12-25T00:00:00Z&to=9999-12-31T23:59:59Z")
                        .status())
                .as("the range's edge is served")
                .isEqualTo(200);
        assertProblem(
                api().post(
                                "/api/v1/mentions",
                                batch(List.of(mention("news", "far-" + UUID.randomUUID(), "hi", null, Instant.MAX)))),
                400,
                "invalid_mention");
    }

    private static void assertProblem(Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        if (code != null) {
            assertThat(r.code()).isEqualTo(code);
        } else {
            assertThat(r.code()).isNotBlank();
        }
    }

    @Test
    @DisplayName("the author of an X mention is tied to the customer who linked that X account")
    void authorIsLinkedToTheCustomer() {
        CustomerId alice = new CustomerId(UUID.randomUUID());
        directory.register(new NewCustomer(alice, "Alice Walker", Language.EN, KycLevel.FULL, null, null, List.of()));
        String handle = "alice" + Integer.toHexString(alice.value().hashCode() & 0xfffff);
        ChannelIdentity chat = identities.identify(
                Network.X, "9" + Math.abs(alice.value().getLeastSignificantBits() % 1_000_000_000L), handle, null);
        linkingStore.setCustomer(chat.id(), alice, Instant.now());
        String sourceId = "tw-" + UUID.randomUUID();
        Response r = api().post(
                        "/api/v1/mentions",
                        batch(List.of(
                                mention(
                                        "x",
                                        sourceId,
                                        "@bank my transfer is still pending after 3 days",
                                        "@" + handle,
                                        null),
                                mention("x", sourceId + "b", "@bank hello", "@someone_unknown", null))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode linked = api().get("/api/v1/mentions/"
                        + r.json().path("mentions").get(0).path("id").asString())
                .json();
        assertThat(linked.path("customerLinked").asBoolean()).isTrue();
        assertThat(linked.path("topic").asString()).isEqualTo("transfer_delay");
        JsonNode stranger = api().get("/api/v1/mentions/"
                        + r.json().path("mentions").get(1).path("id").asString())
                .json();
        assertThat(stranger.path("customerLinked").asBoolean()).isFalse();
    }

    @Autowired
    ApplicationEventPublisher events;

    @Test
    @DisplayName("a public X mention read by the X channel becomes a mention of source x, linked by the author's X id")
    void channelMentionsAreRecorded() {
        CustomerId bob = new CustomerId(UUID.randomUUID());
        directory.register(new NewCustomer(bob, "Bob Brown", Language.EN, KycLevel.FULL, null, null, List.of()));
        String xId = Long.toString(1_000_000_000L + Math.abs(bob.value().getMostSignificantBits() % 1_000_000_000L));
        linkingStore.setCustomer(identities.identify(Network.X, xId, null, null).id(), bob, Instant.now());
        String tweet = Long.toString(System.nanoTime());
        events.publishEvent(new PublicMentionReceived(
                Network.X,
                tweet,
                xId,
                "bob_b",
                "@SocialBankFr my card was declined twice today, fix it",
                Instant.now().minusSeconds(5)));
        JsonNode listed = api().get("/api/v1/mentions?source=x&topic=card_blocked&limit=500")
                .json()
                .path("mentions");
        JsonNode m = StreamSupport.stream(listed.spliterator(), false)
                .filter(n -> n.path("sourceId").asString().equals(tweet))
                .findFirst()
                .orElseThrow(() -> new AssertionError(listed.toString()));
        assertThat(m.path("sentiment").asString()).isEqualTo("negative");
        assertThat(m.path("customerLinked").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("a staff correction changes the mention, and the same text arriving later is classified so")
    void correctionsAreUsedForTheSameText() {
        String text = "Bravo la banque, trois jours pour un virement";
        Response first = api().post(
                        "/api/v1/mentions",
                        batch(List.of(mention("news", "c1-" + UUID.randomUUID(), text, null, null))));
        String id = first.json().path("mentions").get(0).path("id").asString();
        Response corrected = api().post(
                        "/api/v1/mentions/" + id + "/corrections",
                        "{\"sentiment\":\"negative\",\"topic\":\"transfer_delay\"}");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.json().path("sentiment").asString()).isEqualTo("negative");
        assertThat(corrected.json().path("corrected").asBoolean()).isTrue();

        Response later = api().post(
                        "/api/v1/mentions",
                        batch(List.of(mention(
                                "news",
                                "c2-" + UUID.randomUUID(),
                                "bravo la BANQUE... trois jours pour un virement !",
                                null,
                                null))));
        JsonNode m = later.json().path("mentions").get(0);
        assertThat(m.path("sentiment").asString()).isEqualTo("negative");
        assertThat(m.path("topic").asString()).isEqualTo("transfer_delay");
        assertThat(m.path("language").asString()).isEqualTo("fr");
    }

    @Test
    @DisplayName("issue 20 (2.11): a correction also decides a reworded text of the same complaint, not another text")
    void correctionsCarryOverToARewordedText() {
        String first = "Thanks to the new app update I now need three taps to see my balance";
        String reworded = "thanks to the new app update I need three taps now just to see my balance!";
        String other = "Thanks to the branch staff for the help this morning";
        assertThat(new org.socialbank.listening.classify.Classifier()
                        .classify(reworded)
                        .sentiment())
                .as("the lexicon alone does not read the reworded text as negative")
                .isNotEqualTo(Sentiment.NEGATIVE);
        String id = api().post(
                        "/api/v1/mentions",
                        batch(List.of(mention("news", "r1-" + UUID.randomUUID(), first, null, null))))
                .json()
                .path("mentions")
                .get(0)
                .path("id")
                .asString();
        assertThat(api().post(
                                "/api/v1/mentions/" + id + "/corrections",
                                "{\"sentiment\":\"negative\",\"topic\":\"app_down\"}")
                        .status())
                .isEqualTo(201);

        JsonNode later = api().post(
                        "/api/v1/mentions",
                        batch(List.of(
                                mention("news", "r2-" + UUID.randomUUID(), reworded, null, null),
                                mention("news", "r3-" + UUID.randomUUID(), other, null, null))))
                .json()
                .path("mentions");
        assertThat(later.get(0).path("sentiment").asString()).isEqualTo("negative");
        assertThat(later.get(0).path("topic").asString()).isEqualTo("app_down");
        assertThat(later.get(1).path("sentiment").asString())
                .as("a text about something else")
                .isEqualTo("positive");
        assertThat(later.get(1).path("topic").asString()).isEqualTo("praise");
    }

    @Test
    @DisplayName("a seeded burst of fraud reports is a spike, explained by its words and examples; dashboard and CSV")
    void aBurstIsASpike() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> seeded = new ArrayList<>();
        for (int hour = 1; hour <= 24; hour++) {
            seeded.add(mention(
                    "news",
                    run + "-base-" + hour,
                    "Is this email from the bank a scam or real?",
                    null,
                    now.minus(hour, ChronoUnit.HOURS).minus(10, ChronoUnit.MINUTES)));
        }
        api().post("/api/v1/mentions", batch(seeded));
        List<String> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            burst.add(mention(
                    i % 2 == 0 ? "x" : "telegram",
                    run + "-burst-" + i,
                    "Fake SMS from the bank asking for my code, phishing link stole money #" + i,
                    "@victim" + i,
                    now.minus(i, ChronoUnit.MINUTES)));
        }
        assertThat(api().post("/api/v1/mentions", batch(burst)).status()).isEqualTo(200);

        JsonNode spikes = api().get("/api/v1/listening/spikes").json().path("spikes");
        JsonNode fraud = StreamSupport.stream(spikes.spliterator(), false)
                .filter(s -> s.path("topic").asString().equals("fraud")
                        && s.path("kind").asString().equals("volume"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(spikes.toString()));
        assertThat(fraud.path("count").asInt()).isGreaterThanOrEqualTo(20);
        assertThat(fraud.path("severity").asInt()).isBetween(1, 10);
        assertThat(fraud.path("words").toString()).contains("phishing").contains("sms");
        assertThat(fraud.path("examples").size()).isEqualTo(3);
        assertThat(StreamSupport.stream(spikes.spliterator(), false)
                        .anyMatch(s -> s.path("topic").asString().equals("fraud")
                                && s.path("kind").asString().equals("negativity")))
                .as(spikes.toString())
                .isTrue();

        JsonNode dashboard = api().get("/api/v1/listening/dashboard").json();
        assertThat(dashboard.path("overall").path("total").asInt()).isGreaterThanOrEqualTo(44);
        assertThat(dashboard.path("overall").path("shareNegative").asDouble()).isGreaterThan(0);
        assertThat(dashboard.path("byLanguage").toString()).contains("\"key\":\"en\"");
        assertThat(dashboard.path("topTopics").get(0).path("key").asString()).isEqualTo("fraud");

        Response csv = api().get("/api/v1/listening/export.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("id,source,source_id").contains(run + "-burst-3");
        JsonNode listed = api().get("/api/v1/mentions?topic=fraud&source=x&limit=5")
                .json()
                .path("mentions");
        assertThat(listed.size()).isEqualTo(5);
        listed.forEach(l -> assertThat(l.path("source").asString()).isEqualTo("x"));
    }
}
