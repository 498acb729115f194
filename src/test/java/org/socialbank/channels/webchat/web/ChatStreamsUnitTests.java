package org.socialbank.channels.webchat.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.channels.webchat.WebChatProperties;

/** The bounds on open streams, and the visitor's id made from the cookie. */
class ChatStreamsUnitTests {

    static final WebChatProperties TWO_PER_VISITOR_THREE_IN_ALL =
            new WebChatProperties(Duration.ofMinutes(5), Duration.ofMillis(500), 2, 3, 50, 30, Duration.ofDays(90));

    @Test
    void aVisitorHoldsAtMostTheBoundAndTheNodeAtMostItsOwn() {
        ChatStreams streams = new ChatStreams(TWO_PER_VISITOR_THREE_IN_ALL);
        assertThat(streams.open("a", HOST)).isInstanceOf(ChatStreams.Open.class);
        assertThat(streams.open("a", HOST)).isInstanceOf(ChatStreams.Open.class);
        assertThat(streams.open("a", HOST)).isInstanceOf(ChatStreams.TooManyForVisitor.class);
        assertThat(streams.open("b", HOST)).isInstanceOf(ChatStreams.Open.class);
        assertThat(streams.open("c", HOST)).isInstanceOf(ChatStreams.TooMany.class);
        streams.close("a", HOST);
        assertThat(streams.open("c", HOST)).isInstanceOf(ChatStreams.Open.class);
        assertThat(streams.open("a", HOST)).isInstanceOf(ChatStreams.TooMany.class);
        streams.close("b", HOST);
        assertThat(streams.open("a", HOST)).isInstanceOf(ChatStreams.Open.class);
    }

    /** The defaults but for the stream bounds: per visitor, on the node, per address. */
    static WebChatProperties bounds(int perVisitor, int onTheNode, int perAddress) {
        return new WebChatProperties(
                Duration.ofMinutes(5),
                Duration.ofMillis(500),
                perVisitor,
                onTheNode,
                50,
                30,
                Duration.ofDays(90),
                120,
                Duration.ofMinutes(30),
                Duration.ofHours(12),
                perAddress);
    }

    static final String HOST = WebChatSessions.addressKey("192.0.2.1");

    @Test
    @DisplayName(
            "one host minting visitors holds at most streams-per-address-max of the node's streams (review 2026-12-07 webchat follow-up)")
    void oneHostMintingVisitorsCannotFillTheNode() {
        // 3 per visitor, 10 on the node, 4 per address: one host's fresh cookies stop at 4
        ChatStreams streams = new ChatStreams(bounds(3, 10, 4));
        String attacker = WebChatSessions.addressKey("2001:db8:1:2::1");
        String sameSlash64 = WebChatSessions.addressKey("2001:db8:1:2:ffff::9");
        for (int i = 0; i < 4; i++) {
            assertThat(streams.open("minted-" + i, i % 2 == 0 ? attacker : sameSlash64))
                    .isInstanceOf(ChatStreams.Open.class);
        }
        for (int i = 4; i < 20; i++) {
            assertThat(streams.open("minted-" + i, attacker)).isInstanceOf(ChatStreams.TooManyForAddress.class);
        }
        for (int i = 0; i < 6; i++) {
            assertThat(streams.open("real-" + i, WebChatSessions.addressKey("198.51.100." + i)))
                    .as("a real visitor from another address still gets a stream")
                    .isInstanceOf(ChatStreams.Open.class);
        }
        assertThat(streams.open("real-6", WebChatSessions.addressKey("198.51.100.6")))
                .as("the node's own bound still holds")
                .isInstanceOf(ChatStreams.TooMany.class);
        streams.close("minted-0", attacker);
        streams.close("real-0", WebChatSessions.addressKey("198.51.100.0"));
        assertThat(streams.open("minted-4", attacker))
                .as("a closed stream frees its address's place")
                .isInstanceOf(ChatStreams.Open.class);
        assertThat(streams.open("minted-5", attacker)).isInstanceOf(ChatStreams.TooManyForAddress.class);
        assertThat(streams.open("real-0", WebChatSessions.addressKey("198.51.100.0")))
                .as("a refusal for the address takes no place of the node's")
                .isInstanceOf(ChatStreams.Open.class);
    }

    @Test
    @DisplayName(
            "a visitor refused for her own bound takes no place of her address's (review 2026-12-07 webchat follow-up)")
    void aVisitorRefusalGivesTheAddressPlaceBack() {
        ChatStreams streams = new ChatStreams(bounds(1, 10, 2));
        assertThat(streams.open("a", HOST)).isInstanceOf(ChatStreams.Open.class);
        for (int i = 0; i < 5; i++) {
            assertThat(streams.open("a", HOST)).isInstanceOf(ChatStreams.TooManyForVisitor.class);
        }
        assertThat(streams.open("b", HOST)).isInstanceOf(ChatStreams.Open.class);
        assertThat(streams.open("c", HOST)).isInstanceOf(ChatStreams.TooManyForAddress.class);
    }

    @Test
    void badSettingsStopTheStart() {
        assertThatThrownBy(() -> new WebChatProperties(
                        Duration.ofSeconds(1), Duration.ofMillis(500), 2, 3, 50, 30, Duration.ofDays(90)))
                .hasMessageContaining("stream-lifetime");
        assertThatThrownBy(() -> new WebChatProperties(
                        Duration.ofMinutes(5), Duration.ofMillis(500), 0, 3, 50, 30, Duration.ofDays(90)))
                .hasMessageContaining("streams-per-visitor-max");
        assertThatThrownBy(() -> new WebChatProperties(
                        Duration.ofMinutes(5), Duration.ofMillis(500), 2, 3, 101, 30, Duration.ofDays(90)))
                .hasMessageContaining("history-max");
        assertThatThrownBy(() -> new WebChatProperties(
                        Duration.ofMinutes(5), Duration.ofMillis(500), 2, 3, 50, 0, Duration.ofDays(90)))
                .hasMessageContaining("messages-per-minute-max");
        assertThatThrownBy(() -> bounds(2, 3, 0)).hasMessageContaining("streams-per-address-max");
    }
}
