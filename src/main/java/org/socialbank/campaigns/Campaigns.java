package org.socialbank.campaigns;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.campaigns.jdbc.JdbcCampaigns;
import org.socialbank.shared.Network;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Defines, approves, pauses and resumes campaigns (each audited in its transaction, with the API
 * client that asked: {@link CampaignActor}), and counts the clicks on their tracked links. Approval (by someone other than the creator: four eyes) starts
 * the expansion of the audience, which {@link CampaignAudience} queues a page at a time outside
 * the approving transaction; the sender checks each recipient's consent again just before the
 * message.
 */
@Service
public class Campaigns {

    private final JdbcCampaigns store;
    private final org.socialbank.campaigns.jdbc.JdbcRewards rewards;
    private final org.socialbank.campaigns.jdbc.JdbcButtons buttons;
    private final org.socialbank.campaigns.jdbc.JdbcCampaignAudit audit;
    private final org.socialbank.campaigns.jdbc.JdbcReferrals referrals;
    private final Clock clock;

    /** Audit rows a read answers at most. */
    public static final int AUDIT_MAX = 500;

    Campaigns(
            JdbcCampaigns store,
            org.socialbank.campaigns.jdbc.JdbcRewards rewards,
            org.socialbank.campaigns.jdbc.JdbcButtons buttons,
            org.socialbank.campaigns.jdbc.JdbcCampaignAudit audit,
            org.socialbank.campaigns.jdbc.JdbcReferrals referrals,
            Clock clock) {
        this.audit = audit;
        this.referrals = referrals;
        this.store = store;
        this.rewards = rewards;
        this.buttons = buttons;
        this.clock = clock;
    }

    /**
     * What a campaign is made of, as staff define it.
     *
     * @param sendAt a local date-time read in each recipient's zone, null to send once approved
     * @param link an {@code https} address the message links to through a tracked one, null for none
     * @param reward a cashback or points for a qualifying action, null for none
     * @param buttons the staff's own buttons (3.6), checked by the caller ({@link CampaignButton#problem})
     */
    public record Definition(
            String name,
            Network channel,
            Map<String, String> texts,
            Map<String, String> textsB,
            CampaignRules rules,
            java.time.LocalDateTime sendAt,
            String link,
            CampaignReward reward,
            java.util.List<CampaignButton> buttons) {

        public Definition {
            textsB = textsB == null ? Map.of() : Map.copyOf(textsB);
            rules = rules == null ? CampaignRules.defaults() : rules;
            buttons = buttons == null ? java.util.List.of() : java.util.List.copyOf(buttons);
        }

        /** Sent once approved, with no link. */
        public Definition(
                String name,
                Network channel,
                Map<String, String> texts,
                Map<String, String> textsB,
                CampaignRules rules) {
            this(name, channel, texts, textsB, rules, null, null, null, java.util.List.of());
        }
    }

    /**
     * Defines a draft with its rules and an optional B variant; {@code channel_public} for X. The
     * id makes it idempotent ({@code id_reused} when it names another campaign); the first
     * definition is audited.
     */
    @Transactional
    public CampaignOutcome define(UUID id, Definition d, CampaignActor by) {
        if (d.channel() == Network.X) {
            return new CampaignOutcome.Refused("channel_public");
        }
        Optional<Campaign> known = store.find(id, true);
        if (known.isPresent()) {
            Campaign c = known.get();
            boolean same = c.name().equals(d.name())
                    && Objects.equals(c.channel(), d.channel())
                    && c.texts().equals(d.texts())
                    && c.textsB().equals(d.textsB())
                    && c.rules().equals(d.rules())
                    && Objects.equals(c.sendAt(), d.sendAt())
                    && Objects.equals(c.link(), d.link())
                    && Objects.equals(c.reward(), d.reward())
                    && c.buttons().equals(d.buttons());
            return same ? new CampaignOutcome.Done(c, true) : new CampaignOutcome.Refused("id_reused");
        }
        store.insert(id, d.name(), d.channel(), d.texts(), d.textsB(), d.rules(), by.client(), clock.instant());
        audit.record(id, "defined", by, clock.instant());
        store.scheduleAndLink(id, d.sendAt(), d.link());
        if (d.reward() != null) {
            store.reward(id, d.reward());
        }
        buttons.insert(id, d.buttons());
        return new CampaignOutcome.Done(store.find(id, false).orElseThrow(), false);
    }

