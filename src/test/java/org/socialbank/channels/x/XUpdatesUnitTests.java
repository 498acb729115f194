package org.socialbank.channels.x;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.shared.Network;
import tools.jackson.databind.node.ObjectNode;

/** The recorded payloads of {@code src/test/resources/x/} as the engine gets them. */
class XUpdatesUnitTests {

    static final XUpdates.Account BANK = new XUpdates.Account(Recorded.BANK_ID, Recorded.BANK_NAME, Set.of());

    private static List<XUpdates.Event> read(String name) {
        return XUpdates.read(Recorded.payload(name), BANK);
    }

    private static InboundMessage only(String name) {
        List<XUpdates.Event> events = read(name);
        assertThat(events).hasSize(1);
        return events.get(0).message().orElseThrow();
    }

    @Test
    void aPublicTweetMentioningTheBankIsAGroupMessageWhoseGroupIsTheTweet() {
        InboundMessage m = only("tweet-create");
        assertThat(m.channel()).isEqualTo(Network.X);
        assertThat(m.externalMessageId()).isEqualTo("tweet:1862345678901234567");
        assertThat(m.externalUserId()).isEqualTo(Recorded.ALICE_ID);
        assertThat(m.handle()).isEqualTo("alice_w");
        assertThat(m.groupId()).isEqualTo("tweet:1862345678901234567");
        assertThat(m.content()).isEqualTo(new Inbound.Text("#envoyer 10EUR @camille_handle"));
    }

    @Test
    void theFullTextOfAnExtendedTweetIsRead() {
        InboundMessage m = only("tweet-extended");
        assertThat(m.content()).isEqualTo(new Inbound.Text("سلام ۵۰ هزار تومان به @sara_handle بفرست"));
        assertThat(m.handle()).isEqualTo("reza_t");
    }

    @Test
    void retweetsQuotesTheBanksOwnAndBlockedAccountsTweetsAreRecordedButNotAnswered() {
        assertThat(read("tweet-retweet")).singleElement().satisfies(e -> {
            assertThat(e.eventId()).isEqualTo("tweet:1862345678901239999");
            assertThat(e.message()).isEmpty();
        });
        assertThat(read("tweet-quote"))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).isEmpty());
        ObjectNode own = Recorded.payload("tweet-create");
        ((ObjectNode) Recorded.event(own, "tweet_create_events").get("user")).put("id_str", Recorded.BANK_ID);
        assertThat(XUpdates.read(own, BANK).get(0).message()).isEmpty();
        XUpdates.Account blocking =
                new XUpdates.Account(Recorded.BANK_ID, Recorded.BANK_NAME, Set.of(Recorded.ALICE_ID));
        assertThat(XUpdates.read(Recorded.payload("tweet-create"), blocking)
                        .get(0)
                        .message())
                .isEmpty();
        assertThat(XUpdates.read(Recorded.payload("dm-text"), blocking).get(0).message())
                .isEmpty();
    }

    @Test
    void aTweetThatDoesNotMentionTheBankIsNotAnswered() {
        ObjectNode payload = Recorded.payload("tweet-create");
        ObjectNode tweet = Recorded.event(payload, "tweet_create_events");
        tweet.put("text", "#envoyer 10EUR @camille_handle");
        ((ObjectNode) tweet.get("entities")).putArray("user_mentions");
        assertThat(XUpdates.read(payload, BANK).get(0).message()).isEmpty();
    }

    @Test
    void aTweetThatIsOnlyTheMentionAsksForHelp() {
        ObjectNode payload = Recorded.payload("tweet-create");
        Recorded.event(payload, "tweet_create_events").put("text", "@socialbankfr");
        assertThat(XUpdates.read(payload, BANK).get(0).message().orElseThrow().content())
                .isEqualTo(new Inbound.Text("help"));
    }

    @Test
    void aDirectMessageIsPrivate() {
        InboundMessage m = only("dm-text");
        assertThat(m.externalMessageId()).isEqualTo("dm:1862345678901260001");
        assertThat(m.groupId()).isNull();
        assertThat(m.handle()).isEqualTo("alice_w");
        assertThat(m.content()).isEqualTo(new Inbound.Text("#pay @camille_handle 500"));
    }

    @Test
    void aQuickReplyOptionIsAButtonWithItsMetadata() {
        assertThat(only("dm-quick-reply").content()).isEqualTo(new Inbound.Button("Qk9YLXJlZmVyZW5jZS0yMmNo"));
    }

    @Test
    void theBanksOwnMessagesAreNotAnswered() {
        assertThat(read("dm-from-bank"))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).isEmpty());
    }

    @Test
    void followUnfollowAndRevokedAccess() {
        InboundMessage follow = only("follow");
        assertThat(follow.content()).isEqualTo(new Inbound.Start());
        assertThat(follow.externalUserId()).isEqualTo(Recorded.ALICE_ID);
        assertThat(follow.externalMessageId())
                .isEqualTo("follow:" + Recorded.ALICE_ID + ":" + Recorded.BANK_ID + ":1795429400000");
        assertThat(only("unfollow").content()).isEqualTo(new Inbound.Stop());
        InboundMessage revoke = only("user-event-revoke");
        assertThat(revoke.content()).isEqualTo(new Inbound.Blocked());
        assertThat(revoke.externalUserId()).isEqualTo(Recorded.ALICE_ID);
    }

    /** Issue 17, 2.5: X's block_events: a block of the bank is a Blocked; an unblock or the bank's own block is not answered. */
    @Test
    void aBlockOfTheBankIsBlockedAndAnUnblockIsNoConsent() {
        InboundMessage block = only("block");
        assertThat(block.content()).isEqualTo(new Inbound.Blocked());
        assertThat(block.externalUserId()).isEqualTo(Recorded.ALICE_ID);
        ObjectNode unblock = Recorded.payload("block");
        Recorded.event(unblock, "block_events").put("type", "unblock");
        assertThat(XUpdates.read(unblock, BANK))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).isEmpty());
        ObjectNode bankBlocks = Recorded.payload("block");
        ObjectNode event = Recorded.event(bankBlocks, "block_events");
        ((ObjectNode) event.get("source")).put("id", Recorded.BANK_ID);
        ((ObjectNode) event.get("target")).put("id", Recorded.ALICE_ID);
        assertThat(XUpdates.read(bankBlocks, BANK))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).isEmpty());
    }

    @Test
    void theBanksOwnFollowsAreNotAnswered() {
        ObjectNode payload = Recorded.payload("follow");
        ObjectNode follow = Recorded.event(payload, "follow_events");
        ((ObjectNode) follow.get("target")).put("id", "1400000000000000099");
        ((ObjectNode) follow.get("source")).put("id", Recorded.BANK_ID);
        assertThat(XUpdates.read(payload, BANK).get(0).message()).isEmpty();
    }

    @Test
    void aPayloadForAnotherAccountIsIgnoredAndMalformedEventsAreSkipped() {
        ObjectNode payload = Recorded.payload("tweet-create");
        payload.put("for_user_id", "42");
        assertThat(XUpdates.read(payload, BANK)).isEmpty();
        ObjectNode broken = Recorded.payload("dm-text");
        ((ObjectNode) Recorded.event(broken, "direct_message_events").get("message_create")).put("sender_id", "x\n1");
        assertThat(XUpdates.read(broken, BANK)).isEmpty();
    }
}
