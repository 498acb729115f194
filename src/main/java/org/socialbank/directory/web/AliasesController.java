package org.socialbank.directory.web;

import io.github.bucket4j.ConsumptionProbe;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasMatch;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.Directory;
import org.socialbank.shared.Network;
import org.socialbank.shared.web.BadRequest;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Resolves an alias to a masked name and whether it is a customer: what a payer may know before
 * paying, never an account number or a full name. Rate-limited per caller.
 */
@RestController
@Tag(name = "Aliases")
class AliasesController {

    private final Directory directory;
    private final LookupLimiter limiter;

    AliasesController(Directory directory, LookupLimiter limiter) {
        this.directory = directory;
        this.limiter = limiter;
    }

    /**
     * @param value the alias as typed; a handle may carry its network as {@code x:@bob}
     * @param network the network of a handle, when not in the value
     * @param region where to read a local phone number (ISO 3166, e.g. IR)
     */
    @Operation(summary = "Resolve an alias (phone, email, tag, handle) to a masked name; 429 past the rate")
    @GetMapping(path = "/api/v1/aliases/{type}/{value}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> resolve(
            @PathVariable String type,
            @PathVariable String value,
            @RequestParam(required = false) String network,
            @RequestParam(required = false) String region,
            HttpServletRequest request) {
        ConsumptionProbe probe = limiter.take(caller(request));
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "too_many_lookups",
                            "Too many alias lookups; try again in " + seconds + " s."));
        }
        Alias alias = parse(type, value, network, region);
        Optional<AliasMatch> match = directory.resolve(alias);
        return ResponseEntity.ok(Map.of(
                "type", alias.type().wireName(),
                "value", alias.display(),
                "customer", match.isPresent(),
                "displayName", match.map(AliasMatch::maskedName).orElse(alias.display())));
    }

    static Alias parse(String type, String value, String network, String region) {
        AliasType aliasType = AliasType.fromWireName(type)
                .orElseThrow(() -> new BadRequest("type must be phone, email, tag or handle"));
        Network handleNetwork = null;
        String text = value;
        if (aliasType == AliasType.HANDLE) {
            int colon = value.indexOf(':');
            String name = network != null ? network : colon > 0 ? value.substring(0, colon) : null;
            if (network == null && colon > 0) {
                text = value.substring(colon + 1);
            }
            handleNetwork = name == null
                    ? null
                    : Network.fromWireName(name).orElseThrow(() -> new BadRequest("unknown network '" + name + "'"));
        }
        if (region != null && !region.matches("[A-Za-z]{2}")) {
            throw new BadRequest("region is a two-letter ISO 3166 code");
        }
        return Alias.tryParse(aliasType, handleNetwork, text, region).orElseThrow(BadRequest::new);
    }

    /** The authenticated caller (its token's fingerprint) or, without one, its address. */
    private static String caller(HttpServletRequest request) {
        return request.getUserPrincipal() != null
                ? request.getUserPrincipal().getName()
                : "ip:" + request.getRemoteAddr();
    }
}
