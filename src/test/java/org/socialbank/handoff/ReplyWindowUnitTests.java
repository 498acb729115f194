package org.socialbank.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socialbank.shared.Network;

class ReplyWindowUnitTests {

    static final Instant WROTE = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void whatsAppIsOpenForADay() {
        assertThat(ReplyWindow.at(Network.WHATSAPP, Optional.of(WROTE), WROTE.plus(Duration.ofHours(23))))
                .isEqualTo(new ReplyWindow.Open(WROTE.plus(Duration.ofHours(24))));
        assertThat(ReplyWindow.at(Network.WHATSAPP, Optional.of(WROTE), WROTE.plus(Duration.ofHours(24))))
                .isEqualTo(new ReplyWindow.Closed(Optional.of(WROTE.plus(Duration.ofHours(24)))));
    }

    @Test
    void weChatIsOpenForTwoDays() {
        assertThat(ReplyWindow.at(Network.WECHAT, Optional.of(WROTE), WROTE.plus(Duration.ofHours(47))))
                .isInstanceOf(ReplyWindow.Open.class);
        assertThat(ReplyWindow.at(Network.WECHAT, Optional.of(WROTE), WROTE.plus(Duration.ofHours(49))))
                .isInstanceOf(ReplyWindow.Closed.class);
    }

    @Test
    void otherNetworksHaveNoWindowAndSilenceClosesIt() {
        assertThat(ReplyWindow.at(Network.TELEGRAM, Optional.empty(), WROTE)).isEqualTo(new ReplyWindow.Unlimited());
        assertThat(ReplyWindow.at(Network.WHATSAPP, Optional.empty(), WROTE))
                .isEqualTo(new ReplyWindow.Closed(Optional.empty()));
    }

    @Test
    void slaTimersWarnThenBreach() {
        Duration target = Duration.ofMinutes(10);
        assertThat(Sla.state(WROTE, WROTE.plus(Duration.ofMinutes(7)), target, 80))
                .isEqualTo(Sla.State.OK);
        assertThat(Sla.state(WROTE, WROTE.plus(Duration.ofMinutes(8)), target, 80))
                .isEqualTo(Sla.State.WARNING);
        assertThat(Sla.state(WROTE, WROTE.plus(Duration.ofMinutes(11)), target, 80))
                .isEqualTo(Sla.State.BREACHED);
        Sla stopped = Sla.of(
                WROTE,
                WROTE,
                Optional.of(WROTE.plusSeconds(30)),
                Optional.empty(),
                WROTE.plus(Duration.ofHours(2)),
                target,
                Duration.ofHours(1),
                80);
        assertThat(stopped).isEqualTo(new Sla(Sla.State.OK, Sla.State.BREACHED));
    }
}
