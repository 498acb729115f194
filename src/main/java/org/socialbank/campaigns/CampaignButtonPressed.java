package org.socialbank.campaigns;

import java.time.Instant;
import java.util.UUID;
import org.socialbank.shared.Network;

/**
 * A campaign's action button pressed in a chat (issue 17 3.6), published by the conversation
 * engine in the transaction that handles the press: the campaign counts it for that button.
 */
public record CampaignButtonPressed(
        UUID campaignId, int position, Network channel, String externalUserId, Instant at) {}
