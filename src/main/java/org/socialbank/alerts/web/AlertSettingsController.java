package org.socialbank.alerts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.socialbank.alerts.Alerts;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A customer's transaction alert settings: the defaults until changed; PUT changes the members it names. */
@RestController
@Tag(name = "Alert settings")
@RequestMapping(path = "/api/v1/alert-settings", produces = MediaType.APPLICATION_JSON_VALUE)
class AlertSettingsController {

    private static final Map<String, String> DETAILS = Map.of(
            "unknown_kind", "kinds takes incoming, outgoing and fee, each true or false.",
            "quiet_hours_invalid", "quietHours needs from and to as HH:mm, and they differ.",
            "unknown_zone",
                    "zone must be an IANA time zone that names a place, such as Europe/Paris (not UTC or an "
                            + "offset); it is the customer's one zone, for her chats, pages and alerts.",
            "unknown_channel", "preferredChannel must be a network's wire name (telegram, wechat, ...).",
            "chat_order_invalid", "chatOrder names at most 8 networks, by their wire names.",
            "min_amount_negative", "minAmountMinor must be zero or more.",
            "unknown_delivery",
                    "delivery is instant (each alert at once), daily (one digest the next morning) or "
                            + "weekly (one digest on the Monday morning after the week).");

    private final Alerts alerts;
    private final Directory directory;

    AlertSettingsController(Alerts alerts, Directory directory) {
        this.alerts = alerts;
        this.directory = directory;
    }

    @Operation(summary = "The customer's alert settings")
    @ApiResponse(responseCode = "200", description = "the settings")
    @ApiResponse(
            responseCode = "404",
            description = "customer_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{customerId}")
    ResponseEntity<?> get(@PathVariable UUID customerId) {
        CustomerId id = new CustomerId(customerId);
        if (directory.customer(id).isEmpty()) {
            return notFound();
        }
        return ResponseEntity.ok(AlertSettingsJson.of(alerts.settings(id)));
    }

    @Operation(summary = "Change the customer's alert settings (members left out stay as they are)")
    @ApiResponse(responseCode = "200", description = "the settings now")
    @ApiResponse(
            responseCode = "400",
            description = "unknown_kind, quiet_hours_invalid, unknown_zone, unknown_channel, "
                    + "chat_order_invalid, min_amount_negative, unknown_delivery",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "404",
            description = "customer_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @PutMapping(path = "/{customerId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> put(@PathVariable UUID customerId, @RequestBody AlertSettingsJson body) {
        CustomerId id = new CustomerId(customerId);
        if (directory.customer(id).isEmpty()) {
            return notFound();
        }
        try {
            return ResponseEntity.ok(AlertSettingsJson.of(alerts.save(body.over(alerts.settings(id)))));
        } catch (IllegalArgumentException e) {
            String code = DETAILS.containsKey(e.getMessage()) ? e.getMessage() : "invalid_settings";
            return Problems.response(
                    Problems.of(HttpStatus.BAD_REQUEST, code, DETAILS.getOrDefault(code, "Invalid settings.")));
        }
    }

    private static ResponseEntity<?> notFound() {
        return Problems.response(Problems.of(HttpStatus.NOT_FOUND, "customer_not_found", "There is no such customer."));
    }
}
