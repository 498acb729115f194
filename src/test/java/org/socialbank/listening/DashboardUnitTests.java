package org.socialbank.listening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The dashboard's figures from the database's groups: what its top topics keep, and when it says it cut them. */
class DashboardUnitTests {

    static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-12-02T00:00:00Z");

    static final List<MentionStore.Group> GROUPS = List.of(
            new MentionStore.Group("en", "news", Topic.FRAUD, Sentiment.NEGATIVE, 5),
            new MentionStore.Group("fr", "x", Topic.FRAUD, Sentiment.NEUTRAL, 2),
            new MentionStore.Group("en", "x", Topic.FEES, Sentiment.NEGATIVE, 4),
            new MentionStore.Group("ru", "news", Topic.PRAISE, Sentiment.POSITIVE, 3));

    @Test
    @DisplayName("the dashboard is truncated when its top topics leave out a topic that had mentions, and only then; "
            + "the other figures stay whole (review 2026-12-07 listening follow-up)")
    void truncatedSaysWhetherATopicWasLeftOut() {
        Dashboard cut = Listening.dashboard(FROM, TO, GROUPS, 2);
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.topTopics()).extracting(Dashboard.Slice::key).containsExactly("fraud", "fees");
        assertThat(cut.overall()).isEqualTo(Dashboard.Slice.of("all", 14, 9, 3));
        assertThat(cut.byLanguage()).extracting(Dashboard.Slice::key).containsExactly("en", "fr", "ru");
        assertThat(cut.bySource()).extracting(Dashboard.Slice::total).containsExactly(8, 6);

        Dashboard whole = Listening.dashboard(FROM, TO, GROUPS, 3);
        assertThat(whole.truncated()).isFalse();
        assertThat(whole.topTopics()).extracting(Dashboard.Slice::key).containsExactly("fraud", "fees", "praise");
        assertThat(Listening.dashboard(FROM, TO, List.of(), Listening.TOP_TOPICS_MAX))
                .extracting(Dashboard::truncated, d -> d.overall().total())
                .containsExactly(false, 0);
        assertThat(Listening.TOP_TOPICS_MAX)
                .as("today every topic fits the top list, so the API's dashboard is never cut")
                .isGreaterThanOrEqualTo(Topic.values().length);
    }
}
