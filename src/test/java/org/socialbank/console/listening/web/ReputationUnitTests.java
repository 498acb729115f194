package org.socialbank.console.listening.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.CustomerId;
import org.socialbank.listening.Mention;
import org.socialbank.listening.MentionId;
import org.socialbank.listening.Sentiment;
import org.socialbank.listening.Topic;

/** The dashboard's top authors and the masked customer name (issue 20 s3-s4). */
class ReputationUnitTests {

    static Mention mention(String source, String author, Sentiment sentiment, CustomerId customer) {
        Instant at = Instant.parse("2026-12-02T10:00:00Z");
        return new Mention(
                new MentionId(UUID.randomUUID()),
                source,
                UUID.randomUUID().toString(),
                "text",
                author,
                customer,
                "en",
                sentiment,
                0,
                Topic.OTHER,
                false,
                at,
                at);
    }

    @Test
    void authorsRankByMentionsPerSourceAndSayWhenACustomerWrote() {
        CustomerId alice = new CustomerId(UUID.randomUUID());
        List<Reputation.Author> top = Reputation.topAuthors(List.of(
                mention("x", "123", Sentiment.NEGATIVE, alice),
                mention("x", "123", Sentiment.POSITIVE, alice),
                mention("news", "123", Sentiment.NEGATIVE, null),
                mention("news", "press", Sentiment.NEUTRAL, null),
                mention("news", null, Sentiment.NEGATIVE, null)));
        assertThat(top)
                .containsExactly(
                        new Reputation.Author("x", "123", 2, 1, true, null),
                        new Reputation.Author("news", "123", 1, 1, false, null),
                        new Reputation.Author("news", "press", 1, 0, false, null));
    }

    static Mention withReach(String source, String author, long reach, Instant at) {
        return new Mention(
                new MentionId(UUID.randomUUID()),
                source,
                UUID.randomUUID().toString(),
                "text",
                author,
                null,
                "en",
                Sentiment.NEGATIVE,
                -0.5,
                Topic.OTHER,
                false,
                at,
                at,
                reach);
    }

    @Test
    void authorsRankByTheirNewestReachAndThoseWithoutReachAreLeftOut() {
        Instant early = Instant.parse("2026-12-01T10:00:00Z");
        Instant late = Instant.parse("2026-12-02T10:00:00Z");
        List<Reputation.Author> top = Reputation.topByReach(List.of(
                withReach("x", "1", 500, early),
                withReach("x", "1", 800, late),
                withReach("x", "2", 5_000, early),
                mention("news", "press", Sentiment.NEGATIVE, null)));
        assertThat(top)
                .containsExactly(
                        new Reputation.Author("x", "2", 1, 1, false, 5_000L),
                        new Reputation.Author("x", "1", 2, 2, false, 800L));
    }

    @Test
    void aCustomersNameShowsOnlyInitials() {
        assertThat(CustomerContext.mask("Alice Martin")).isEqualTo("A••• M•••");
        assertThat(CustomerContext.mask("王小明")).isEqualTo("王•••");
        assertThat(CustomerContext.mask(" ")).isEqualTo("•••");
    }
}
