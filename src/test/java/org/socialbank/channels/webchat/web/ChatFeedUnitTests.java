package org.socialbank.channels.webchat.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.channels.webchat.WebChatMessages;
import org.socialbank.channels.webchat.WebChatProperties;

/** Security review #9: all open streams of a node share one poll, which fans the rows out. */
class ChatFeedUnitTests {

    static final WebChatProperties PROPERTIES =
            new WebChatProperties(Duration.ofMinutes(5), Duration.ofMillis(500), 3, 1000, 50, 30, Duration.ofDays(90));
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    /** The table as a list, counting the queries made against it. */
    static final class Table implements ChatFeed.Source {
        final List<WebChatMessages.Fresh> rows = new ArrayList<>();
        final Map<String, WebChatSessions.State> sessions = new HashMap<>();
        int reads;

        @Override
        public List<WebChatMessages.Fresh> read(Collection<String> visitors, long seq, Instant since, int max) {
            reads++;
            return rows.stream()
                    .filter(r -> visitors.contains(r.visitor()))
                    .filter(r ->
                            r.seq() > seq || since != null && !r.createdAt().isBefore(since))
                    .limit(max)
                    .toList();
        }

        @Override
        public long newestSeq() {
            reads++;
            return rows.stream().mapToLong(WebChatMessages.Fresh::seq).max().orElse(0);
        }

        @Override
        public Map<String, WebChatSessions.State> sessions(Collection<String> visitors) {
            Map<String, WebChatSessions.State> found = new HashMap<>(sessions);
            found.keySet().retainAll(visitors);
            return found;
        }

        void add(String visitor) {
            rows.add(new WebChatMessages.Fresh(rows.size() + 1, visitor, "bank", "{}", NOW.minusSeconds(60)));
        }
    }

    @Test
    @DisplayName("security review #9: 300 open streams cost one query a tick, and each gets only its visitor's rows")
    void oneQueryPerTickFeedsEveryStream() throws InterruptedException {
        Table table = new Table();
        ChatFeed feed = new ChatFeed(table, PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC));
        List<ChatFeed.Subscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            subscriptions.add(feed.subscribe("v-" + i % 100, false)); // three tabs per visitor
        }
        feed.tick(); // the first tick after idling learns where the table ends
        int before = table.reads;
        for (int i = 0; i < 100; i++) {
            table.add("v-" + i);
        }
        table.add("v-nobody-listens");
        feed.tick();
        assertThat(table.reads - before).isEqualTo(2); // 101 rows: two pages of 100, in one tick
        for (ChatFeed.Subscription s : subscriptions) {
            List<WebChatMessages.Fresh> rows = s.next(Duration.ZERO);
            assertThat(rows)
                    .as(s.visitor)
                    .singleElement()
                    .satisfies(r -> assertThat(r.visitor()).isEqualTo(s.visitor));
        }
        before = table.reads;
        long sessionsBefore = feed.sessionReads();
        for (int tick = 0; tick < 10; tick++) {
            feed.tick();
        }
        assertThat(table.reads - before)
                .as("one query per tick, whatever the number of streams")
                .isEqualTo(10);
        assertThat(feed.sessionReads() - sessionsBefore)
                .as("and one of the sessions (review 2026-12-07)")
                .isEqualTo(10);
        subscriptions.forEach(feed::unsubscribe);
        before = table.reads;
        feed.tick();
        assertThat(table.reads).as("no stream, no query").isEqualTo(before);
    }

    @Test
    void aStreamThatFallsBehindIsToldToReconnect() throws InterruptedException {
        Table table = new Table();
        ChatFeed feed = new ChatFeed(table, PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC));
        ChatFeed.Subscription slow = feed.subscribe("v-slow", false);
        feed.tick();
        for (int i = 0; i < ChatFeed.QUEUE_MAX + 1; i++) {
            table.add("v-slow");
        }
        while (table.rows.stream().anyMatch(r -> r.seq() > 0) && !slow.overflowed()) {
            feed.tick();
        }
        assertThat(slow.overflowed()).isTrue();
    }

    @Test
    @DisplayName("review 2026-12-07 webchat follow-up: a stream whose session ended is told so and handed nothing more")
    void aStreamWhoseSessionEndedIsHandedNothing() throws InterruptedException {
        Table table = new Table();
        ChatFeed feed = new ChatFeed(table, PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC));
        table.sessions.put("v-linked", WebChatSessions.State.LINKED);
        table.sessions.put("v-rotated", WebChatSessions.State.LINKED);
        ChatFeed.Subscription linked = feed.subscribe("v-linked", true);
        ChatFeed.Subscription rotated = feed.subscribe("v-rotated", true);
        ChatFeed.Subscription anonymous = feed.subscribe("v-anonymous", false);
        feed.tick();
        table.add("v-linked");
        table.add("v-anonymous");
        feed.tick();
        assertThat(linked.next(Duration.ZERO)).hasSize(1);
        assertThat(linked.closing()).isNull();
        // the session ends (on any node), and a row for it is stored after the end, before the tick
        table.sessions.put("v-linked", WebChatSessions.State.ENDED);
        table.sessions.remove("v-rotated");
        table.add("v-linked");
        table.add("v-rotated");
        table.add("v-anonymous");
        feed.tick();
        assertThat(linked.closing()).isEqualTo(ChatFeed.Closing.SESSION_ENDED);
        assertThat(linked.next(Duration.ZERO)).as("nothing after the end").isEmpty();
        assertThat(rotated.closing()).isEqualTo(ChatFeed.Closing.SESSION_GONE);
        assertThat(rotated.next(Duration.ZERO)).isEmpty();
        assertThat(anonymous.closing())
                .as("an anonymous visitor has no session row")
                .isNull();
        assertThat(anonymous.next(Duration.ZERO)).hasSize(2);
        table.sessions.put("v-linked", WebChatSessions.State.LINKED);
        feed.tick();
        assertThat(linked.closing()).as("an end is final").isEqualTo(ChatFeed.Closing.SESSION_ENDED);
    }

    @Test
    @DisplayName(
            "an anonymous visitor's stream rotated away by a sign-in closes without ended, handed nothing more (reread 2026-12-08 webchat)")
    void anAnonymousStreamRotatedAwayClosesWithoutEnded() throws InterruptedException {
        Table table = new Table();
        ChatFeed feed = new ChatFeed(table, PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC));
        ChatFeed.Subscription before = feed.subscribe("v-before", false);
        ChatFeed.Subscription bystander = feed.subscribe("v-bystander", false);
        feed.tick();
        // the sign-in leaves the old visitor an ended tombstone; a late reply is stored before the tick
        table.sessions.put("v-before", WebChatSessions.State.ENDED);
        table.add("v-before");
        table.add("v-bystander");
        feed.tick();
        assertThat(before.closing())
                .as("the browser reconnects with its new cookie; the page does not say the chat ended")
                .isEqualTo(ChatFeed.Closing.SESSION_GONE);
        assertThat(before.next(Duration.ZERO)).as("nothing after the rotation").isEmpty();
        assertThat(bystander.closing()).isNull();
        assertThat(bystander.next(Duration.ZERO)).hasSize(1);
    }
}
