package org.socialbank.alerts;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.alerts.jdbc.JdbcAlertSms;
import org.socialbank.alerts.jdbc.JdbcAlertSms.AcceptedSms;
import org.socialbank.notifications.BudgetedSms;
import org.socialbank.notifications.SmsReport;
import org.springframework.stereotype.Component;

/**
 * The janitor of alert SMS the gateway accepted (review 2026-12-07 alerts follow-up): an ACCEPTED
 * row (the gateway's PENDING: taken, a report to come) was left so forever, so nobody learnt
 * whether the alert reached the phone, nor that it failed. Each round, in the follower's schedule,
 * takes the accepted SMS untouched for {@code sms-reports.recheck-after}, at most {@code
 * sms-reports.batch-max}, and asks the gateway ({@link BudgetedSms#status}, no budget taken):
 * delivered is SUCCEEDED, failed is FAILED with the gateway's reason, an id it does not know is
 * UNKNOWN; no report yet leaves the row ACCEPTED until {@code sms-reports.wait-max} after it was
 * queued, then it is UNKNOWN. A row is claimed by moving its {@code updated_at} (conditional on
 * it being as read), so two nodes never both ask. Every answer is counted in {@value #COUNTER}
 * by outcome ({@code delivered}, {@code failed}, {@code unknown_id}, {@code still_pending}, and
 * {@code no_report} for one given up on), and each SMS that ends FAILED or UNKNOWN is logged with
 * its alert's id.
 */
@Component
class AlertSmsReports {

    static final String COUNTER = "socialbank.alerts.sms.reports";
    private static final Logger log = LoggerFactory.getLogger(AlertSmsReports.class);

    private final JdbcAlertSms store;
    private final BudgetedSms gateway;
    private final AlertsProperties.SmsReports settings;
    private final Clock clock;
    private final MeterRegistry meters;

    AlertSmsReports(
            JdbcAlertSms store, BudgetedSms gateway, AlertsProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.gateway = gateway;
        this.settings = properties.smsReports();
        this.clock = clock;
        this.meters = meters;
    }

    /** Asks the gateway about the accepted SMS due, outside any transaction; answers how many it asked about. */
    int recheck() {
        Instant before = clock.instant().minus(settings.recheckAfter());
        int asked = 0;
        for (AcceptedSms sms : store.acceptedSms(before, settings.batchMax())) {
            if (!store.claimReport(sms.alertId(), before, clock.instant())) {
                continue; // another node asks about it, or its report came meanwhile
            }
            asked++;
            settle(sms, ask(sms));
        }
        return asked;
    }

    /** The gateway's report; a gateway that throws (its contract says answer) has told nothing yet. */
    private SmsReport ask(AcceptedSms sms) {
        if (sms.deliveryId() == null) {
            return SmsReport.unknownId(); // an accepted row always has the gateway's id (V85); none can be asked
        }
        try {
            return gateway.status(sms.deliveryId());
        } catch (RuntimeException e) {
            log.warn(
                    "alert SMS {}: the gateway could not be asked for its report; asked again later", sms.alertId(), e);
            return SmsReport.stillPending();
        }
    }

    private void settle(AcceptedSms sms, SmsReport report) {
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

    private void move(AcceptedSms sms, String status, String reason, String outcome, Instant now) {
        count(outcome);
        if (!store.reportSms(sms.alertId(), status, reason, now)) {
            return; // no longer ACCEPTED: settled by another path meanwhile
        }
        if (reason != null) {
            log.warn("alert SMS {} (delivery {}) is {}: {}", sms.alertId(), sms.deliveryId(), status, reason);
        }
    }

    private void count(String outcome) {
        meters.counter(COUNTER, "outcome", outcome).increment();
    }
}
