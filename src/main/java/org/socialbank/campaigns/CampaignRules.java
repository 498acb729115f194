package org.socialbank.campaigns;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.socialbank.directory.KycLevel;
import org.socialbank.shared.Language;

/**
 * How a campaign treats its audience (issue 17): a weekly cap of marketing messages per chat
 * account (over every campaign), quiet hours in the recipient's zone (a message due inside them
 * waits until they end), a segment (languages, KYC levels; empty: everyone), and the share of
 * the audience kept as a control group that gets nothing.
 *
 * @param weeklyCap marketing messages one chat account gets at most in seven days, 1..50
 * @param quietFrom start of the quiet hours, local; null with {@code quietTo} for none
 * @param controlPercent 0..50
 * @param holdings the segment's part read from the ledger (products, balance band, last activity)
 */
public record CampaignRules(
        int weeklyCap,
        LocalTime quietFrom,
        LocalTime quietTo,
        Set<Language> languages,
        Set<KycLevel> kycLevels,
        int controlPercent,
        Holdings holdings) {

    public static final int WEEKLY_CAP_MAX = 50;
    public static final int CONTROL_PERCENT_MAX = 50;

    public CampaignRules {
        if (weeklyCap < 1 || weeklyCap > WEEKLY_CAP_MAX) {
            throw new IllegalArgumentException("weekly_cap_invalid");
        }
        if ((quietFrom == null) != (quietTo == null) || quietFrom != null && quietFrom.equals(quietTo)) {
            throw new IllegalArgumentException("quiet_hours_invalid");
        }
        if (controlPercent < 0 || controlPercent > CONTROL_PERCENT_MAX) {
            throw new IllegalArgumentException("control_percent_invalid");
        }
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        kycLevels = kycLevels == null ? Set.of() : Set.copyOf(kycLevels);
        holdings = holdings == null ? Holdings.ANY : holdings;
    }

    /** No segment by holdings. */
    public CampaignRules(
            int weeklyCap,
            LocalTime quietFrom,
            LocalTime quietTo,
            Set<Language> languages,
            Set<KycLevel> kycLevels,
            int controlPercent) {
        this(weeklyCap, quietFrom, quietTo, languages, kycLevels, controlPercent, Holdings.ANY);
    }

    /** Whether the segment narrows by who the recipient is (an unknown chat account is outside then). */
    public boolean segmented() {
        return !languages.isEmpty() || !kycLevels.isEmpty() || holdings.narrows();
    }

    /** Two a week, quiet from 21:00 to 09:00, everyone, no control group. */
    public static CampaignRules defaults() {
        return new CampaignRules(2, LocalTime.of(21, 0), LocalTime.of(9, 0), Set.of(), Set.of(), 0);
    }

    /** Whether a recipient of this language and KYC level is in the segment (null: not known, so not in a narrowed one). */
    public boolean inSegment(Language language, KycLevel kyc) {
        return (languages.isEmpty() || languages.contains(language))
                && (kycLevels.isEmpty() || kycLevels.contains(kyc));
    }

    /** When the quiet hours holding {@code at} in {@code zone} end; empty outside them. Wraps midnight. */
    public Optional<Instant> quietUntil(Instant at, ZoneId zone) {
        return org.socialbank.shared.QuietHours.until(at, zone, quietFrom, quietTo);
    }

    /**
     * The recipient's group, the same whichever node or round asks: {@code control} for the
     * control share, else {@code A} or (when the campaign has a second text) {@code B}, half each.
     */
    public String variantOf(java.util.UUID campaign, String channel, String externalUserId, boolean hasB) {
        int h = mix(campaign.hashCode() * 31 + (channel + "\u0000" + externalUserId).hashCode());
        int bucket = Math.floorMod(h, 100);
        if (bucket < controlPercent) {
            return "control";
        }
        return hasB && Math.floorMod(h >>> 8, 2) == 1 ? "B" : "A";
    }

    /** A murmur-style finaliser: neighbouring ids land in unrelated buckets. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
