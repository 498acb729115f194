package org.socialbank.listening.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socialbank.conversation.ChatMessageDue;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.listening.Mention;
import org.socialbank.listening.MentionId;
import org.socialbank.listening.Mentions;
import org.socialbank.shared.Network;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The social-care team's cases: one click makes a case of a mention (one case per mention), with
 * the deadline of its kind, in the default team's queue. Staff take it, note it, answer it in
 * public (neutral text only) and close it. Staff are named by console user name; the console
 * audits each action in the same transaction.
 */
// named: the handoff module has a bean called "cases"
@Service("listeningCases")
public class Cases {

    public static final int LIST_MAX = 500;
    public static final int NOTE_MAX = 2000;

    private final CaseStore store;
    private final Mentions mentions;
    private final ChannelIdentities identities;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CasesProperties properties;
    private final Deadlines deadlines;

    Cases(
            CaseStore store,
            Mentions mentions,
            ChannelIdentities identities,
            ApplicationEventPublisher events,
            Clock clock,
            CasesProperties properties) {
        this.store = store;
        this.mentions = mentions;
        this.identities = identities;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.deadlines = new Deadlines(
                properties.replyWithin(), properties.complaintBusinessDays(), properties.zone(), properties.calendar());
    }

    /** Makes a case of the mention, or answers the case it already has. */
    @Transactional
    public CaseResult open(MentionId mentionId, CaseKind kind, String openedBy) {
        Optional<Case> existing = store.byMention(mentionId);
        if (existing.isPresent()) {
            return new CaseResult.Done(existing.get());
        }
        Optional<Mention> mention = mentions.find(mentionId);
        if (mention.isEmpty()) {
            return new CaseResult.Rejected("mention_not_found");
        }
        Instant now = clock.instant();
        Case c = new Case(
                new CaseId(UUID.randomUUID()),
                mentionId,
                kind,
                properties.defaultTeam(),
                null,
                CaseStatus.OPEN,
                // the clock runs from when the bank received the mention, not from when staff got to it
                // (review 2026-12-07 listening follow-up: a case opened days late got days more)
                deadlines.due(kind, mention.get().receivedAt()),
                openedBy,
                now,
                null,
                null);
        try {
            store.insert(c);
        } catch (DuplicateKeyException race) {
            // two clicks at once: the other one made it (the unique mention id); the caller retries to read it
            return new CaseResult.Rejected("case_exists");
        }
        return new CaseResult.Done(c);
    }

    public Optional<Case> find(CaseId id) {
        return store.byId(id);
    }

    public Optional<Case> ofMention(MentionId id) {
        return store.byMention(id);
    }

    /** Cases of a status (null: all), nearest deadline first, at most {@code limit} (1..500). */
    public List<Case> list(CaseStatus status, int limit) {
        if (limit < 1 || limit > LIST_MAX) {
            throw new IllegalArgumentException("limit must be 1.." + LIST_MAX);
        }
        return store.list(status, limit);
    }

    public List<CaseNote> notes(CaseId id) {
        return store.notes(id);
    }

    public List<PublicReply> replies(CaseId id) {
        return store.replies(id);
    }

    public Instant now() {
        return clock.instant();
    }

    public String defaultTeam() {
        return properties.defaultTeam();
    }

    @Transactional
    public CaseResult assign(CaseId id, String owner) {
        return store.assign(id, owner) ? done(id) : missingOrClosed(id);
    }

