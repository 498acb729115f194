package org.socialbank.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialbank.SocialbankApplication;
import org.socialbank.conversation.ChannelSender;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.SendOutcome;
import org.socialbank.shared.Network;
import org.socialbank.support.Api;
import org.socialbank.support.TestStores;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A send that can outlast {@code relay-lease} lets another relay claim its row and send it a
 * second time: such settings refuse to start, naming both sides (review 2026-12-07 channels
 * follow-up).
 */
class SendWithinLeaseIntegrationTests {

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: a Telegram bot whose throttle-wait-max + request-timeout"
            + " reaches relay-lease refuses to start, naming both")
    void aTelegramBotSlowerThanTheLeaseRefusesToStart(@TempDir Path dir) {
        String bot = "--socialbank.channels.telegram.bots.main.";
        refusedNaming(
                List.of(
                        bot + "token=111:contract",
                        bot + "secret-token=main-secret-0123456789",
                        bot + "username=SocialBankBot",
                        bot + "throttle-wait-max=25s",
                        bot + "request-timeout=5s"),
                dir,
                "socialbank.channels.telegram.bots.main.throttle-wait-max",
                "socialbank.channels.telegram.bots.main.request-timeout");
    }

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: X's request-timeout and retries reaching relay-lease refuse"
            + " to start, naming both")
    void anXApiSlowerThanTheLeaseRefusesToStart(@TempDir Path dir) {
        String x = "--socialbank.channels.x.";
        List<String> account = List.of(
                x + "consumer-secret=contract-consumer-secret",
                x + "consumer-key=contract-consumer-key",
                x + "access-token=1500000000000000001-contracttoken",
                x + "access-token-secret=contract-token-secret",
                x + "user-id=1500000000000000001",
                x + "screen-name=SocialBank");
        List<String> slow = new ArrayList<>(account);
        slow.addAll(List.of(x + "request-timeout=25s", x + "retries-max=1"));
        refusedNaming(slow, dir, "socialbank.channels.x.request-timeout", "socialbank.channels.x.retries-max");
    }

    /** The application does not start with these settings, and says why with each name and the lease. */
    private static void refusedNaming(List<String> settings, Path dir, String... names) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + TestStores.h2Url(dir),
                "--socialbank.api.token=" + Api.TOKEN,
                "--socialbank.conversation.relay-enabled=false"));
        args.addAll(settings);
        var refused = assertThatThrownBy(() -> new SpringApplicationBuilder(SocialbankApplication.class)
                .run(args.toArray(String[]::new))
                .close());
        for (String name : names) {
            refused.hasStackTraceContaining(name);
        }
        refused.hasStackTraceContaining("socialbank.conversation.relay-lease (PT30S)");
    }

    @Test
    void aSendShorterThanTheLeaseIsAccepted() {
        OutboxRelay.requireWithinLease(sender(Duration.ofSeconds(29)), Duration.ofSeconds(30));
        OutboxRelay.requireWithinLease(sender(Duration.ZERO), Duration.ofSeconds(1));
        assertThatThrownBy(() -> OutboxRelay.requireWithinLease(sender(Duration.ofSeconds(30)), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a.b + c.d")
                .hasMessageContaining("relay-lease");
        assertThat(sender(Duration.ZERO).sendDurationMax().duration()).isZero();
    }

    private static ChannelSender sender(Duration max) {
        return new ChannelSender() {
            @Override
            public Network network() {
                return Network.WEBCHAT;
            }

            @Override
            public SendOutcome send(OutboundMessage message, String idempotencyKey) {
                return new SendOutcome.Sent();
            }

            @Override
            public SendDurationMax sendDurationMax() {
                return max.isZero() ? SendDurationMax.NONE : new SendDurationMax(max, "a.b + c.d");
            }
        };
    }
}
