package org.socialbank.console.listening.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.socialbank.listening.Dashboard;
import org.socialbank.listening.Listening;
import org.socialbank.listening.Mention;
import org.socialbank.listening.MentionFilter;
import org.socialbank.listening.Mentions;
import org.socialbank.listening.Sentiment;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The listening figures and exports past {@code scan-max} (100 here), over real HTTP on H2 and PostgreSQL
 * (the twins {@code H2ListeningBoundsIntegrationTests}, {@code PostgresListeningBoundsIntegrationTests}): the
 * CSV export refuses a span it would cut, the dashboard counts every mention (review 2026-12-07
 * listening follow-up).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "socialbank.listening.scan-max=100")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ListeningBoundsContract {

    static final long SEED = 20261207L;
    /** Three days, long past: nothing else of the run is written in them. */
    static final LocalDate FIRST = LocalDate.parse("2020-03-03");

    static final int MENTIONS = 150;
    static final List<String> TEXTS = List.of(
            "My card got blocked again, terrible service",
            "Приложение отличное, переводы приходят мгновенно!",
            "手机银行又崩了，登录不了，太差了",
            "Les frais de virement sont une honte",
            "Thanks, the transfer arrived quickly, great app");
    static final List<String> SOURCES = List.of("news", "appstore", "x", "telegram");

    @LocalServerPort
    int port;

    @Autowired
    Listening listening;

    @Autowired
    Mentions mentions;

    /** 150 mentions over the three days (most on the last), seeded: languages, sources and authors mixed. */
    @BeforeAll
    void seed() {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < MENTIONS; i++) {
            int day = i < 100 ? 2 : random.nextInt(2);
            Instant at =
                    FIRST.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextInt(86_400));
            all.add("{\"source\":\"" + SOURCES.get(random.nextInt(SOURCES.size())) + "\",\"sourceId\":\"bounds-" + i
                    + "\",\"text\":\"" + TEXTS.get(random.nextInt(TEXTS.size())) + " " + i + "\",\"author\":\"a"
                    + random.nextInt(12) + "\",\"createdAt\":\"" + at + "\"}");
        }
        for (int from = 0; from < MENTIONS; from += 50) {
            Response r = api().post(
                            "/api/v1/mentions",
                            "{\"mentions\":[" + String.join(",", all.subList(from, from + 50)) + "]}");
            assertThat(r.status()).as("seed " + SEED + ": " + r.body()).isEqualTo(200);
        }
    }

    Api api() {
        return new Api(port);
    }

    static Instant start(int day) {
        return FIRST.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Test
    @DisplayName("a CSV export of a span holding more than scan-max mentions is a 400 span_too_large with the max, "
            + "never the oldest cut short (review 2026-12-07 listening follow-up)")
    void anExportPastScanMaxIsRefusedNotCut() {
        Response refused = api().get("/api/v1/listening/export.csv?from=" + start(0) + "&to=" + start(3));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("span_too_large");
        assertThat(refused.json().path("max").asInt()).isEqualTo(100);
        assertThat(refused.json().path("count").asLong()).isEqualTo(MENTIONS);

        Response twoDays = api().get("/api/v1/listening/export.csv?from=" + start(0) + "&to=" + start(2));
        assertThat(twoDays.status()).as(twoDays.body()).isEqualTo(200);
        assertThat(twoDays.body().split("\r\n")).hasSize(1 + MENTIONS - 100);
    }

    @Test
    @DisplayName("a mention dated a day ahead of the bank's clock is refused invalid_mention with its index, "
            + "nothing stored; a minute ahead passes (review 2026-12-07 listening follow-up)")
    void aMentionFromTheFutureIsRefused() {
        Instant now = Instant.now();
        String late = "{\"source\":\"news\",\"sourceId\":\"future-" + now.toEpochMilli()
                + "\",\"text\":\"fine\",\"createdAt\":\"" + now.plus(1, ChronoUnit.DAYS) + "\"}";
        String skewed = "{\"source\":\"news\",\"sourceId\":\"skew-" + now.toEpochMilli()
                + "\",\"text\":\"fine\",\"createdAt\":\"" + now.plus(1, ChronoUnit.MINUTES) + "\"}";
        Response refused = api().post("/api/v1/mentions", "{\"mentions\":[" + skewed + "," + late + "]}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("invalid_mention");
        assertThat(refused.json().path("index").asInt()).isEqualTo(1);
        assertThat(api().post("/api/v1/mentions", "{\"mentions\":[" + skewed + "]}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("the reputation dashboard counts every mention of the span and of each day, past scan-max, as the "
            + "rows themselves do (review 2026-12-07 listening follow-up)")
    void theDashboardCountsEveryMention() {
        List<Mention> rows = mentions.list(new MentionFilter(start(0), start(3), null, null, null, null, 500));
        assertThat(rows).hasSize(MENTIONS);
        Reputation r = Reputation.of(listening, start(2).plus(12, ChronoUnit.HOURS), 3, List.of());

        assertThat(figures(r.span())).isEqualTo(expected(rows));
        assertThat(r.days()).hasSize(3);
        for (Reputation.Day d : r.days()) {
            Instant from = d.day().atStartOfDay(ZoneOffset.UTC).toInstant();
            List<Mention> ofDay = rows.stream()
                    .filter(m -> !m.createdAt().isBefore(from) && m.createdAt().isBefore(from.plus(1, ChronoUnit.DAYS)))
                    .toList();
            Dashboard day = listening.dashboard(from, from.plus(1, ChronoUnit.DAYS));
            assertThat(figures(day)).as(d.day().toString()).isEqualTo(expected(ofDay));
            assertThat(d.overall().total()).isEqualTo(ofDay.size());
        }
        assertThat(r.span().overall().total()).isEqualTo(MENTIONS);
        assertThat(r.truncated())
                .as("the top authors read the newest 100 of 150")
                .isTrue();
    }

    @Test
    @DisplayName("the dashboard's days come from one grouped count whatever the span and equal the per-day counts: "
            + "31 whole days, and a seeded span starting and ending mid-day (review 2026-12-07 listening follow-up)")
    void theDaysOfOneGroupedCountEqualThePerDayCounts() {
        Instant to = start(3);
        Instant from = to.minus(31, ChronoUnit.DAYS);
        SortedMap<LocalDate, Dashboard> month = listening.dashboardsByDay(from, to);
        assertThat(month.keySet()).hasSize(31).first().isEqualTo(FIRST.minusDays(28));
        assertThat(month.lastKey()).isEqualTo(FIRST.plusDays(2));
        month.forEach((d, day) -> {
            Instant start = d.atStartOfDay(ZoneOffset.UTC).toInstant();
            assertThat(day).as(d.toString()).isEqualTo(listening.dashboard(start, start.plus(1, ChronoUnit.DAYS)));
        });
        assertThat(month.values().stream().mapToInt(d -> d.overall().total()).sum())
                .isEqualTo(listening.dashboard(from, to).overall().total())
                .isGreaterThanOrEqualTo(MENTIONS);

        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED + 1);
        Instant since = start(0).plusSeconds(1 + random.nextInt(86_399));
        Instant until = start(2).plusSeconds(1 + random.nextInt(86_399));
        SortedMap<LocalDate, Dashboard> cut = listening.dashboardsByDay(since, until);
        assertThat(cut.keySet()).as("seed " + (SEED + 1)).containsExactly(FIRST, FIRST.plusDays(1), FIRST.plusDays(2));
        cut.forEach((d, day) -> {
            Instant start = d.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = start.plus(1, ChronoUnit.DAYS);
            Dashboard alone =
                    listening.dashboard(start.isBefore(since) ? since : start, end.isAfter(until) ? until : end);
            assertThat(day).as("seed " + (SEED + 1) + ", " + d).isEqualTo(alone);
        });
        assertThat(cut.values().stream().mapToInt(d -> d.overall().total()).sum())
                .isEqualTo(listening.dashboard(since, until).overall().total());
    }

    @Test
    @DisplayName("the API dashboard says truncated only when its top topics left one out: every topic of the span "
            + "is listed, so false here (review 2026-12-07 listening follow-up)")
    void theApiDashboardIsTruncatedOnlyWhenATopicIsLeftOut() {
        Response r = api().get("/api/v1/listening/dashboard?from=" + start(0) + "&to=" + start(3));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        long topics = mentions.list(new MentionFilter(start(0), start(3), null, null, null, null, 500)).stream()
                .map(m -> m.topic())
                .distinct()
                .count();
        assertThat(r.json().path("topTopics").size()).isEqualTo((int) topics);
        assertThat(r.json().path("truncated").isBoolean()).isTrue();
        assertThat(r.json().path("truncated").asBoolean()).isFalse();
    }

    /** overall, language:x, source:x and topic:x -> {total, negative, positive}. */
    static Map<String, List<Integer>> figures(Dashboard d) {
        Map<String, List<Integer>> f = new TreeMap<>();
        f.put(
                "all",
                List.of(d.overall().total(), d.overall().negative(), d.overall().positive()));
        d.byLanguage().forEach(s -> f.put("language:" + s.key(), List.of(s.total(), s.negative(), s.positive())));
        d.bySource().forEach(s -> f.put("source:" + s.key(), List.of(s.total(), s.negative(), s.positive())));
        d.topTopics().forEach(s -> f.put("topic:" + s.key(), List.of(s.total(), s.negative(), s.positive())));
        return f;
    }

    /** The figures counted from the rows, as the dashboard did before. */
    static Map<String, List<Integer>> expected(List<Mention> rows) {
        Map<String, List<Integer>> f = new TreeMap<>();
        if (!rows.isEmpty()) {
            f.put("all", count(rows));
        } else {
            f.put("all", List.of(0, 0, 0));
        }
        group(rows, m -> "language:" + m.language(), f);
        group(rows, m -> "source:" + m.source(), f);
        group(rows, m -> "topic:" + m.topic().wireName(), f);
        return f;
    }

    private static void group(List<Mention> rows, Function<Mention, String> key, Map<String, List<Integer>> f) {
        Map<String, List<Mention>> groups = new TreeMap<>();
        rows.forEach(m ->
                groups.computeIfAbsent(key.apply(m), k -> new ArrayList<>()).add(m));
        groups.forEach((k, ms) -> f.put(k, count(ms)));
    }

    private static List<Integer> count(List<Mention> ms) {
        return List.of(
                ms.size(),
                (int) ms.stream()
                        .filter(m -> m.sentiment() == Sentiment.NEGATIVE)
                        .count(),
                (int) ms.stream()
                        .filter(m -> m.sentiment() == Sentiment.POSITIVE)
                        .count());
    }
}
