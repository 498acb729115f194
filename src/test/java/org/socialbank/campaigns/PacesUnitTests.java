package org.socialbank.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socialbank.shared.Network;

/** Issue 17, 3.12: a campaign pace per platform, from the platforms' documented rules, shared by the nodes. */
class PacesUnitTests {

    static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    static CampaignsProperties properties(Map<String, CampaignsProperties.Platform> platforms, int nodes) {
        return new CampaignsProperties(Duration.ofSeconds(5), 10_000, 10_000, Duration.ofSeconds(5), platforms, nodes);
    }

    @Test
    void eachPlatformHasItsDocumentedDefaultPace() {
        Map<Network, CampaignsProperties.Platform> paces =
                properties(Map.of(), 1).paces();
        assertThat(paces.get(Network.TELEGRAM).perSecond())
                .as("below Telegram's ~30/s per bot")
                .isEqualTo(25.0);
        assertThat(paces.get(Network.WHATSAPP).dailyMax())
                .as("a new portfolio's tier")
                .isEqualTo(250);
        assertThat(paces.get(Network.X).perSecond()).as("200 DMs in 15 minutes").isEqualTo(200.0 / 900);
        assertThat(paces.get(Network.X).dailyMax()).isEqualTo(1_000);
        assertThat(paces).containsKeys(Network.values());
    }

    @Test
    void aWhatsAppAtItsTierHoldsBackOnlyItsOwnRecipients() {
        Paces paces = new Paces(properties(Map.of("whatsapp", new CampaignsProperties.Platform(null, 250)), 1));
        int whatsapp = 0;
        int telegram = 0;
        for (int second = 0; second < 60; second++) { // a minute of rounds, one a second, sending all they may
            Paces.Allowance allowed = paces.take(T0.plusSeconds(second), 10_000);
            whatsapp += allowed.perNetwork().get(Network.WHATSAPP);
            telegram += allowed.perNetwork().get(Network.TELEGRAM);
            paces.giveBack(allowed, allowed.perNetwork()); // all of it sent
        }
        assertThat(whatsapp).as("WhatsApp's 20/s until its tier of 250 a day").isEqualTo(250);
        assertThat(telegram).as("Telegram keeps its own 25/s").isEqualTo(25 * 60);
        Paces.Allowance later = paces.take(T0.plus(Duration.ofHours(23)), 10_000);
        assertThat(later.perNetwork().get(Network.WHATSAPP))
                .as("the same 24 hours")
                .isZero();
        paces.giveBack(later, Map.of());
        Paces.Allowance nextDay = paces.take(T0.plus(Duration.ofHours(24)).plusSeconds(61), 10_000);
        assertThat(nextDay.perNetwork().get(Network.WHATSAPP))
                .as("a day later, again")
                .isPositive();
    }

    @Test
    void whatARoundDidNotSendIsGivenBackToItsPlatformAndToTheDay() {
        Paces paces = new Paces(properties(Map.of("whatsapp", new CampaignsProperties.Platform(1000.0, 250)), 1));
        Paces.Allowance first = paces.take(T0, 10_000);
        assertThat(first.perNetwork().get(Network.WHATSAPP)).isEqualTo(250);
        paces.giveBack(first, Map.of(Network.WHATSAPP, 100)); // 150 settled without a message
        Paces.Allowance second = paces.take(T0.plusSeconds(1), 10_000);
        assertThat(second.perNetwork().get(Network.WHATSAPP)).isEqualTo(150);
    }

    @Test
    void nodesShareAPlatformsBudget() {
        Paces one = new Paces(properties(Map.of(), 2));
        int telegram = 0;
        int whatsapp = 0;
        for (int second = 0; second <= 100; second++) {
            Paces.Allowance allowed = one.take(T0.plusSeconds(second), 10_000);
            telegram += allowed.perNetwork().get(Network.TELEGRAM);
            whatsapp += allowed.perNetwork().get(Network.WHATSAPP);
            one.giveBack(allowed, allowed.perNetwork());
        }
        assertThat(telegram)
                .as("half of 25/s over 100 s, the first second's worth at once")
                .isBetween(1250, 1263);
        assertThat(whatsapp).as("half of the tier").isEqualTo(125);
    }

    @Test
    void theNodesPaceBoundsTheRoundAndTheNetworksTakeTurnsUnderIt() {
        Paces paces = new Paces(
                new CampaignsProperties(Duration.ofSeconds(5), 10, 10_000, Duration.ofSeconds(5), Map.of(), 1));
        Paces.Allowance first = paces.take(T0, 10_000);
        assertThat(first.total()).isEqualTo(10);
        Network firstAsked = first.perNetwork().keySet().iterator().next();
        paces.giveBack(first, Map.of());
        Paces.Allowance second = paces.take(T0.plusSeconds(1), 10_000);
        assertThat(second.perNetwork().keySet().iterator().next()).isNotEqualTo(firstAsked);
    }

    @Test
    void xGetsItsFewDmsAndNoMoreThanItsDay() {
        Pace x = new Pace(200.0 / 900, 500, 1_000);
        int sent = x.take(T0, 500);
        for (int minute = 1; minute <= 15; minute++) {
            sent += x.take(T0.plusSeconds(60L * minute), 500);
        }
        assertThat(sent).as("one at once, then 200 in 15 minutes").isBetween(200, 201);
    }

    @Test
    void badPacesStopTheStart() {
        assertThatThrownBy(() -> properties(Map.of("whatsapp", new CampaignsProperties.Platform(null, 500)), 1))
                .hasMessageContaining("messaging limit");
        assertThatThrownBy(() -> properties(Map.of("myspace", new CampaignsProperties.Platform(1.0, 0)), 1))
                .hasMessageContaining("not a network");
        assertThatThrownBy(() -> properties(Map.of("telegram", new CampaignsProperties.Platform(0.0, 0)), 1))
                .hasMessageContaining("per-second");
        assertThatThrownBy(() -> properties(Map.of(), 0)).hasMessageContaining("nodes");
    }
}
