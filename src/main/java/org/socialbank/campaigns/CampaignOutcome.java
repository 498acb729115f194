package org.socialbank.campaigns;

/** What defining or approving a campaign did: the campaign, or the bank's "no" as a stable code. */
public sealed interface CampaignOutcome {

    /** @param replayed whether it was defined before with this id (nothing changed) */
    record Done(Campaign campaign, boolean replayed) implements CampaignOutcome {}

    /**
     * @param code {@code campaign_not_found}, {@code four_eyes} (the creator cannot approve),
     *     {@code not_draft} (approved already), {@code id_reused}
     */
    record Refused(String code) implements CampaignOutcome {}
}
