package org.socialbank.campaigns;

import java.util.UUID;

/** Recording a new customer a campaign's recipient brought (issue 17 3.17): recorded, or a refusal's stable code. */
public sealed interface ReferralOutcome {

    /** @param replayed the same referral recorded before */
    record Recorded(UUID campaignId, UUID referrerId, UUID refereeId, boolean replayed) implements ReferralOutcome {}

    /**
     * {@code campaign_not_found}, {@code not_a_referral}, {@code not_running}, {@code code_unknown},
     * {@code customer_not_found}, {@code self_referral}, {@code already_referred}, {@code not_new},
     * {@code referrals_max}.
     */
    record Refused(String code) implements ReferralOutcome {}
}
