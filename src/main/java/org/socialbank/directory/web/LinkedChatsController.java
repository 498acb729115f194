package org.socialbank.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.IdentityId;
import org.socialbank.directory.Unlinking;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's linked chats, for the bank's app to list and revoke (security review #10): every
 * chat account that can see the customer's money, named as its owner knows it.
 */
@RestController
@RequestMapping("/api/v1/customers/{id}/identities")
@Tag(name = "Customers")
class LinkedChatsController {

    private final ChannelIdentities identities;
    private final Unlinking unlinking;

    LinkedChatsController(ChannelIdentities identities, Unlinking unlinking) {
        this.identities = identities;
        this.unlinking = unlinking;
    }

    @Operation(summary = "The chat accounts linked to the customer, newest link first")
    @GetMapping
    Map<String, Object> list(@PathVariable UUID id, Locale locale) {
        List<Map<String, Object>> chats = identities.linkedChats(new CustomerId(id), locale).stream()
                .map(c -> Map.<String, Object>of(
                        "id",
                        c.id().value(),
                        "channel",
                        c.channel().wireName(),
                        "account",
                        c.account(),
                        "linkedAt",
                        c.linkedAt() == null ? "" : c.linkedAt().toString()))
                .toList();
        return Map.of("identities", chats);
    }

    @Operation(summary = "Unlink one of the customer's chats; 404 when it is not linked to them")
    @DeleteMapping("/{identity}")
    ResponseEntity<?> revoke(@PathVariable UUID id, @PathVariable UUID identity) {
        if (unlinking.revoke(new CustomerId(id), new IdentityId(identity))) {
            return ResponseEntity.noContent().build();
        }
        return Problems.response(Problems.of(
                HttpStatus.NOT_FOUND, "identity_not_linked", "That chat account is not linked to this customer."));
    }
}
