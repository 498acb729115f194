package org.socialbank.listening;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.CustomerId;
import org.socialbank.listening.classify.Classification;
import org.socialbank.listening.classify.Classifier;
import org.socialbank.listening.classify.CorrectionMemory;
import org.socialbank.listening.classify.Texts;
import org.socialbank.shared.Network;
import org.socialbank.shared.Secrets;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records mentions (idempotent by source and source id), their text screened of secrets
 * ({@link Secrets}), classifies them on arrival, lists them, and takes staff corrections. Each mention of a batch is its own unit: a batch that fails half
 * way keeps the mentions before the failure, and sending it again completes it.
 */
@Service
public class Mentions {

    private final MentionStore store;
    private final Classifier classifier;
    private final ChannelIdentities identities;
    private final Clock clock;
    private final ListeningProperties properties;
    private final Map<String, MentionSource> sources;
    private final Topics topics;
    /** Corrected texts compared at most (the newest); a text is compared with each, in memory. */
    static final int MEMORY_MAX = 2000;

    private volatile Memory memory = new Memory(0, CorrectionMemory.empty());

    Mentions(
            MentionStore store,
            Classifier classifier,
            ChannelIdentities identities,
            Clock clock,
            ListeningProperties properties,
            List<MentionSource> sources,
            Topics topics) {
        this.store = store;
        this.topics = topics;
        this.classifier = classifier;
        this.identities = identities;
        this.clock = clock;
        this.properties = properties;
        this.sources = sources.stream().collect(Collectors.toUnmodifiableMap(MentionSource::name, Function.identity()));
    }

    /** A mention as stored, and whether it was already there (a repeat of the same source id). */
    public record Recorded(Mention mention, boolean replayed) {}

    public boolean knows(String source) {
        return sources.containsKey(source);
    }

    public List<String> sourceNames() {
        return sources.keySet().stream().sorted().toList();
    }

    public int batchMax() {
        return properties.batchMax();
    }

    public List<Recorded> record(List<NewMention> batch) {
        if (batch.size() > properties.batchMax()) {
            throw new IllegalArgumentException("at most " + properties.batchMax() + " mentions a batch");
        }
        return batch.stream().map(this::record).toList();
    }

    public Recorded record(NewMention m) {
        MentionSource source = sources.get(m.source());
        if (source == null) {
            throw new IllegalArgumentException("unknown source " + m.source());
        }
        Optional<Mention> existing = store.bySource(m.source(), m.sourceId());
        if (existing.isPresent()) {
            return new Recorded(existing.get(), true);
        }
        Instant now = clock.instant();
        // a stranger's card number or PIN is never kept (review 2026-12-07 console #2): what is
        // stored, classified, learnt from and shown is the screened text; the words around a
        // masked secret ("my card", "PIN", "blocked") still carry its sentiment and topic
        String text = Secrets.screen(m.text()).text();
        String key = textKey(text);
        Classification c = classify(text, key);
        CustomerId customer = customerOf(source, m.author()).orElse(null);
        Mention mention = new Mention(
                new MentionId(UUID.randomUUID()),
                m.source(),
                m.sourceId(),
                text,
                m.author(),
                customer,
                c.language(),
                c.sentiment(),
                c.score(),
                topics.resolve(c.topic()),
                c.corrected(),
                m.createdAt() == null ? now : m.createdAt(),
                now,
                m.reach());
        try {
            store.insert(mention, key);
            return new Recorded(mention, false);
        } catch (DuplicateKeyException race) {
            // the same source id arrived twice at once: the first one stored is the mention
            return new Recorded(store.bySource(m.source(), m.sourceId()).orElseThrow(() -> race), true);
        }
    }

    /**
     * The classifier's answer, unless staff corrected the same text (same words) before, or else a
     * text alike enough to this one ({@link CorrectionMemory}: a reworded complaint takes the
     * verdict staff gave the first).
     */
    Classification classify(String text, String key) {
        Classification c = classifier.classify(text);
        Optional<MentionStore.Correction> fix = store.correction(key)
                .or(() -> memory().nearest(c.language(), CorrectionMemory.words(text))
                        .map(e -> new MentionStore.Correction(e.sentiment(), e.topic())));
        return fix.map(f -> new Classification(
                        c.language(),
                        f.sentiment() == null ? c.sentiment() : f.sentiment(),
                        f.sentiment() == null || f.sentiment() == c.sentiment() ? c.score() : scoreOf(f.sentiment()),
                        f.topic() == null ? c.topic() : f.topic(),
                        true))
                .orElse(c);
    }

    /**
     * The corrected texts, read again only when a correction was added since (on any node: the
     * count of the append-only corrections is compared on each read).
     */
    private CorrectionMemory memory() {
        long count = store.corrections();
        Memory current = memory;
        if (current.count() != count) {
            current = new Memory(count, new CorrectionMemory(store.correctedExamples(MEMORY_MAX)));
            memory = current;
        }
        return current.corrections();
    }

    /** The corrections learnt from, and how many corrections there were when they were read. */
    private record Memory(long count, CorrectionMemory corrections) {}

    /** The score a staff-given sentiment stands for. */
    static int scoreOf(Sentiment sentiment) {
        return switch (sentiment) {
            case NEGATIVE -> -1;
            case NEUTRAL -> 0;
            case POSITIVE -> 1;
        };
    }

    /**
     * The customer behind the author, when the source is a chat network and the author is a chat
     * account the bank knows and that is linked: by its id on the network, else by its handle
     * when exactly one reachable account reported that handle (a handle can change hands).
     */
    private Optional<CustomerId> customerOf(MentionSource source, String author) {
        if (author == null || source.network().isEmpty()) {
            return Optional.empty();
        }
        Network network = source.network().get();
        String handle = author.startsWith("@") ? author.substring(1) : author;
        if (handle.isEmpty() || handle.length() > ChannelIdentity.EXTERNAL_ID_LENGTH_MAX) {
            return Optional.empty();
        }
        return identities
                .identity(network, handle)
                .flatMap(ChannelIdentity::customer)
                .or(() -> identities.reachableByHandle(network, handle).flatMap(ChannelIdentity::customer));
    }

    public Optional<Mention> find(MentionId id) {
        return store.byId(id);
    }

    public List<Mention> list(MentionFilter filter) {
        return store.list(filter);
    }

    /** Stores a correction of sentiment and/or topic; at least one must be given. */
    @Transactional
    public CorrectionResult correct(MentionId id, Sentiment sentiment, Topic topic) {
        if (sentiment == null && topic == null) {
            throw new IllegalArgumentException("a correction names a sentiment, a topic or both");
        }
        Optional<String> key = store.textKey(id);
        if (key.isEmpty()) {
            return new CorrectionResult.NoSuchMention();
        }
        // a topic staff merged into another is filed under that one, as new mentions are
        store.correct(
                id,
                key.get(),
                new MentionStore.Correction(sentiment, topic == null ? null : topics.resolve(topic)),
                clock.instant());
        return new CorrectionResult.Corrected(store.byId(id).orElseThrow());
    }

    /**
     * The words of the text, normalised (case, accents, Persian letters; punctuation, emoji and
     * spacing dropped), hashed: a near-exact repeat of a corrected text finds its correction.
     * Public for the migration that screened the mentions stored before (V75) and keys them again.
     */
    public static String textKey(String text) {
        String words = String.join(
                " ",
                Texts.tokens(Texts.normalize(text)).stream()
                        .filter(t -> Character.isLetterOrDigit(t.codePointAt(0)))
                        .toList());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(words.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