    @Transactional
    public CaseResult note(CaseId id, String author, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > NOTE_MAX) {
            return new CaseResult.Rejected("invalid_note");
        }
        if (store.byId(id).isEmpty()) {
            return new CaseResult.Rejected("case_not_found");
        }
        store.insertNote(id, new CaseNote(author, t, clock.instant()));
        return done(id);
    }

    @Transactional
    public CaseResult close(CaseId id, String who) {
        return store.close(id, clock.instant()) ? done(id) : missingOrClosed(id);
    }

    /**
     * The case is with a person now: the console opened {@code handoffCase} in its queues for the
     * author's private chat. Once per case; a closed case is not handed over.
     */
    @Transactional
    public CaseResult handedOver(CaseId id, UUID handoffCase) {
        return store.handedOver(id, handoffCase)
                ? done(id)
                : store.handoffOf(id).isPresent() ? new CaseResult.Rejected("handed_over") : missingOrClosed(id);
    }

    /** The handoff case this case was handed over to, if it was. */
    public Optional<UUID> handoffOf(CaseId id) {
        return store.handoffOf(id);
    }

    /**
     * The conversation {@code handoffCase} is over for the person: every case still open that was
     * handed over to it is closed (one author's mentions share one conversation); how many.
     */
    @Transactional
    public int closeHandedOver(UUID handoffCase) {
        return store.closeHandedOver(handoffCase, clock.instant());
    }

    /**
     * The conversation {@code handoffCase} went back to the bot before a person answered it: the
     * cases handed over to it stay open and may be handed over again; how many.
     */
    @Transactional
    public int releaseHandedOver(UUID handoffCase) {
        return store.releaseHandedOver(handoffCase);
    }

    /**
     * Records a public reply when it is neutral, and hands it to the source's sender through the
     * conversation outbox (once, in this transaction): on X a reply to the tweet, in a Telegram or
     * Bale group an answer to the message there. A source with no sender (news, app stores) records
     * it {@code TO_POST}: nothing pretends it went. Once per {@code clientId} (the form's): a repeat
     * answers the case as the first left it; two at once, the second fails on the UNIQUE (case,
     * client id) and rolls back with its outbox message. Refused {@code invalid_client_id} too.
     */
    @Transactional
    public CaseResult reply(CaseId id, String author, String clientId, String text) {
        Optional<Case> found = store.byId(id);
        if (found.isEmpty()) {
            return new CaseResult.Rejected("case_not_found");
        }
        if (!validClientId(clientId)) {
            return new CaseResult.Rejected("invalid_client_id");
        }
        if (store.replied(id, clientId)) {
            return new CaseResult.Done(found.get());
        }
        if (found.get().status() == CaseStatus.CLOSED) {
            return new CaseResult.Rejected("case_closed");
        }
        Neutrality.Verdict verdict = Neutrality.check(text);
        if (verdict instanceof Neutrality.NotNeutral no) {
            return new CaseResult.Rejected(no.reason().code());
        }
        String neutral = ((Neutrality.Neutral) verdict).text();
        Mention mention = mentions.find(found.get().mentionId()).orElseThrow();
        Optional<Place> place = publicPlace(mention);
        Instant now = clock.instant();
        // the row first: a repeat racing this one waits on its key, and fails before it sends anything
        store.insertReply(
                id,
                clientId,
                new PublicReply(
                        author,
                        neutral,
                        place.isPresent() ? PublicReply.State.QUEUED : PublicReply.State.TO_POST,
                        now));
        place.ifPresent(p ->
                events.publishEvent(new ChatMessageDue(p.chat().id(), p.chat().channel(), p.recipient(), neutral)));
        store.answered(id, now);
        return done(id);
    }

    /** A form's client id: 1..64 letters, digits and {@code . _ : -}. */
    public static boolean validClientId(String clientId) {
        return clientId != null && CLIENT_ID.matcher(clientId).matches();
    }

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** Where a public reply to this mention is posted by the bank: {@code x}, {@code group}, or empty (by hand). */
    public Optional<String> publicSender(Mention mention) {
        if ("x".equals(mention.source())) {
            return tweetAuthor(mention).map(chat -> "x");
        }
        return groupOf(mention).map(network -> "group");
    }

    /** The chat account a public reply belongs to and the recipient its network's sender reads. */
    private record Place(ChannelIdentity chat, String recipient) {}

    private Optional<Place> publicPlace(Mention mention) {
        if ("x".equals(mention.source())) {
            return tweetAuthor(mention).map(chat -> new Place(chat, "tweet:" + mention.sourceId()));
        }
        return groupOf(mention).map(network -> {
            Matcher post = GROUP_POST.matcher(mention.sourceId());
            post.matches();
            // the group as a chat account, like the staff chat of spike alerts (made on the first reply)
            ChannelIdentity chat = identities.identify(network, post.group(1), null, null);
            return new Place(chat, "reply:" + post.group(1) + ":" + post.group(2));
        });
    }

    /** The network of a group message on Telegram or Bale, if the mention is one. */
    private static Optional<Network> groupOf(Mention mention) {
        return Network.fromWireName(mention.source())
                .filter(n -> n == Network.TELEGRAM || n == Network.BALE)
                .filter(n -> GROUP_POST.matcher(mention.sourceId()).matches());
    }

    /** A group's message: {@code <group id>:<message id>}; a group's id is negative, a person's is not. */
    private static final Pattern GROUP_POST = Pattern.compile("(-[0-9]{1,20}):([0-9]{1,19})");

    /** The chat account a public reply on X is posted under: the tweet's author the bank knows. */
    private Optional<ChannelIdentity> tweetAuthor(Mention mention) {
        if (mention.author() == null) {
            return Optional.empty();
        }
        String author = mention.author().startsWith("@") ? mention.author().substring(1) : mention.author();
        return author.matches("[0-9]{1,19}") ? identities.identity(Network.X, author) : Optional.empty();
    }

    private CaseResult done(CaseId id) {
        return new CaseResult.Done(store.byId(id).orElseThrow());
    }

    private CaseResult missingOrClosed(CaseId id) {
        return new CaseResult.Rejected(store.byId(id).isPresent() ? "case_closed" : "case_not_found");
    }
}
