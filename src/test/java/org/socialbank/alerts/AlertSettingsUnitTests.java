package org.socialbank.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.Network;

/** Issue 17: which postings alert, and when quiet hours hold them (in the customer's zone). */
class AlertSettingsUnitTests {

    static final CustomerId ALICE = new CustomerId(UUID.fromString("00000000-0000-0000-0000-00000000a11c"));
    static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran"); // UTC+03:30

    AlertSettings quiet(String from, String to) {
        return new AlertSettings(
                ALICE, EnumSet.allOf(AlertKind.class), 0, LocalTime.parse(from), LocalTime.parse(to), TEHRAN, null);
    }

    @Test
    void quietHoursOverMidnightHoldUntilTheirEndInTheCustomersZone() {
        AlertSettings night = quiet("22:00", "07:00");
        // 23:30 in Tehran is 20:00 UTC: held until 07:00 Tehran the next morning, 03:30 UTC
        assertThat(night.quietUntil(Instant.parse("2026-12-01T20:00:00Z")))
                .contains(Instant.parse("2026-12-02T03:30:00Z"));
        // 02:00 in Tehran (22:30 UTC the day before): until 07:00 the same local day
        assertThat(night.quietUntil(Instant.parse("2026-12-01T22:30:00Z")))
                .contains(Instant.parse("2026-12-02T03:30:00Z"));
        // 12:00 in Tehran: no quiet hours
        assertThat(night.quietUntil(Instant.parse("2026-12-01T08:30:00Z"))).isEmpty();
        // exactly 07:00 local: over
        assertThat(night.quietUntil(Instant.parse("2026-12-02T03:30:00Z"))).isEmpty();
    }

    @Test
    void quietHoursWithinOneDay() {
        AlertSettings lunch = quiet("12:00", "14:00");
        assertThat(lunch.quietUntil(Instant.parse("2026-12-01T09:00:00Z")))
                .contains(Instant.parse("2026-12-01T10:30:00Z"));
        assertThat(lunch.quietUntil(Instant.parse("2026-12-01T11:00:00Z"))).isEmpty();
        assertThat(AlertSettings.defaults(ALICE).quietUntil(Instant.parse("2026-12-01T11:00:00Z")))
                .isEmpty();
    }

    @Test
    void kindsAndMinimumDecide() {
        AlertSettings s =
                AlertSettings.defaults(ALICE).withMinAmountMinor(10_000).withKind(AlertKind.FEE, false);
        assertThat(s.wants(AlertKind.INCOMING, 10_000)).isTrue();
        assertThat(s.wants(AlertKind.INCOMING, 9_999)).isFalse();
        assertThat(s.wants(AlertKind.FEE, 50_000)).isFalse();
        assertThat(s.withAll(false).wants(AlertKind.OUTGOING, 1_000_000)).isFalse();
        assertThat(s.withAll(false).withAll(true).kinds()).isEqualTo(Set.of(AlertKind.values()));
    }

    /** Issue 17, 1.7: X may carry alerts, by DM (never a tweet); bad values are refused. */
    @Test
    void xMayBePreferredForItsDmsAndBadValuesAreRefused() {
        assertThat(AlertSettings.defaults(ALICE).withPreferredChannel(Network.X).preferredChannel())
                .isEqualTo(Network.X);
        assertThat(AlertSettings.defaults(ALICE)
                        .withPreferredChannel(Network.WECHAT)
                        .preferredChannel())
                .isEqualTo(Network.WECHAT);
        assertThatThrownBy(() -> AlertSettings.defaults(ALICE).withMinAmountMinor(-1))
                .hasMessage("min_amount_negative");
        assertThatThrownBy(() -> quiet("07:00", "07:00")).hasMessage("quiet_hours_invalid");
    }

    /** Issue 17, 1.8: the preferred network first, then her chat order, then the rest. */
    @Test
    void theChatOrderRanksTheNetworksAfterThePreferredOne() {
        AlertSettings s = AlertSettings.defaults(ALICE)
                .withPreferredChannel(Network.TELEGRAM)
                .withChatOrder(java.util.List.of(Network.WHATSAPP, Network.TELEGRAM, Network.WHATSAPP, Network.X));
        assertThat(s.chatOrder())
                .as("each network once")
                .containsExactly(Network.WHATSAPP, Network.TELEGRAM, Network.X);
        assertThat(s.rank(Network.TELEGRAM)).isZero();
        assertThat(s.rank(Network.WHATSAPP)).isEqualTo(1);
        assertThat(s.rank(Network.X)).isEqualTo(3);
        assertThat(s.rank(Network.BALE)).isEqualTo(4).isEqualTo(s.rank(Network.WEBCHAT));
        assertThat(s.withMinAmountMinor(5)
                        .withQuietHours(LocalTime.NOON, LocalTime.MIDNIGHT)
                        .chatOrder())
                .as("kept by every change")
                .isEqualTo(s.chatOrder());
    }
}
