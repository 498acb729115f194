package org.socialbank.channels.webchat.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.socialbank.channels.webchat.WebChatProperties;

/** The bounds on open streams, and the visitor's id made from the cookie. */
class ChatStreamsUnitTests {

    static final WebChatProperties TWO_PER_VISITOR_THREE_IN_ALL =
            new WebChatProperties(Duration.ofMinutes(5), Duration.ofMillis(500), 2, 3, 50, 30, Duration.ofDays(90));

    @Test
    void aVisitorHoldsAtMostTheBoundAndTheNodeAtMostItsOwn() {
        ChatStreams streams = new ChatStreams(TWO_PER_VISITOR_THREE_IN_ALL);
        assertThat(streams.open("a")).isInstanceOf(ChatStreams.Open.class);
        assertThat(streams.open("a")).isInstanceOf(ChatStreams.Open.class);
        assertThat(streams.open("a")).isInstanceOf(ChatStreams.TooManyForVisitor.class);
        assertThat(streams.open("b")).isInstanceOf(ChatStreams.Open.class);
        assertThat(streams.open("c")).isInstanceOf(ChatStreams.TooMany.class);
        streams.close("a");
        assertThat(streams.open("c")).isInstanceOf(ChatStreams.Open.class);
        assertThat(streams.open("a")).isInstanceOf(ChatStreams.TooMany.class);
        streams.close("b");
        assertThat(streams.open("a")).isInstanceOf(ChatStreams.Open.class);
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
    }
}
