package org.socialbank.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer to an idempotent create, the same in every module's API: 201 Created with the new
 * resource, or 200 OK with the same resource when the client repeated the request (the same id
 * with the same body), so a retry after a lost answer never looks like a second effect.
 */
public final class Created {

    private Created() {}

    public static <T> ResponseEntity<T> unlessReplayed(boolean replayed, T body) {
        return ResponseEntity.status(replayed ? HttpStatus.OK : HttpStatus.CREATED)
                .body(body);
    }
}
