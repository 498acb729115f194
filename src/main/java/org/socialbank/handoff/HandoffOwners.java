package org.socialbank.handoff;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.socialbank.conversation.ConversationOwners;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.Outbound;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.socialbank.shared.Language;
import org.socialbank.shared.Secrets;
import org.socialbank.shared.Uuids;
import org.springframework.stereotype.Component;

/**
 * The engine's hook (issue 19): while a case is open the bot says nothing, and the customer's
 * messages go to the case's transcript (a secret masked, and only then one automatic notice);
 * while the bot owns the conversation, a request for a person, a supervisor's keyword or
 * answers the assistant was unsure of open a case. Runs in the message's transaction.
 */
@Component
class HandoffOwners implements ConversationOwners {

    /** Keywords read per message at most. */
    static final int KEYWORDS_MAX = 200;

    private final JdbcHandoffs store;
    private final Cases cases;
    private final Notices notices;
    private final HandoffProperties properties;
    private final WebChatComments comments;
    private final Clock clock;

    HandoffOwners(
            JdbcHandoffs store,
            Cases cases,
            Notices notices,
            HandoffProperties properties,
            WebChatComments comments,
            Clock clock) {
        this.store = store;
        this.cases = cases;
        this.notices = notices;
        this.properties = properties;
        this.comments = comments;
        this.clock = clock;
    }

    @Override
    public Verdict heard(CustomerMessage message) {
        if (message.content() instanceof Inbound.Button button
                && button.reference().startsWith(Notices.RATING)) {
            return new Answered(List.of(rate(message, button.reference())));
        }
        boolean windowed = ReplyWindow.of(message.channel()).isPresent();
        Optional<JdbcHandoffs.OwnerRow> owner =
                windowed ? Optional.of(cases.lockOwner(message.identity())) : store.lockOwner(message.identity());
        if (owner.isPresent() && !message.inGroup()) {
            store.customerWrote(message.identity(), message.receivedAt()); // the reply window's start
        }
        if (owner.isPresent() && owner.get().openCase().isPresent()) {
            return new PersonOwns(toTranscript(message, owner.get().openCase().get()));
        }
        if (message.inGroup() || !(message.content() instanceof Inbound.Text text)) {
            return new BotAnswers();
        }
        Optional<Outbound> commented = comments.comment(message, text.text());
        if (commented.isPresent()) {
            return new Answered(List.of(commented.get())); // the comment on a rating, for listening: not for the bot
        }
        return trigger(message, text.text()).<Verdict>map(Answered::new).orElseGet(BotAnswers::new);
    }

    @Override
    public List<Outbound> answered(CustomerMessage message, BotTurn turn) {
        if (message.inGroup() || properties.unsureMax() == 0) {
            return List.of();
        }
        Optional<JdbcHandoffs.OwnerRow> owner = store.lockOwner(message.identity());
        int kept = owner.map(JdbcHandoffs.OwnerRow::unsureStreak).orElse(0);
        if (turn.assistantSure() && !turn.assistantUnsure()) {
            // confidently answered is not helped: "Q, not it, Q' (sure), not it" reaches a person
            // (review 2026-12-07 assistant follow-up); only a 👍 or a turn without the assistant ends it
            return List.of();
        }
        int streak = turn.assistantUnsure() ? kept + 1 : 0;
        if (owner.isEmpty() && streak == 0) {
            return List.of(); // most messages: nothing stored
        }
        JdbcHandoffs.OwnerRow locked = owner.orElseGet(() -> cases.lockOwner(message.identity()));
        if (streak < properties.unsureMax() || !onDuty(properties.defaultTeam(), turn.language())) {
            // nobody to hand over to now: the bot goes on answering (a request for a person still queues)
            store.setUnsureStreak(message.identity(), Math.min(streak, properties.unsureMax()));
            return List.of();
        }
        return cases.open(
                        locked,
                        message.channel(),
                        message.recipient(),
                        properties.defaultTeam(),
                        turn.language(),
                        0,
                        HandoffCase.Reason.UNSURE)
                .notices();
    }

    /** Whether an agent available for new cases serves this queue now. */
    private boolean onDuty(String team, Language language) {
        return store.agents(clock.instant()).stream().anyMatch(a -> a.canTake(team, language));
    }

