package org.socialbank.payouts.dev.web;

import java.util.Map;
import org.socialbank.payouts.sandbox.SandboxRail;
import org.socialbank.shared.DemoMode;
import org.socialbank.shared.DemoOnly;
import org.socialbank.shared.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the sandbox rail to reject the next payout, to show a failed payout in a demo. {@code
 * /dev/**} needs no token, so this refuses outside demo mode and when a real rail is configured.
 * The POST carries the pages' CSRF token: the JSON of the GET gives it, with its cookie.
 */
@DemoOnly // not even mapped outside demo mode (security review #8)
@RestController
class DevPayoutsController {

    private final DemoMode demo;
    private final ObjectProvider<SandboxRail> sandbox;

    DevPayoutsController(DemoMode demo, ObjectProvider<SandboxRail> sandbox) {
        this.demo = demo;
        this.sandbox = sandbox;
    }

    @GetMapping("/dev/payouts.json")
    ResponseEntity<?> state(CsrfToken csrf) {
        SandboxRail rail = rail();
        if (rail == null) {
            return notHere();
        }
        return ResponseEntity.ok(Map.of(
                "failNextQueued",
                rail.troublesQueued(),
                "csrfHeader",
                csrf.getHeaderName(),
                "csrfToken",
                csrf.getToken()));
    }

    @PostMapping("/dev/payouts/fail-next")
    ResponseEntity<?> failNext() {
        SandboxRail rail = rail();
        if (rail == null) {
            return notHere();
        }
        if (rail.troublesQueued() >= SandboxRail.TROUBLES_MAX) {
            return Problems.response(Problems.of(
                    HttpStatus.CONFLICT,
                    "too_many_queued",
                    SandboxRail.TROUBLES_MAX + " payouts are already queued to fail."));
        }
        return ResponseEntity.ok(Map.of("failNextQueued", rail.troubleNext(SandboxRail.Trouble.FAIL)));
    }

    private SandboxRail rail() {
        return demo.enabled() ? sandbox.getIfAvailable() : null;
    }

    private ResponseEntity<?> notHere() {
        return Problems.response(Problems.of(
                HttpStatus.NOT_FOUND,
                "not_found",
                demo.enabled()
                        ? "This node sends payouts through a real interbank rail; it has no sandbox."
                        : "The payout sandbox controls exist only in demo mode."));
    }
}
