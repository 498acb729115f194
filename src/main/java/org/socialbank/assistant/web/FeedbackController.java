package org.socialbank.assistant.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.socialbank.assistant.Assistant;
import org.socialbank.assistant.FeedbackResult;
import org.socialbank.assistant.IntentFeedback;
import org.socialbank.shared.Language;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Did this help?" (issue 18): staff read the votes per intent, the answers that fail most first;
 * a channel outside the chat engine (a web page) records a vote. The one mapper of the votes'
 * refusals to problems.
 */
@RestController
@Tag(name = "Assistant")
@RequestMapping(path = "/api/v1/assistant/feedback", produces = MediaType.APPLICATION_JSON_VALUE)
class FeedbackController {

    /**
     * A vote on one answer classify gave: {@code answerId} is the id it returned. Intent and
     * language are taken from the issued answer; the caller's are ignored (kept so that older
     * callers still parse).
     */
    record Vote(UUID answerId, String intent, String language, Boolean helpful) {}

    record Counted(boolean counted) {}

    record Report(long helpful, long notHelpful, List<Line> intents) {}

    /**
     * One intent: the votes on the text shown now, and ({@code older*}) on the texts it replaced
     * (review 2026-12-07 assistant follow-up).
     */
    record Line(
            String intent,
            long helpful,
            long notHelpful,
            long total,
            double helpfulShare,
            long olderHelpful,
            long olderNotHelpful) {}

    private final Assistant assistant;

    FeedbackController(Assistant assistant) {
        this.assistant = assistant;
    }

    @Operation(
            summary = "Votes per intent on the answer text shown now, the intents voted 'not helpful' most first; "
                    + "olderHelpful and olderNotHelpful count the votes on texts it replaced")
    @ApiResponse(responseCode = "200", description = "the votes")
    @ApiResponse(
            responseCode = "400",
            description = "unsupported_language, bad_limit",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping
    ResponseEntity<?> report(
            @RequestParam(required = false) String language, @RequestParam(defaultValue = "77") int limit) {
        String lang =
                language == null || language.isBlank() ? null : language.strip().toLowerCase(Locale.ROOT);
        if (lang != null && Language.fromTag(lang).isEmpty()) {
            return Problems.response(Problems.of(
                    HttpStatus.BAD_REQUEST,
                    FeedbackResult.Code.UNSUPPORTED_LANGUAGE.wire(),
                    "The language must be one of en, fr, ru, fa, zh."));
        }
        if (limit < 1 || limit > Assistant.FEEDBACK_INTENTS_MAX) {
            return Problems.response(Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "bad_limit",
                    "The limit must be 1.." + Assistant.FEEDBACK_INTENTS_MAX + "."));
        }
        List<IntentFeedback> counts = assistant.feedbackByIntent(lang, limit);
        return ResponseEntity.ok(new Report(
                counts.stream().mapToLong(IntentFeedback::helpful).sum(),
                counts.stream().mapToLong(IntentFeedback::notHelpful).sum(),
                counts.stream()
                        .map(c -> new Line(
                                c.intent(),
                                c.helpful(),
                                c.notHelpful(),
                                c.total(),
                                c.helpfulShare(),
                                c.olderHelpful(),
                                c.olderNotHelpful()))
                        .toList()));
    }

    @Operation(
            summary = "Counts one vote on an answer classify gave (its answerId, unexpired), under that answer's "
                    + "intent and language; a second vote on the same answer is not counted")
    @ApiResponse(responseCode = "201", description = "counted")
    @ApiResponse(responseCode = "200", description = "the answer had a vote already: {\"counted\": false}")
    @ApiResponse(
            responseCode = "400",
            description = "missing_answer_id, unknown_answer (not issued by classify, or expired), missing_helpful",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> vote(@RequestBody Vote vote) {
        if (vote.helpful() == null) {
            return Problems.response(
                    Problems.of(HttpStatus.BAD_REQUEST, "missing_helpful", "helpful must be true or false."));
        }
        // the issued answer's intent and language count, never the caller's (review 2026-12-07 assistant follow-up)
        FeedbackResult result = assistant.recordIssuedFeedback(vote.answerId(), vote.helpful());
        if (result instanceof FeedbackResult.Refused r) {
            return Problems.response(
                    Problems.of(HttpStatus.BAD_REQUEST, r.code().wire(), r.detail()));
        }
        return result instanceof FeedbackResult.Counted
                ? ResponseEntity.status(HttpStatus.CREATED).body(new Counted(true))
                : ResponseEntity.ok(new Counted(false));
    }
}
