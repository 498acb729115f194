package org.socialbank.channels.x;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.socialbank.channels.PublicMentionReceived;
import org.socialbank.shared.Network;

/** Issue 20: the public tweets that mention the bank are handed, whole, to social listening. */
class XPublicMentionsUnitTests {

    static final XUpdates.Account BANK = new XUpdates.Account(Recorded.BANK_ID, Recorded.BANK_NAME, Set.of());

    @Test
    void aTweetMentioningTheBankIsAPublicMention() {
        List<PublicMentionReceived> mentions = XUpdates.publicMentions(Recorded.payload("tweet-create"), BANK);
        assertThat(mentions).singleElement().satisfies(m -> {
            assertThat(m.network()).isEqualTo(Network.X);
            assertThat(m.postId()).isEqualTo("1862345678901234567");
            assertThat(m.authorId()).isEqualTo("1400000000000000042");
            assertThat(m.authorHandle()).isEqualTo("alice_w");
            assertThat(m.text()).startsWith("@SocialBankFr");
            assertThat(m.createdAt()).isEqualTo(Instant.parse("2026-11-22T10:15:03Z"));
            assertThat(m.authorFollowers()).isEqualTo(12L); // the author's reach (issue 20)
        });
    }

    @Test
    void retweetsQuotesAndBlockedAuthorsAreNot() {
        assertThat(XUpdates.publicMentions(Recorded.payload("tweet-retweet"), BANK))
                .isEmpty();
        assertThat(XUpdates.publicMentions(Recorded.payload("tweet-quote"), BANK))
                .isEmpty();
        assertThat(XUpdates.publicMentions(Recorded.payload("dm-text"), BANK)).isEmpty();
        XUpdates.Account blocking =
                new XUpdates.Account(Recorded.BANK_ID, Recorded.BANK_NAME, Set.of("1400000000000000042"));
        assertThat(XUpdates.publicMentions(Recorded.payload("tweet-create"), blocking))
                .isEmpty();
    }
}
