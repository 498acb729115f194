package org.socialbank.directory;

import java.util.Objects;

/**
 * Who changes an alias, as the alias audit keeps it (review 2026-12-07 alias follow-up): an API
 * client by its token's fingerprint, or the bank itself ({@link #SYSTEM}: a claim, a handle seen
 * renamed).
 *
 * @param client the API client's token fingerprint (the request's principal), or {@code system}
 * @param clientName the client's configured name, null when unnamed
 */
public record DirectoryActor(String client, String clientName) {

    /** The bank's own changes. */
    public static final DirectoryActor SYSTEM = new DirectoryActor("system", null);

    /** The audit's column widths. */
    static final int CLIENT_LENGTH_MAX = 64;

    static final int CLIENT_NAME_LENGTH_MAX = 100;

    public DirectoryActor {
        Objects.requireNonNull(client, "client");
        if (client.isBlank() || client.length() > CLIENT_LENGTH_MAX) {
            throw new IllegalArgumentException("a directory actor needs its client (1.." + CLIENT_LENGTH_MAX + ")");
        }
        clientName = clientName == null || clientName.length() <= CLIENT_NAME_LENGTH_MAX
                ? clientName
                : clientName.substring(0, CLIENT_NAME_LENGTH_MAX);
    }
}
