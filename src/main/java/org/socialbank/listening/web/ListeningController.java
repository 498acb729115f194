package org.socialbank.listening.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.socialbank.listening.Dashboard;
import org.socialbank.listening.Listening;
import org.socialbank.listening.Mention;
import org.socialbank.listening.MentionExport;
import org.socialbank.shared.web.BadRequest;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Spikes, the reputation dashboard and its CSV export. */
@RestController
@Tag(name = "Listening")
@RequestMapping(path = "/api/v1/listening")
class ListeningController {

    static final Duration DASHBOARD_SPAN_DEFAULT = Duration.ofDays(7);
    static final Duration SPAN_MAX = Duration.ofDays(366);

    private final Listening listening;
    private final Clock clock;

    ListeningController(Listening listening, Clock clock) {
        this.listening = listening;
        this.clock = clock;
    }

    @Operation(summary = "Spikes of volume or negativity per topic in the recent window, explained")
    @GetMapping(path = "/spikes", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> spikes() {
        return Map.of("spikes", listening.spikes().stream().map(SpikeJson::of).toList());
    }

    @Operation(summary = "Share negative and net sentiment overall, per language and per source; top topics")
    @GetMapping(path = "/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
    Dashboard dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Instant[] span = span(from, to);
        return listening.dashboard(span[0], span[1]);
    }

    @Operation(summary = "The mentions of [from, to) as CSV (UTF-8, RFC 4180)")
    @ApiResponse(responseCode = "200", description = "every mention of the span, oldest first")
    @ApiResponse(
            responseCode = "400",
            description = "span_too_large (more mentions than socialbank.listening.scan-max: max and count say; "
                    + "ask for a shorter span) or invalid_request")
    @GetMapping(path = "/export.csv", produces = "text/csv")
    ResponseEntity<?> export(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Instant[] span = span(from, to);
        MentionExport export = listening.export(span[0], span[1]);
        if (export instanceof MentionExport.TooLarge tooLarge) {
            return tooLarge(tooLarge);
        }
        return csv(((MentionExport.Rows) export).mentions());
    }

    /** A span holding more mentions than one export carries: refused whole, never cut (the newest were lost). */
    private static ResponseEntity<?> tooLarge(MentionExport.TooLarge tooLarge) {
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "span_too_large",
                "The span holds " + tooLarge.count() + " mentions, more than the " + tooLarge.max()
                        + " one export carries; ask for a shorter span.");
        problem.setProperty("max", tooLarge.max());
        problem.setProperty("count", tooLarge.count());
        return Problems.response(problem);
    }

    private static ResponseEntity<String> csv(List<Mention> mentions) {
        StringBuilder csv = new StringBuilder(
                "id,source,source_id,created_at,language,sentiment,score,topic,corrected,author,text\r\n");
        for (Mention m : mentions) {
            csv.append(String.join(
                            ",",
                            List.of(
                                    m.id().toString(),
                                    cell(m.source()),
                                    cell(m.sourceId()),
                                    m.createdAt().toString(),
                                    m.language(),
                                    m.sentiment().wireName(),
                                    Double.toString(m.score()),
                                    m.topic().wireName(),
                                    Boolean.toString(m.corrected()),
                                    cell(m.author()),
                                    cell(m.text()))))
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mentions.csv\"")
                .body(csv.toString());
    }

    /**
     * A CSV cell, quoted; a leading =, +, - or @ is prefixed with an apostrophe so that a
     * spreadsheet does not run a mention's text as a formula (CSV injection).
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private Instant[] span(String from, String to) {
        Instant until = to == null ? clock.instant() : MentionsController.instant(to);
        Instant since = from == null ? until.minus(DASHBOARD_SPAN_DEFAULT) : MentionsController.instant(from);
        if (!since.isBefore(until) || Duration.between(since, until).compareTo(SPAN_MAX) > 0) {
            throw new BadRequest("from must be before to, at most 366 days apart");
        }
        return new Instant[] {since, until};
    }
}
