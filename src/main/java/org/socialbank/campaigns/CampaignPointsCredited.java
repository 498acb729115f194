package org.socialbank.campaigns;

import java.util.UUID;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/**
 * A campaign's points reward credited (issue 17), published in the transaction that books it: the
 * conversation engine tells the customer in the chat the campaign's message reached, in her
 * language, under {@code messageId} (derived from the reward, so once); a referral's
 * points go to the customer's first linked chat.
 */
public record CampaignPointsCredited(
        IdentityId chatIdentity, Network channel, String recipient, Language language, long points, UUID messageId) {}
