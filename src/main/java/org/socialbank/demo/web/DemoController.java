package org.socialbank.demo.web;

import java.util.List;
import java.util.Map;
import org.socialbank.demo.DemoBank;
import org.socialbank.ledger.Ledger;
import org.socialbank.shared.DemoMode;
import org.socialbank.shared.DemoOnly;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists the demo customers with their wallet ids and aliases, so that one can try the API at once. */
@DemoOnly // not even mapped outside demo mode (security review #8)
@RestController
class DemoController {

    private final Ledger ledger;
    private final DemoMode demo;

    DemoController(Ledger ledger, DemoMode demo) {
        this.ledger = ledger;
        this.demo = demo;
    }

    @GetMapping("/api/v1/demo/customers")
    ResponseEntity<?> customers() {
        if (!demo.enabled()) {
            return Problems.response(
                    Problems.of(HttpStatus.NOT_FOUND, "not_found", "This node does not run the demo bank."));
        }
        List<Map<String, Object>> body = DemoBank.CUSTOMERS.stream()
                .map(c -> Map.<String, Object>of(
                        "id",
                        c.customerId().value(),
                        "displayName",
                        c.displayName(),
                        "language",
                        c.language(),
                        "username",
                        c.username(),
                        "phone",
                        c.phone(),
                        "email",
                        c.email(),
                        "tag",
                        "$" + c.tag(),
                        "accounts",
                        ledger.accountsOwnedBy(c.customerId().ownerRef()).stream()
                                .map(a -> Map.of(
                                        "id",
                                        a.id().value(),
                                        "currency",
                                        a.currency().code(),
                                        "balanceMinor",
                                        a.balanceMinor()))
                                .toList()))
                .toList();
        return ResponseEntity.ok(Map.of("customers", body));
    }
}
