package org.socialbank.alerts;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.alerts.jdbc.JdbcAlertSms;
import org.socialbank.alerts.jdbc.JdbcAlertSms.AwaitingSms;
import org.socialbank.notifications.BudgetedSms;
import org.socialbank.notifications.SmsReport;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The janitor of alert SMS awaiting a delivery report (review 2026-12-07 alerts follow-up): an
 * ACCEPTED row (the gateway's PENDING: taken, a report to come) was left so forever, so nobody
 * learnt whether the alert reached the phone, nor that it failed; so was an UNKNOWN one the
 * gateway gave its id of. It runs on its own schedule, every {@code sms-reports.interval}, never
 * in the follower's round: a slow or hanging report API must not hold the alerts of new postings
 * (money out may be fraud) behind questions about old SMS. A round takes the SMS awaiting a report
 * untouched for {@code sms-reports.recheck-after}, at most {@code sms-reports.batch-max}, and asks
 * the gateway ({@link BudgetedSms#status}, no budget taken) until {@code sms-reports.round-time-max}
 * is spent: delivered is SUCCEEDED, failed is FAILED with the gateway's reason, an id it does not
 * know is UNKNOWN; no report yet leaves the row as it is until {@code sms-reports.wait-max} after
 * it was queued, then it is UNKNOWN for good. A settled row awaits nothing more and is never asked
 * about again. A row is claimed by moving its {@code updated_at} (conditional on it being as
 * read), so two nodes never both ask. Every answer is counted in {@value #COUNTER} by outcome
 * ({@code delivered}, {@code failed}, {@code unknown_id}, {@code still_pending}, {@code no_report}
 * for one given up on, and {@code round_cut} for a round that spent its time), and each SMS that
 * ends FAILED or UNKNOWN is logged with its alert's id.
 */
@Component
class AlertSmsReports {

    static final String COUNTER = "socialbank.alerts.sms.reports";
    private static final Logger log = LoggerFactory.getLogger(AlertSmsReports.class);

    private final JdbcAlertSms store;
    private final BudgetedSms gateway;
    private final AlertsProperties properties;
    private final AlertsProperties.SmsReports settings;
    private final Clock clock;
    private final MeterRegistry meters;

    AlertSmsReports(
            JdbcAlertSms store, BudgetedSms gateway, AlertsProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.gateway = gateway;
        this.properties = properties;
        this.settings = properties.smsReports();
        this.clock = clock;
        this.meters = meters;
    }

    /** Its own beat, on the nodes that follow the journal; a failed round is taken again at the next. */
    @Scheduled(
            fixedDelayString = "${socialbank.alerts.sms-reports.interval:30s}",
            initialDelayString = "${socialbank.alerts.sms-reports.interval:30s}")
    void scheduled() {
        if (!properties.followerEnabled()) {
            return;
        }
        try {
            recheck();
        } catch (RuntimeException e) {
            log.warn("alert SMS reports: this round failed; the next one takes it again", e);
        }
    }

    /** Asks the gateway about the SMS due, outside any transaction; answers how many it asked about. */
    int recheck() {
        return recheck(settings.roundTimeMax());
    }

    /** {@link #recheck()} within {@code timeMax}: once it is spent, no further question is asked. */
    int recheck(Duration timeMax) {
        Instant started = clock.instant();
        Instant before = started.minus(settings.recheckAfter());
        Instant deadline = started.plus(timeMax);
        int asked = 0;
        for (AwaitingSms sms : store.awaitingReport(before, settings.batchMax())) {
            if (!clock.instant().isBefore(deadline)) {
                count("round_cut"); // the rest stays due, untouched, for the next round
                log.warn(
                        "alert SMS reports: round-time-max {} spent after {} questions; the rest waits",
                        timeMax,
                        asked);
                break;
            }
            if (!store.claimReport(sms.alertId(), before, clock.instant())) {
                continue; // another node asks about it, or its report came meanwhile
            }
            asked++;
            settle(sms, ask(sms));
        }
        return asked;
    }

    /** The gateway's report; a gateway that throws (its contract says answer) has told nothing yet. */
    private SmsReport ask(AwaitingSms sms) {
        try {
            return gateway.status(sms.deliveryId());
        } catch (RuntimeException e) {
            log.warn(
                    "alert SMS {}: the gateway could not be asked for its report; asked again later", sms.alertId(), e);
            return SmsReport.stillPending();
        }
    }

    private void settle(AwaitingSms sms, SmsReport report) {
        Instant now = clock.instant();
        if (report instanceof SmsReport.Delivered) {
            move(sms, "SUCCEEDED", null, "delivered", now);
        } else if (report instanceof SmsReport.Failed failed) {
            move(sms, "FAILED", failed.reason(), "failed", now);
        } else if (report instanceof SmsReport.UnknownId) {
            move(sms, "UNKNOWN", "the gateway knows no message " + sms.deliveryId(), "unknown_id", now);
        } else if (!now.isBefore(sms.queuedAt().plus(settings.waitMax()))) {
            move(sms, "UNKNOWN", "no delivery report within " + settings.waitMax(), "no_report", now);
        } else {
            count("still_pending");
        }
    }

    private void move(AwaitingSms sms, String status, String reason, String outcome, Instant now) {
        count(outcome);
        if (!store.reportSms(sms.alertId(), status, reason, now)) {
            return; // awaits no report any more: settled by another path meanwhile
        }
        if (reason != null) {
            log.warn(
                    "alert SMS {} (delivery {}, {}) is {}: {}",
                    sms.alertId(),
                    sms.deliveryId(),
                    sms.status(),
                    status,
                    reason);
        }
    }

    private void count(String outcome) {
        meters.counter(COUNTER, "outcome", outcome).increment();
    }
}
