package org.socialbank.listening.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socialbank.listening.CorrectionResult;
import org.socialbank.listening.MentionFilter;
import org.socialbank.listening.MentionId;
import org.socialbank.listening.Mentions;
import org.socialbank.listening.NewMention;
import org.socialbank.listening.Sentiment;
import org.socialbank.listening.Topic;
import org.socialbank.shared.jdbc.Timestamps;
import org.socialbank.shared.web.BadRequest;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mention import (the contract of issue 20), the listing, and staff corrections. Bad input is
 * a 400 {@code problem+json} whose {@code code} says what, and {@code index} which mention.
 */
@RestController
@Tag(name = "Listening")
@RequestMapping(path = "/api/v1/mentions", produces = MediaType.APPLICATION_JSON_VALUE)
class MentionsController {

    static final Duration LISTING_SPAN_DEFAULT = Duration.ofDays(7);
    private final Mentions mentions;
    private final Clock clock;

    MentionsController(Mentions mentions, Clock clock) {
        this.mentions = mentions;
        this.clock = clock;
    }

    /**
     * How far ahead of the bank's clock a mention may say it was written: a source's clock may run
     * a little fast, but a mention dated later than that would be stored and then shown by no list,
     * dashboard or export until its day came (review 2026-12-07 listening follow-up).
     */
    static final Duration CREATED_AHEAD_MAX = Duration.ofMinutes(5);

    record ImportJson(List<NewMentionJson> mentions) {}

    record NewMentionJson(String source, String sourceId, String text, String author, String createdAt, Long reach) {}

    record CorrectionJson(String sentiment, String topic) {}

    @Operation(
            summary =
                    "Import mentions; idempotent by source and sourceId (a repeat answers the stored id and classification)")
    @ApiResponse(responseCode = "200", description = "every mention, in the order sent")
    @ApiResponse(
            responseCode = "400",
            description = "mentions_required, batch_too_large, invalid_mention or unknown_source (index says which)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> record(@RequestBody ImportJson body) {
        if (body == null || body.mentions() == null || body.mentions().isEmpty()) {
            return bad("mentions_required", "Send at least one mention in 'mentions'.", null);
        }
        if (body.mentions().size() > mentions.batchMax()) {
            return bad("batch_too_large", "Send at most " + mentions.batchMax() + " mentions a request.", null);
        }
        List<NewMention> batch = new ArrayList<>(body.mentions().size());
        for (int i = 0; i < body.mentions().size(); i++) {
            NewMentionJson m = body.mentions().get(i);
            if (m == null) {
                return bad("invalid_mention", "A mention is null.", i);
            }
            if (m.source() != null && !mentions.knows(m.source())) {
                return bad(
                        "unknown_source", "Unknown source '" + m.source() + "'; one of " + mentions.sourceNames(), i);
            }
            try {
                batch.add(new NewMention(
                        m.source(), m.sourceId(), m.text(), m.author(), instant(m.createdAt()), m.reach()));
            } catch (IllegalArgumentException | BadRequest e) { // the mention refused what this one holds
                return bad("invalid_mention", e.getMessage(), i);
            }
            if (ahead(batch.get(i).createdAt())) {
                return bad(
                        "invalid_mention",
                        "createdAt is more than " + CREATED_AHEAD_MAX.toMinutes()
                                + " minutes ahead of the bank's clock.",
                        i);
            }
        }
        return ResponseEntity.ok(Map.of(
                "mentions",
                mentions.record(batch).stream()
                        .map(r -> MentionJson.recorded(r.mention(), r.replayed()))
                        .toList()));
    }

    @Operation(
            summary = "Mentions written in [from, to) (default: the last 7 days), newest first, with optional filters")
    @GetMapping
    ResponseEntity<?> list(
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String sentiment,
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "50") int limit) {
        Instant until = to == null ? clock.instant() : instant(to);
        Instant since = from == null ? until.minus(LISTING_SPAN_DEFAULT) : instant(from);
        MentionFilter filter = BadRequest.whenRefused(
                () -> new MentionFilter(since, until, source, language, sentiment(sentiment), topic(topic), limit));
        return ResponseEntity.ok(Map.of(
                "mentions",
                mentions.list(filter).stream().map(MentionJson::full).toList()));
    }

    @Operation(summary = "One mention")
    @GetMapping("/{id}")
    ResponseEntity<?> get(@PathVariable UUID id) {
        return mentions.find(new MentionId(id))
                .<ResponseEntity<?>>map(m -> ResponseEntity.ok(MentionJson.full(m)))
                .orElseGet(() -> notFound(id));
    }

    @Operation(summary = "Correct a mention's sentiment and/or topic; the same text is classified so from now on")
    @ApiResponse(responseCode = "201", description = "stored; the corrected mention")
    @ApiResponse(responseCode = "404", description = "mention_not_found")
    @PostMapping(path = "/{id}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> correct(@PathVariable UUID id, @RequestBody CorrectionJson body) {
        if (body == null || (body.sentiment() == null && body.topic() == null)) {
            return bad("invalid_correction", "Name a sentiment, a topic or both.", null);
        }
        CorrectionResult result = mentions.correct(new MentionId(id), sentiment(body.sentiment()), topic(body.topic()));
        if (result instanceof CorrectionResult.Corrected corrected) {
            return ResponseEntity.status(HttpStatus.CREATED).body(MentionJson.full(corrected.mention()));
        }
        return notFound(id);
    }

    private boolean ahead(Instant createdAt) {
        return createdAt != null && createdAt.isAfter(clock.instant().plus(CREATED_AHEAD_MAX));
    }

    private static ResponseEntity<?> notFound(UUID id) {
        return Problems.response(
                Problems.of(HttpStatus.NOT_FOUND, "mention_not_found", "There is no mention " + id + "."));
    }

    private static ResponseEntity<?> bad(String code, String detail, Integer index) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, code, detail);
        if (index != null) {
            problem.setProperty("index", index);
        }
        return Problems.response(problem);
    }

    /**
     * An instant the client sent, within years 1970..9999: ISO-8601 also reads instants up to a
     * billion years away, which no mention has and on which a span's arithmetic (a default "7
     * days before", a database timestamp) fails as the bank's fault.
     */
    static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequest("'" + value + "' is no ISO-8601 instant such as 2026-12-01T10:15:30Z");
        }
        if (!Timestamps.storable(instant)) { // the range every client's instant is held to
            throw new BadRequest("'" + value + "' is outside the years 1970 to 9999");
        }
        return instant;
    }

    static Sentiment sentiment(String value) {
        return value == null
                ? null
                : Sentiment.fromWireName(value)
                        .orElseThrow(() -> new BadRequest("sentiment is negative, neutral or positive"));
    }

    static Topic topic(String value) {
        return value == null
                ? null
                : Topic.fromWireName(value)
                        .orElseThrow(() -> new BadRequest("topic is one of "
                                + List.of(Topic.values()).stream()
                                        .map(Topic::wireName)
                                        .toList()));
    }
}
