package org.socialbank.payments.requests.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.Payment;
import org.socialbank.payments.requests.MoneyRequest;
import org.socialbank.payments.requests.RequestId;
import org.socialbank.payments.requests.RequestOrder;
import org.socialbank.payments.requests.RequestPayment;
import org.socialbank.payments.requests.RequestRejection;
import org.socialbank.payments.requests.RequestResult;
import org.socialbank.payments.requests.RequestStatus;
import org.socialbank.payments.requests.Requests;
import org.socialbank.shared.web.BadRequest;
import org.socialbank.shared.web.Created;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Money requests: 201 with the request when it is new, 200 with the same request on a replay of
 * the id, 409 when the id was used for another one; a refusal is a problem with its code. Paying
 * answers the payment (as {@code /api/v1/payments} would) and the request after it.
 */
@RestController
@Tag(name = "Requests")
@RequestMapping(path = "/api/v1/requests", produces = MediaType.APPLICATION_JSON_VALUE)
class RequestsController {

    private final Requests requests;

    RequestsController(Requests requests) {
        this.requests = requests;
    }

    @Operation(summary = "Ask someone for money by phone, e-mail, $tag or network handle; the id makes it idempotent")
    @ApiResponse(
            responseCode = "201",
            description = "the request, open; with payUrl and paymentReference when the " + "payer is not a customer",
            content = @Content(schema = @Schema(implementation = RequestJson.class)))
    @ApiResponse(
            responseCode = "200",
            description = "a replay of the id: the request as it is now",
            content = @Content(schema = @Schema(implementation = RequestJson.class)))
    @ApiResponse(
            responseCode = "409",
            description = "id_reused",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "requester_not_found, no_account_in_currency, "
                    + "requester_has_no_alias, payer_is_requester, payer_not_found, too_many_requests (past "
                    + "per-requester-per-hour)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "400",
            description = "malformed or invalid request",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> ask(@RequestBody RequestBodies.Ask body) {
        RequestResult result = requests.request(body.order());
        if (result instanceof RequestResult.Refused refused) {
            return Problems.response(RequestRejections.problem(refused.rejection()));
        }
        RequestResult.Asked asked = (RequestResult.Asked) result;
        return Created.unlessReplayed(asked.replayed(), RequestJson.of(asked.request()));
    }

    @Operation(summary = "A request and its status: open, paid, declined, expired or cancelled")
    @ApiResponse(
            responseCode = "200",
            description = "the request",
            content = @Content(schema = @Schema(implementation = RequestJson.class)))
    @ApiResponse(
            responseCode = "404",
            description = "request_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{id}")
    ResponseEntity<?> get(@PathVariable UUID id) {
        return requests.request(new RequestId(id))
                .<ResponseEntity<?>>map(r -> ResponseEntity.ok(RequestJson.of(r)))
                .orElseGet(() -> notFound(id));
    }

    @Operation(summary = "The payer pays a request: a payment under the usual limits and step-up; replays pay once")
    @ApiResponse(
            responseCode = "200",
            description = "the payment (completed, awaiting_confirmation with its "
                    + "confirmationUrl, or rejected with its code) and the request after it",
            content = @Content(schema = @Schema(implementation = RequestJson.Paid.class)))
    @ApiResponse(
            responseCode = "404",
            description = "request_not_found (also for a customer who is not its payer)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "request_paid, request_declined, request_expired, " + "request_cancelled, too_many_attempts",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "requester_cannot_receive",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/{id}/pay", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> pay(@PathVariable UUID id, @RequestBody RequestBodies.Pay body) {
        RequestBodies.require(RequestBodies.missing(body.payerCustomerId(), "payerCustomerId"));
        // refused here as the client's 400; inside the bank the same check is a broken invariant
        String channel =
                BadRequest.whenRefused(() -> RequestOrder.channel(body.channel() == null ? "api" : body.channel()));
        RequestId requestId = new RequestId(id);
        Optional<RequestPayment> paid = requests.payRequest(requestId, new CustomerId(body.payerCustomerId()), channel);
        if (paid.isEmpty()) {
            return notFound(id);
        }
        if (paid.get() instanceof RequestPayment.Refused refused) {
            if (refused.rejection() == RequestRejection.NOT_THE_PAYER) {
                return notFound(id);
            }
            var problem = RequestRejections.problem(refused.rejection());
            requests.request(requestId)
                    .ifPresent(r -> problem.setProperty("status", r.status().wireName()));
            return Problems.response(problem);
        }
        Payment p = ((RequestPayment.Attempted) paid.get()).payment();
        return ResponseEntity.ok(new RequestJson.Paid(
                RequestJson.of(requests.request(requestId).orElseThrow()), RequestJson.PaymentJson.of(p)));
    }

    @Operation(summary = "The payer declines an open request")
    @ApiResponse(
            responseCode = "200",
            description = "declined",
            content = @Content(schema = @Schema(implementation = RequestJson.class)))
    @ApiResponse(
            responseCode = "404",
            description = "request_not_found (also for a customer who is not its payer)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "not_declinable: paid or ended already",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/{id}/decline", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> decline(@PathVariable UUID id, @RequestBody RequestBodies.Payer body) {
        RequestBodies.require(RequestBodies.missing(body.payerCustomerId(), "payerCustomerId"));
        return ended(
                id,
                requests.decline(new RequestId(id), new CustomerId(body.payerCustomerId())),
                RequestStatus.DECLINED,
                "not_declinable");
    }

    @Operation(summary = "The requester withdraws an open request")
    @ApiResponse(
            responseCode = "200",
            description = "cancelled",
            content = @Content(schema = @Schema(implementation = RequestJson.class)))
    @ApiResponse(
            responseCode = "404",
            description = "request_not_found (also for a customer who is not its requester)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "not_cancellable: paid or ended already",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/{id}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> cancel(@PathVariable UUID id, @RequestBody RequestBodies.Requester body) {
        RequestBodies.require(RequestBodies.missing(body.requesterCustomerId(), "requesterCustomerId"));
        return ended(
                id,
                requests.cancel(new RequestId(id), new CustomerId(body.requesterCustomerId())),
                RequestStatus.CANCELLED,
                "not_cancellable");
    }

    private static ResponseEntity<?> ended(UUID id, Optional<MoneyRequest> after, RequestStatus wanted, String code) {
        if (after.isEmpty()) {
            return notFound(id);
        }
        if (after.get().status() != wanted) {
            var problem =
                    Problems.of(HttpStatus.CONFLICT, code, "Only an open request can be " + wanted.wireName() + ".");
            problem.setProperty("status", after.get().status().wireName());
            return Problems.response(problem);
        }
        return ResponseEntity.ok(RequestJson.of(after.get()));
    }

    private static ResponseEntity<?> notFound(UUID id) {
        return Problems.response(
                Problems.of(HttpStatus.NOT_FOUND, "request_not_found", "There is no request " + id + "."));
    }
}