    /** A request for a person, or a supervisor's keyword: a case is opened and the customer told. */
    private Optional<List<Outbound>> trigger(CustomerMessage message, String text) {
        // "pay the agent 20": a command, never a request for a person (review 2026-12-07 assistant follow-up)
        Optional<Language> asked =
                PersonRequests.asks(text).filter(l -> !message.command().getAsBoolean());
        if (asked.isPresent()) {
            Language language = asked.get() == Language.EN ? message.language().get() : asked.get();
            return Optional.of(open(message, properties.defaultTeam(), language, 0, HandoffCase.Reason.ASKED));
        }
        return keyword(text)
                .map(k -> open(message, k.team(), message.language().get(), k.priority(), HandoffCase.Reason.KEYWORD));
    }

    private List<Outbound> open(
            CustomerMessage message, String team, Language language, int priority, HandoffCase.Reason reason) {
        JdbcHandoffs.OwnerRow owner = cases.lockOwner(message.identity());
        store.customerWrote(message.identity(), message.receivedAt());
        Cases.Opened opened =
                cases.open(owner, message.channel(), message.recipient(), team, language, priority, reason);
        store.append(
                opened.handoff().id(),
                "CUSTOMER",
                null,
                null,
                Secrets.screen(textOf(message)).text(),
                null,
                message.receivedAt());
        return opened.notices();
    }

    private Optional<JdbcHandoffs.Keyword> keyword(String text) {
        String normal = PersonRequests.normalize(text);
        return store.keywords(KEYWORDS_MAX).stream()
                .filter(k -> Keywords.occurs(k.keyword(), normal))
                .max(java.util.Comparator.comparingInt(JdbcHandoffs.Keyword::priority));
    }

    /** The customer's message in the transcript, masked; a secret gets the one automatic notice. */
    private List<Outbound> toTranscript(CustomerMessage message, CaseId open) {
        HandoffCase handoff = store.find(open).orElseThrow();
        if (handoff.status() == HandoffCase.Status.SNOOZED) {
            store.updateCase(handoff.awake()); // the customer wrote: the case is back on the agent's list
        }
        Secrets.Screened screened = Secrets.screen(textOf(message));
        String body = message.inGroup() ? "[group] " + screened.text() : screened.text();
        store.append(open, "CUSTOMER", null, null, body, null, message.receivedAt());
        // socialbank.handoff.customer-lines-cap (review 2026-12-07 handoff follow-up): the oldest of
        // hers go, the newest are what an agent reads; agents' lines, notes and the bank's stay
        int cap = properties.customerLinesCap();
        if (store.customerLines(open) > cap) {
            store.keepNewestCustomerLines(open, cap);
        }
        return screened.secret() ? List.of(notices.secretHidden(handoff.language())) : List.of();
    }

    /**
     * The message's text; a press the customer typed (X's choice numbers) as she typed it, since
     * she was talking to the agent (review 2026-12-07 channels follow-up); else the kind.
     */
    private static String textOf(CustomerMessage message) {
        if (message.content() instanceof Inbound.Text text) {
            return text.text();
        }
        if (message.content() instanceof Inbound.Button button && button.typed() != null) {
            return button.typed();
        }
        return "[" + message.content().kind().toLowerCase(Locale.ROOT) + "]";
    }

    /** A rating button: stored once, for a closed case of this chat, within the rating's time. */
    private Outbound rate(CustomerMessage message, String reference) {
        String[] parts = reference.substring(Notices.RATING.length()).split(":");
        Optional<HandoffCase> rated = parts.length != 2
                ? Optional.empty()
                : parse(parts[0])
                        .flatMap(store::find)
                        .filter(c -> c.identity().equals(message.identity())
                                && !c.status().open())
                        .filter(c -> c.closedAt()
                                .map(at -> at.plus(properties.ratingTtl()).isAfter(clock.instant()))
                                .orElse(false));
        int stars = parts.length == 2 && parts[1].matches("[1-5]") ? Integer.parseInt(parts[1]) : 0;
        Language language = rated.map(HandoffCase::language).orElseGet(message.language());
        boolean stored =
                rated.isPresent() && stars > 0 && store.rate(rated.get().id(), stars, clock.instant());
        if (stored && comments.asksForComment(message.channel())) {
            comments.awaitComment(rated.get().id());
            return new Outbound.Text(notices.text(language, "handoff.rating.comment_ask"));
        }
        return new Outbound.Text(notices.text(language, stored ? "handoff.rating.thanks" : "handoff.rating.stale"));
    }

    private static Optional<CaseId> parse(String id) {
        return Uuids.parse(id).map(CaseId::new);
    }
}
