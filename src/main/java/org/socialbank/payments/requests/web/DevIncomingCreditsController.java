package org.socialbank.payments.requests.web;

import java.util.Map;
import org.socialbank.payments.requests.CreditOutcome;
import org.socialbank.payments.requests.Requests;
import org.socialbank.shared.DemoMode;
import org.socialbank.shared.DemoOnly;
import org.socialbank.shared.web.BadRequest;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Simulates an interbank credit arriving on the collection account, to show a request paid by
 * someone who is not a customer in a demo. A real bank wires {@link Requests#creditReceived} to
 * its inbound payment feed instead. {@code /dev/**} needs no token, so this refuses outside demo
 * mode; the POST carries the pages' CSRF token, which the JSON of the GET gives with its cookie.
 */
@DemoOnly // not even mapped outside demo mode (security review #8)
@RestController
class DevIncomingCreditsController {

    private final DemoMode demo;
    private final Requests requests;

    DevIncomingCreditsController(DemoMode demo, Requests requests) {
        this.demo = demo;
        this.requests = requests;
    }

    @GetMapping(path = "/dev/incoming-credits.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> csrf(CsrfToken csrf) {
        if (!demo.enabled()) {
            return notHere();
        }
        return ResponseEntity.ok(Map.of("csrfHeader", csrf.getHeaderName(), "csrfToken", csrf.getToken()));
    }

    @PostMapping(
            path = "/dev/incoming-credits",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> credit(@RequestBody RequestBodies.Credit body) {
        if (!demo.enabled()) {
            return notHere();
        }
        RequestBodies.require(RequestBodies.missing(
                body.reference(), "reference", body.amountMinor(), "amountMinor", body.currency(), "currency"));
        String entry = body.entryId() != null
                ? body.entryId()
                : java.util.UUID.randomUUID().toString(); // a new credit
        Requests.creditProblem(entry, body.reference(), body.amountMinor()).ifPresent(problem -> {
            throw new BadRequest(problem);
        });
        CreditOutcome outcome = requests.creditReceived(
                entry, body.reference(), body.amountMinor(), RequestBodies.currency(body.currency()));
        return ResponseEntity.ok(Map.of(
                "reference",
                outcome.reference(),
                "outcome",
                outcome.outcome(),
                "requestId",
                outcome.requestId() == null ? "" : outcome.requestId().toString()));
    }

    private static ResponseEntity<?> notHere() {
        return Problems.response(
                Problems.of(HttpStatus.NOT_FOUND, "not_found", "Simulated incoming credits exist only in demo mode."));
    }
}
