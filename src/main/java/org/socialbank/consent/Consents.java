package org.socialbank.consent;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.socialbank.consent.jdbc.JdbcConsents;
import org.socialbank.shared.Network;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records consent changes and answers the current state. Every change is one row of the
 * append-only history plus the current state, in one transaction; the evidence (per network and
 * purpose) is the idempotency key, so a replay answers the first change and records nothing. Evidence
 * already recorded for another account or another status is refused: it would otherwise answer a
 * withdrawal with someone's (or an earlier) consent and record nothing.
 */
@Service
public class Consents implements MarketingOptOut {

    /** The most consents one chat account has (one per purpose). */
    static final int PURPOSES_MAX = Purpose.values().length;

    private final JdbcConsents store;
    private final Clock clock;

    Consents(JdbcConsents store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What recording a change did: recorded (or replayed), or refused because its evidence names another. */
    public sealed interface Outcome permits Recorded, EvidenceReused {}

    /**
     * The change is recorded.
     *
     * @param replayed whether the same change was recorded before with this evidence (nothing changed now)
     */
    public record Recorded(Consent consent, boolean replayed) implements Outcome {}

    /** The evidence was recorded for another chat account or another status: nothing recorded. */
    public record EvidenceReused() implements Outcome {}

    /** Records a change, finds the same change recorded with the same evidence, or refuses a reused evidence. */
    @Transactional
    public Outcome record(ConsentChange change) {
        Optional<Consent> before = store.byEvidence(change.channel(), change.purpose(), change.evidence());
        if (before.isEmpty()) {
            return new Recorded(store.append(change, clock.instant()), false);
        }
        return sameChange(before.get(), change) ? new Recorded(before.get(), true) : new EvidenceReused();
    }

    /** Whether a stored consent is this change again (channel, purpose and evidence are the lookup key). */
    static boolean sameChange(Consent stored, ConsentChange change) {
        return stored.externalUserId().equals(change.externalUserId()) && stored.status() == change.status();
    }

    /** The chat account's consents as they are now, one per purpose it ever gave or withdrew. */
    @Transactional(readOnly = true)
    public List<Consent> current(Network channel, String externalUserId) {
        return store.current(channel, externalUserId, PURPOSES_MAX);
    }

    /** Whether marketing may be sent to this chat account: only after a consent it has not withdrawn. */
    @Transactional(readOnly = true)
    public boolean allowsMarketing(Network channel, String externalUserId) {
        return current(channel, externalUserId).stream()
                .anyMatch(c -> c.purpose() == Purpose.MARKETING && c.status() == ConsentStatus.GIVEN);
    }

    /** A chat account, as consents name it. */
    public record ChatAccount(Network channel, String externalUserId) {}

    /**
     * Chat accounts whose marketing consent is given now, after {@code after} in (channel, id)
     * order, on one network or all (null): campaigns expand their audience through it.
     */
    @Transactional(readOnly = true)
    public List<ChatAccount> givenMarketing(Network channel, ChatAccount after, int limit) {
        return store
                .given(
                        Purpose.MARKETING,
                        channel,
                        after == null ? null : after.channel(),
                        after == null ? null : after.externalUserId(),
                        limit)
                .stream()
                .map(k -> new ChatAccount(k.channel(), k.externalUserId()))
                .toList();
    }

    /**
     * Chat accounts of one network whose marketing consent is given now, after {@code afterUser}
     * in id order: a campaign's audience, a page at a time (issue 17).
     */
    @Transactional(readOnly = true)
    public List<String> givenMarketingOn(Network channel, String afterUser, int limit) {
        return store.givenOn(Purpose.MARKETING, channel, afterUser, limit);
    }

    @Override
    @Transactional
    public void stopMarketing(
            Network channel, String externalUserId, String text, String evidence, ConsentSource source) {
        String shown =
                text.length() > ConsentChange.TEXT_LENGTH_MAX ? text.substring(0, ConsentChange.TEXT_LENGTH_MAX) : text;
        record(new ConsentChange(
                channel,
                externalUserId,
                Purpose.MARKETING,
                ConsentStatus.WITHDRAWN,
                shown.isBlank() ? source.wireName() : shown,
                evidence,
                source));
    }
}
