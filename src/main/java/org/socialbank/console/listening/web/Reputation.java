package org.socialbank.console.listening.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.socialbank.listening.Dashboard;
import org.socialbank.listening.Listening;
import org.socialbank.listening.Mention;
import org.socialbank.listening.cases.Case;

/**
 * The reputation dashboard's figures: per UTC day of the span, the share of negative mentions
 * and the net sentiment overall, per language and per source; the top topics and authors of the
 * span (by mentions, and by reach where the source gave followers); the open cases by deadline.
 */
record Reputation(
        LocalDate from,
        LocalDate to,
        Dashboard span,
        List<Day> days,
        List<Author> topAuthors,
        List<Author> topByReach,
        List<Case> openCases,
        boolean truncated) {

    static final int AUTHORS_MAX = 10;
    static final int CSV_COLUMNS = 9;

    /** One day's figures: overall, by language, by source. */
    record Day(
            LocalDate day, Dashboard.Slice overall, List<Dashboard.Slice> byLanguage, List<Dashboard.Slice> bySource) {}

    /** @param reach the author's latest known followers in the span, or null when no source said */
    record Author(String source, String author, int mentions, int negative, boolean customerLinked, Long reach) {}

    /**
     * The span's and the days' figures are counted by the database (two GROUP BYs whatever the
     * number of days, no mention row read; newest day first); the top authors need rows, read
     * once, the newest {@code scan-max} of the span ({@code truncated} when that limit was reached:
     * the authors are then of the newest part). Review 2026-12-07 listening follow-up: it read up
     * to 33 times scan-max whole rows a view, then ran one count per day.
     */
    static Reputation of(Listening listening, Instant now, int days, List<Case> openCases) {
        LocalDate last = now.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate first = last.minusDays(days - 1L);
        Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Dashboard span = listening.dashboard(from, to);
        List<Day> perDay = new ArrayList<>();
        listening
                .dashboardsByDay(from, to)
                .forEach((d, day) -> perDay.add(0, new Day(d, day.overall(), day.byLanguage(), day.bySource())));
        List<Mention> mentions = listening.newest(from, to);
        boolean truncated = mentions.size() >= listening.scanMax();
        return new Reputation(
                first, last, span, perDay, topAuthors(mentions), topByReach(mentions), openCases, truncated);
    }

    static List<Author> topAuthors(List<Mention> mentions) {
        Map<String, List<Mention>> byAuthor = mentions.stream()
                .filter(m -> m.author() != null && !m.author().isBlank())
                .collect(Collectors.groupingBy(m -> m.source() + "\u0000" + m.author()));
        return byAuthor.values().stream()
                .map(Reputation::author)
                .sorted(Comparator.comparingInt(Author::mentions)
                        .reversed()
                        .thenComparing(Author::source)
                        .thenComparing(Author::author))
                .limit(AUTHORS_MAX)
                .toList();
    }

    /** The authors whose reach a source gave, the widest first (ties: more mentions first). */
    static List<Author> topByReach(List<Mention> mentions) {
        Map<String, List<Mention>> byAuthor = mentions.stream()
                .filter(m -> m.author() != null && !m.author().isBlank() && m.reach() != null)
                .collect(Collectors.groupingBy(m -> m.source() + "\u0000" + m.author()));
        return byAuthor.values().stream()
                .map(Reputation::author)
                .sorted(Comparator.comparing(Author::reach, Comparator.reverseOrder())
                        .thenComparing(Comparator.comparingInt(Author::mentions).reversed())
                        .thenComparing(Author::source)
                        .thenComparing(Author::author))
                .limit(AUTHORS_MAX)
                .toList();
    }

    private static Author author(List<Mention> ms) {
        Mention m = ms.get(0);
        // the newest figure the source gave: followers come and go
        Long reach = ms.stream()
                .filter(x -> x.reach() != null)
                .max(Comparator.comparing(Mention::createdAt))
                .map(Mention::reach)
                .orElse(null);
        return new Author(
                m.source(),
                m.author(),
                ms.size(),
                (int) ms.stream()
                        .filter(x -> x.sentiment() == org.socialbank.listening.Sentiment.NEGATIVE)
                        .count(),
                ms.stream().anyMatch(x -> x.customer().isPresent()),
                reach);
    }

    /** The rows of the CSV: section, day, key, total, negative, positive, share negative, net sentiment. */
    List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        Function<Dashboard.Slice, List<Object>> figures =
                s -> List.of(s.total(), s.negative(), s.positive(), s.shareNegative(), s.netSentiment());
        for (Day d : days) {
            rows.add(row("day", d.day(), "all", figures.apply(d.overall())));
            d.byLanguage().forEach(s -> rows.add(row("day_language", d.day(), s.key(), figures.apply(s))));
            d.bySource().forEach(s -> rows.add(row("day_source", d.day(), s.key(), figures.apply(s))));
        }
        span.topTopics().forEach(s -> rows.add(row("topic", from + "/" + to, s.key(), figures.apply(s))));
        topAuthors.forEach(a -> rows.add(row(
                "author",
                from + "/" + to,
                a.source() + ":" + a.author(),
                List.of(a.mentions(), a.negative(), "", "", ""))));
        topByReach.forEach(a -> rows.add(row(
                "author_reach",
                from + "/" + to,
                a.source() + ":" + a.author(),
                List.of(a.mentions(), a.negative(), "", "", "", a.reach()))));
        openCases.forEach(c -> rows.add(row(
                "open_case", c.deadline(), c.id().value() + " " + c.kind().wireName(), List.of("", "", "", "", ""))));
        return rows;
    }

    private static List<Object> row(String section, Object day, String key, List<Object> figures) {
        List<Object> row = new ArrayList<>(List.of(section, day.toString(), key));
        row.addAll(figures);
        while (row.size() < CSV_COLUMNS) {
            row.add(""); // the reach column, given in the author_reach section only
        }
        return row;
    }
}
