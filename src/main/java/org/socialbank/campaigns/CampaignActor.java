package org.socialbank.campaigns;

import java.util.Objects;

/**
 * Who acts on a campaign, as its audit keeps it (review 2026-12-07 campaigns follow-up).
 *
 * @param client the API client's token fingerprint (the request's principal); four eyes compare it
 * @param clientName the client's configured name ({@code socialbank.api.clients.<name>}), null when unnamed
 * @param staff the staff member the call is made for, null when the call carries none
 */
public record CampaignActor(String client, String clientName, String staff) {

    /** The audit's column widths. */
    public static final int CLIENT_LENGTH_MAX = 64;

    public static final int CLIENT_NAME_LENGTH_MAX = 100;

    public CampaignActor {
        Objects.requireNonNull(client, "client");
        if (client.isBlank() || client.length() > CLIENT_LENGTH_MAX) {
            throw new IllegalArgumentException("a campaign actor needs its client (1.." + CLIENT_LENGTH_MAX + ")");
        }
        clientName = clientName == null || clientName.length() <= CLIENT_NAME_LENGTH_MAX
                ? clientName
                : clientName.substring(0, CLIENT_NAME_LENGTH_MAX);
        if (staff != null && (staff.isBlank() || staff.length() > CLIENT_LENGTH_MAX)) {
            throw new IllegalArgumentException("a campaign actor's staff is 1.." + CLIENT_LENGTH_MAX + " characters");
        }
    }

    /** An API client with no staff member behind the call. */
    public static CampaignActor client(String fingerprint, String name) {
        return new CampaignActor(fingerprint, name, null);
    }

    /**
     * One row of a campaign's audit.
     *
     * @param action {@code defined}, {@code approved}, {@code paused} or {@code resumed}
     */
    public record Entry(java.time.Instant at, String action, CampaignActor who) {}
}