    /**
     * Approves a draft (audited); its audience is then queued by {@link CampaignAudience}. The
     * creator (the same API client) cannot approve.
     */
    @Transactional
    public CampaignOutcome approve(UUID id, CampaignActor by) {
        Optional<Campaign> found = store.find(id, true);
        if (found.isEmpty()) {
            return new CampaignOutcome.Refused("campaign_not_found");
        }
        Campaign c = found.get();
        if (c.createdBy().equals(by.client())) {
            return new CampaignOutcome.Refused("four_eyes");
        }
        if (!c.status().equals("draft")) {
            return new CampaignOutcome.Refused("not_draft");
        }
        store.approve(id, by.client(), clock.instant());
        audit.record(id, "approved", by, clock.instant());
        return new CampaignOutcome.Done(store.find(id, false).orElseThrow(), false);
    }

    /**
     * Pauses an approved or sending campaign: nothing more is expanded or sent until it is
     * resumed; recipients stay as they are. {@code not_running} for a draft or a paused one. The
     * campaign's row lock waits for a sending round that holds it: once this answers, nothing more
     * goes. Audited.
     */
    @Transactional
    public CampaignOutcome pause(UUID id, CampaignActor by) {
        return change(
                id,
                "not_running",
                c -> c.status().equals("approved") || c.status().equals("sending"),
                () -> {
                    store.pause(id);
                    audit.record(id, "paused", by, clock.instant());
                });
    }

    /** Resumes a paused campaign where it was ({@code not_paused} otherwise); audited. */
    @Transactional
    public CampaignOutcome resume(UUID id, CampaignActor by) {
        return change(id, "not_paused", c -> c.status().equals("paused"), () -> {
            store.resume(id);
            audit.record(id, "resumed", by, clock.instant());
        });
    }

    /** Who defined, approved, paused and resumed the campaign, oldest first; empty when there is no such campaign. */
    @Transactional(readOnly = true)
    public Optional<java.util.List<CampaignActor.Entry>> audit(UUID id) {
        return store.status(id).map(s -> audit.of(id, AUDIT_MAX));
    }

    private CampaignOutcome change(
            UUID id, String refusal, java.util.function.Predicate<Campaign> allowed, Runnable change) {
        Optional<Campaign> found = store.find(id, true, false);
        if (found.isEmpty()) {
            return new CampaignOutcome.Refused("campaign_not_found");
        }
        if (!allowed.test(found.get())) {
            return new CampaignOutcome.Refused(refusal);
        }
        change.run();
        return new CampaignOutcome.Done(store.find(id, false).orElseThrow(), false);
    }

    /** A press on a recipient's tracked link: counted, and the campaign's address to send her on to. */
    @Transactional
    public Optional<String> click(String token) {
        if (token == null || token.length() > 32) {
            return Optional.empty();
        }
        return store.click(token, clock.instant());
    }

    /** A press on a link button ({@code /c/<token>/<position>}): counted for that button, and its address. */
    @Transactional
    public Optional<String> click(String token, int position) {
        if (token == null || token.length() > 32 || position < 1 || position > CampaignButton.BUTTONS_MAX) {
            return Optional.empty();
        }
        return buttons.click(token, position, clock.instant());
    }

    /** An action button pressed in a chat the campaign reached: counted, in the press's transaction. */
    @org.springframework.context.event.EventListener
    void on(CampaignButtonPressed pressed) {
        buttons.press(
                pressed.campaignId(), pressed.position(), pressed.channel(), pressed.externalUserId(), pressed.at());
    }

    @Transactional(readOnly = true)
    public Optional<Campaign> campaign(UUID id) {
        return store.find(id, false);
    }

    /**
     * A campaign's statistics: recipients per variant and state, and the reasons of those failed or
     * left out, per variant.
     */
    /**
     * @param rewards the rewards booked (a referral's when its referrer's was)
     * @param rewardsRefused cashbacks the ledger refused, per reason ({@code no_account}, a ledger code): a
     *     recipient's, a referral's referrer's and its new customer's
     * @param conversions per variant (control too), actions counted as the campaign's conversions (3.19):
     *     {@code application:loan}
     */
    public record Stats(
            UUID campaignId,
            Map<String, Map<String, Long>> states,
            Map<String, Map<String, Long>> reasons,
            Map<String, Map<String, Long>> delivery,
            Map<String, Map<String, Long>> clicks,
            long rewards,
            Map<String, Long> rewardsRefused,
            Map<String, Map<String, Long>> conversions,
            Map<String, Map<String, Long>> buttons) {}

    @Transactional(readOnly = true)
    public Optional<Stats> stats(UUID id) {
        return store.find(id, false)
                .map(c -> new Stats(
                        id,
                        store.stats(id),
                        store.reasons(id),
                        store.deliveries(id),
                        store.clicks(id),
                        rewards.rewards(id),
                        referrals.refused(id),
                        store.conversions(id),
                        buttons.presses(id)));
    }
}
