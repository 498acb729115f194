package org.socialbank.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.ledger.Ledger;

/**
 * The alerts follower's beat (issue 22): a busy journal is followed in small rounds, one right
 * after another that found postings, so a payer's alerts do not pile up for two seconds and then
 * queue in her chat ahead of her next reply; a quiet journal is looked at every follow-interval.
 */
class FollowerBeatUnitTests {

    private static final Duration IDLE = Duration.ofSeconds(2);

    @Test
    void aRoundThatFoundPostingsIsFollowedAtTheNextTick() {
        assertThat(TransactionAlerts.roundDue(true, Duration.ofMillis(250), IDLE))
                .isTrue();
        assertThat(TransactionAlerts.roundDue(true, Duration.ZERO, IDLE)).isTrue();
    }

    @Test
    void afterAnEmptyRoundTheNextWaitsForTheIdleInterval() {
        assertThat(TransactionAlerts.roundDue(false, Duration.ofMillis(250), IDLE))
                .isFalse();
        assertThat(TransactionAlerts.roundDue(false, Duration.ofMillis(1_999), IDLE))
                .isFalse();
        assertThat(TransactionAlerts.roundDue(false, IDLE, IDLE)).isTrue();
        assertThat(TransactionAlerts.roundDue(false, Duration.ofSeconds(30), IDLE))
                .isTrue();
    }

    @Test
    void theBusyIntervalIsAtMostTheIdleOneAndNotTooShort() {
        assertThat(properties(IDLE, Duration.ofMillis(250)).followIntervalBusy())
                .isEqualTo(Duration.ofMillis(250));
        assertThat(properties(IDLE, IDLE).followIntervalBusy()).isEqualTo(IDLE);
        assertThatThrownBy(() -> properties(IDLE, Duration.ofSeconds(3))).hasMessageContaining("follow-interval-busy");
        assertThatThrownBy(() -> properties(IDLE, Duration.ofMillis(5))).hasMessageContaining("follow-interval-busy");
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: batch-max is checked at start against the ledger's journal"
            + " page, not against the API's statement page")
    void theBatchIsBoundByTheLedgersJournalPage() {
        assertThat(properties(Ledger.JOURNAL_PAGE_MAX).batchMax()).isEqualTo(Ledger.JOURNAL_PAGE_MAX);
        assertThatThrownBy(() -> properties(Ledger.JOURNAL_PAGE_MAX + 1))
                .hasMessageContaining("socialbank.alerts.batch-max must be 1.." + Ledger.JOURNAL_PAGE_MAX);
        assertThatThrownBy(() -> properties(0)).hasMessageContaining("batch-max");
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: the SMS reports' own interval and a round's time budget are"
            + " checked at start")
    void theSmsReportsIntervalAndRoundTimeAreBounded() {
        Duration recheck = Duration.ofMinutes(5);
        Duration waitMax = Duration.ofDays(3);
        assertThat(new AlertsProperties.SmsReports(recheck, waitMax, 50, Duration.ofSeconds(30), Duration.ofSeconds(20))
                        .roundTimeMax())
                .isEqualTo(Duration.ofSeconds(20));
        assertThatThrownBy(() ->
                        new AlertsProperties.SmsReports(recheck, waitMax, 50, Duration.ZERO, Duration.ofSeconds(20)))
                .hasMessageContaining("socialbank.alerts.sms-reports.interval must be 1s..1h");
        assertThatThrownBy(() -> new AlertsProperties.SmsReports(
                        recheck, waitMax, 50, Duration.ofSeconds(30), Duration.ofMillis(10)))
                .hasMessageContaining("socialbank.alerts.sms-reports.round-time-max must be 1s..10m");
    }

    private static AlertsProperties properties(Duration idle, Duration busy) {
        return new AlertsProperties(
                true, idle, busy, Duration.ofSeconds(5), 200, "08:00", true, null, null, Duration.ofMinutes(30), null);
    }

    private static AlertsProperties properties(int batchMax) {
        return new AlertsProperties(
                true,
                IDLE,
                IDLE,
                Duration.ofSeconds(5),
                batchMax,
                "08:00",
                true,
                null,
                null,
                Duration.ofMinutes(30),
                null);
    }
}
