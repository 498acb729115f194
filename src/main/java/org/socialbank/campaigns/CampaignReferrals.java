package org.socialbank.campaigns;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.socialbank.campaigns.jdbc.JdbcCampaigns;
import org.socialbank.campaigns.jdbc.JdbcReferrals;
import org.socialbank.directory.Alias;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the new customer a campaign's recipient brought (issue 17 3.17): the bank's page or
 * branch that opened her account names the referrer's tracked token (the {@code ref} its link
 * carried). The guards a bank expects: never oneself (the same customer or the same phone), one
 * referral per new customer and per phone ever, only a customer who joined after the referrer's
 * message, and at most the campaign's number per referrer (the campaign's row is locked while
 * recording, so two recordings cannot both take the last place). {@link CampaignRewards} rewards
 * it when the new customer makes the reward's action.
 */
@Service
public class CampaignReferrals {

    private static final Set<String> RUNNING = Set.of("approved", "sending", "paused");

    private final JdbcCampaigns campaigns;
    private final JdbcReferrals store;
    private final Directory directory;
    private final Clock clock;

    CampaignReferrals(JdbcCampaigns campaigns, JdbcReferrals store, Directory directory, Clock clock) {
        this.campaigns = campaigns;
        this.store = store;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional
    public ReferralOutcome record(UUID campaignId, String token, CustomerId referee) {
        Optional<Campaign> campaign = campaigns.find(campaignId, true, false); // locked: the cap per referrer
        if (campaign.isEmpty()) {
            return refused("campaign_not_found");
        }
        CampaignReward reward = campaign.get().reward();
        if (reward == null || reward.referral() == null) {
            return refused("not_a_referral");
        }
        if (!RUNNING.contains(campaign.get().status())) {
            return refused("not_running");
        }
        Optional<JdbcReferrals.Referrer> referrer =
                token == null || token.length() > 32 ? Optional.empty() : store.referrer(campaignId, token);
        if (referrer.isEmpty()) {
            return refused("code_unknown");
        }
        UUID referrerId = referrer.get().customerId();
        Optional<JdbcReferrals.Referral> known = store.ofReferee(referee.value());
        if (known.isPresent()) {
            boolean same = known.get().campaignId().equals(campaignId)
                    && known.get().referrerId().equals(referrerId);
            return same
                    ? new ReferralOutcome.Recorded(campaignId, referrerId, referee.value(), true)
                    : refused("already_referred");
        }
        return check(campaignId, referrer.get(), referee, reward);
    }

    private ReferralOutcome check(
            UUID campaignId, JdbcReferrals.Referrer referrer, CustomerId referee, CampaignReward reward) {
        CampaignReward.Referral terms = reward.referral();
        Optional<CustomerView> who = directory.customer(referee);
        if (who.isEmpty()) {
            return refused("customer_not_found");
        }
        Optional<String> phone = directory.phoneOnFile(referee).map(Alias::value);
        Optional<String> referrerPhone =
                directory.phoneOnFile(new CustomerId(referrer.customerId())).map(Alias::value);
        if (referee.value().equals(referrer.customerId()) || phone.isPresent() && phone.equals(referrerPhone)) {
            return refused("self_referral");
        }
        if (phone.isPresent() && store.phoneReferred(phone.get())) {
            return refused("already_referred");
        }
        if (who.get().customer().createdAt().isBefore(referrer.sentAt())) {
            return refused("not_new"); // a customer before the invitation was not brought by it
        }
        if (store.count(campaignId, referrer.customerId()) >= terms.perReferrerMax()) {
            return refused("referrals_max");
        }
        java.time.Instant now = clock.instant();
        store.insert(campaignId, referrer.customerId(), referee.value(), phone.orElse(null), now);
        // her first qualifying posting may come until the window's end: the reward follower reads it
        campaigns.rewardOpenUntil(campaignId, now.plus(java.time.Duration.ofDays(reward.withinDays())));
        return new ReferralOutcome.Recorded(campaignId, referrer.customerId(), referee.value(), false);
    }

    private static ReferralOutcome refused(String code) {
        return new ReferralOutcome.Refused(code);
    }
}
