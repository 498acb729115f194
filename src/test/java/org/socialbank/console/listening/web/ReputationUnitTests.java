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
        return new Mention(new MentionId(UUID.randomUUID()), source, UUID.randomUUID().toString(), "text", author,
                customer, "en", sentiment, 0, Topic.OTHER, false, at, at);
    }

    @Test
    void authorsRankByMentionsPerSourceAndSayWhenACustomerWrote() {
        CustomerId alice = new CustomerId(UUID.randomUUID());
        List<Reputation.Author> top = Reputation.topAuthors(List.of(
                mention("x", "123", Sentiment.NEGATIVE, alice), mention("x", "123", Sentiment.POSITIVE, alice),
                mention("news", "123", Sentiment.NEGATIVE, null), mention("news", "press", Sentiment.NEUTRAL, null),
                mention("news", null, Sentiment.NEGATIVE, null)));
        assertThat(top).containsExactly(new Reputation.Author("x", "123", 2, 1, true),
                new Reputation.Author("news", "123", 1, 1, false), new Reputation.Author("news", "press", 1, 0, false));
    }

    @Test
    void aCustomersNameShowsOnlyInitials() {
        assertThat(CustomerContext.mask("Alice Martin")).isEqualTo("A••• M•••");
        assertThat(CustomerContext.mask("王小明")).isEqualTo("王•••");
        assertThat(CustomerContext.mask(" ")).isEqualTo("•••");
    }
}
