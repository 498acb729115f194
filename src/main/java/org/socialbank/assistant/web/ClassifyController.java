package org.socialbank.assistant.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.socialbank.assistant.Assistant;
import org.socialbank.assistant.Classification;
import org.socialbank.assistant.ClassifyResult;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Classifies a question into an intent; the one mapper of the assistant's refusals to problems. */
@RestController
@Tag(name = "Assistant")
@RequestMapping(path = "/api/v1/assistant", produces = MediaType.APPLICATION_JSON_VALUE)
class ClassifyController {

    /** The question, and its language if the caller knows it (en, fr, ru, fa, zh). */
    record ClassifyRequest(String text, String language) {}

    /**
     * The classification, and the id a vote on its answer names ({@code POST
     * /api/v1/assistant/feedback}): null unless the assistant is sure of an intent with a written
     * answer in the language (review 2026-12-07 assistant follow-up).
     */
    record Classified(
            String intent,
            double confidence,
            java.util.List<Classification.Alternative> alternatives,
            String language,
            boolean sure,
            java.util.UUID answerId) {}

    private final Assistant assistant;

    ClassifyController(Assistant assistant) {
        this.assistant = assistant;
    }

    @Operation(summary = "The intent of a question, its confidence, the top three and the language read")
    @ApiResponse(
            responseCode = "200",
            description = "the classification; answerId (valid for a day) when sure of an intent with a written "
                    + "answer, else null: the id a vote on that answer names")
    @ApiResponse(
            responseCode = "400",
            description = "blank_text, text_too_long, unsupported_language",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "503",
            description = "models_unavailable: no model could be trained yet; retry later",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/classify", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> classify(@RequestBody ClassifyRequest request, java.security.Principal caller) {
        ClassifyResult result = assistant.classify(request.text(), request.language());
        if (result instanceof ClassifyResult.Refused r) {
            HttpStatus status = r.code() == ClassifyResult.Code.MODELS_UNAVAILABLE
                    ? HttpStatus.SERVICE_UNAVAILABLE // the bank's side, not the caller's: a problem, never a stack
                    : HttpStatus.BAD_REQUEST;
            return Problems.response(Problems.of(status, r.code().wire(), r.detail()));
        }
        Classification c = (Classification) result;
        return ResponseEntity.ok(new Classified(
                c.intent(),
                c.confidence(),
                c.alternatives(),
                c.language(),
                c.sure(),
                // the caller's open ids are bounded (review 2026-12-07 assistant follow-up)
                assistant
                        .issueAnswer(c, caller == null ? "api" : caller.getName())
                        .orElse(null)));
    }
}
