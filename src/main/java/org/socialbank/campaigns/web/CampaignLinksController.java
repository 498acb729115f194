package org.socialbank.campaigns.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import org.socialbank.campaigns.Campaigns;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A campaign recipient's tracked link ({@code /c/<token>}): the press is counted on her row and
 * she is sent on to the campaign's address. The token is hers alone and unguessable; an unknown
 * one is the bank's own 404 page, which tells nothing about campaigns.
 */
@RestController
@Hidden
class CampaignLinksController {

    private final Campaigns campaigns;

    CampaignLinksController(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @GetMapping("/c/{token}")
    ResponseEntity<Void> follow(@PathVariable String token) {
        return redirect(campaigns.click(token));
    }

    /** A link button of the campaign's own (3.6): the press is counted for that button. */
    @GetMapping("/c/{token}/{position}")
    ResponseEntity<Void> button(@PathVariable String token, @PathVariable String position) {
        if (!position.matches("[1-9]")) {
            throw gone();
        }
        return redirect(campaigns.click(token, Integer.parseInt(position)));
    }

    private static ResponseEntity<Void> redirect(java.util.Optional<String> link) {
        return link.<ResponseEntity<Void>>map(to -> ResponseEntity.status(HttpStatus.FOUND)
                        .location(URI.create(to))
                        .header("Cache-Control", "no-store")
                        .build())
                .orElseThrow(CampaignLinksController::gone);
    }

    /**
     * A link that names no campaign: its reader is a person who tapped it in a chat, so the 404 is
     * the bank's page in her language ({@code ErrorPages}), not an empty body (found by the page fuzz).
     */
    private static ResponseStatusException gone() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
