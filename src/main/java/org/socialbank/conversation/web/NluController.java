package org.socialbank.conversation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.socialbank.conversation.language.CommandParser;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads a chat message into a command. A text the parser does not understand is a 200 with
 * intent {@code unknown} and a {@code reply} hint; only a bad request is a 400.
 */
@RestController
@Tag(name = "Command language")
@RequestMapping(path = "/api/v1/nlu", produces = MediaType.APPLICATION_JSON_VALUE)
class NluController {

    private final CommandParser parser = new CommandParser();

    @Operation(
            summary =
                    "Parse a message in English, French, Russian, Persian or Chinese into intent, amount, currency and payees")
    @ApiResponse(
            responseCode = "200",
            description = "the command read, intent unknown when none",
            content = @Content(schema = @Schema(implementation = ParsedJson.class)))
    @ApiResponse(
            responseCode = "400",
            description = "text missing or over 1000 characters, unknown locale, network or region",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/parse", consumes = MediaType.APPLICATION_JSON_VALUE)
    ParsedJson parse(@RequestBody ParseBody request) {
        return ParsedJson.of(parser.parse(request.checkedText(), request.hint(), request.context()));
    }
}
