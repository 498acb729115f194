package org.socialbank.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.alerts.jdbc.AlertRow;
import org.socialbank.alerts.jdbc.JdbcAlertSms;
import org.socialbank.directory.Alias;
import org.socialbank.directory.Directory;
import org.socialbank.notifications.BudgetedSms;
import org.socialbank.notifications.DeliveryStatus;
import org.socialbank.notifications.SmsDelivery;
import org.socialbank.notifications.SmsMessage;
import org.socialbank.shared.Dates;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * SMS as the last resort of an alert (issue 17): only when no private chat can carry it, only for
 * the configured kinds (money out by default), only from the configured amount of its currency,
 * only to the customer's verified phone. The SMS says the amount, what it was and when: no
 * balance, no name, no link (it is read on lock screens, and an SMS link is what phishing looks
 * like). It is queued in {@code alert_sms} in the transaction that decided it, then sent through
 * the budgeted SMS gateway (the developer inbox until one is configured): claimed by one node
 * (PENDING to SENDING), HANDED with the budgets' take just before the gateway is called, then what
 * the gateway answered, ACCEPTED (its PENDING: it took the message and will report later),
 * SUCCEEDED, FAILED or UNKNOWN, never sent twice; an ACCEPTED one learns its delivery from {@link
 * AlertSmsReports}. PENDING is the outbox's "not sent yet" only: a
 * message the gateway accepted is never PENDING again (review 2026-12-07 alerts #1). A claim that
 * failed before the gateway was called (the budgets could not be counted) goes back to PENDING,
 * since nothing left (alerts #2); when even that fails (the store is down), the claim is abandoned
 * after {@link #ABANDONED_AFTER} and, never HANDED, queued again; only a HANDED one becomes UNKNOWN
 * (alerts follow-up #1).
 */
@Component
class AlertSms {

    private static final Logger log = LoggerFactory.getLogger(AlertSms.class);
    /** A claimed SMS unanswered this long belonged to a node that stopped. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private final JdbcAlertSms store;
    private final Directory directory;
    private final MessageSource messages;
    private final BudgetedSms gateway;
    private final AlertsProperties properties;
    private final Clock clock;

    AlertSms(
            JdbcAlertSms store,
            Directory directory,
            MessageSource messages,
            BudgetedSms gateway,
            AlertsProperties properties,
            Clock clock) {
        this.store = store;
        this.directory = directory;
        this.messages = messages;
        this.gateway = gateway;
        this.properties = properties;
        this.clock = clock;
    }

    /** Queues the alert as an SMS in the caller's transaction when it is worth one; answers whether it did. */
    boolean queue(AlertRow row, Language language, ZoneId zone, Instant now) {
        if (!properties.smsWorth(row.kind(), row.currency().code(), row.amountMinor())) {
            return false;
        }
        Optional<Alias> phone = directory.phoneOnFile(row.customerId());
        if (phone.isEmpty() || !SmsMessage.isE164(phone.get().value())) {
            return false;
        }
        store.insertSms(row.id(), row.customerId(), phone.get().value(), text(row, language, zone), now);
        return true;
    }

    /** The SMS of an alert: kind, amount and time in her zone, nothing that would help someone else. */
    String text(AlertRow row, Language language, ZoneId zone) {
        String amount = MoneyFormat.format(row.amountMinor(), row.currency(), language.locale());
        String time = Dates.dateTime(row.postedAt(), language.locale(), zone);
        return messages.getMessage(
                "alerts.sms." + row.kind().wireName(), new Object[] {amount, time}, language.locale());
    }

    /** Sends the pending SMS, one claim at a time outside any transaction; answers how many it sent. */
    int sendPending() {
        Instant now = clock.instant();
        store.abandonSms(now.minus(ABANDONED_AFTER), properties.batchMax());
        List<JdbcAlertSms.PendingSms> pending = store.pendingSms(properties.batchMax());
        int sent = 0;
        for (JdbcAlertSms.PendingSms sms : pending) {
            UUID claim = UUID.randomUUID();
            if (!store.claimSms(sms.alertId(), claim, clock.instant())) {
                continue;
            }
            if (!settle(sms, claim)) {
                return sent; // the store is failing: the rest waits for the next round, queued
            }
            sent++;
        }
        return sent;
    }

    /** Sends a claimed SMS and records the answer; false when it went back to the queue unsent. */
    private boolean settle(JdbcAlertSms.PendingSms sms, UUID claim) {
        BudgetedSms.Outcome outcome;
        try {
            outcome = gateway.send(
                    new SmsMessage(sms.toE164(), sms.text()), Optional.empty(), () -> handOver(sms, claim));
        } catch (BudgetedSms.GatewayFailed e) {
            log.warn("alert SMS {}: the gateway failed; whether it left cannot be told", sms.alertId(), e);
            store.settleSms(
                    sms.alertId(),
                    claim,
                    "UNKNOWN",
                    null,
                    cut(String.valueOf(e.getCause().getMessage())),
                    now());
            return true;
        } catch (RuntimeException e) {
            log.warn("alert SMS {}: not handed to the gateway (the store failed); queued again", sms.alertId(), e);
            release(sms, claim);
            return false;
        }
        if (outcome instanceof BudgetedSms.Sent s) {
            SmsDelivery d = s.delivery();
            store.settleSms(
                    sms.alertId(),
                    claim,
                    settled(d.status()),
                    d.id(),
                    d.failureReason().map(AlertSms::cut).orElse(null),
                    now());
        } else {
            store.settleSms(
                    sms.alertId(),
                    claim,
                    "FAILED",
                    null,
                    ((BudgetedSms.Refused) outcome).why().reason(),
                    now());
        }
        return true;
    }

    /**
     * The last write before the gateway is called, in the budgets' transaction: from here on the
     * SMS may have left. A claim abandoned meanwhile (this node stalled past {@link
     * #ABANDONED_AFTER}) is no longer this node's to send: the take is given back, nothing goes.
     */
    private void handOver(JdbcAlertSms.PendingSms sms, UUID claim) {
        if (!store.handSms(sms.alertId(), claim, now())) {
            throw new IllegalStateException("alert SMS " + sms.alertId() + ": the claim was abandoned meanwhile");
        }
    }

    /**
     * Queues a claim that never reached the gateway again. When the store is down this fails too:
     * the row stays SENDING, never HANDED, and {@link JdbcAlertSms#abandonSms} queues it again after
     * {@link #ABANDONED_AFTER} (review 2026-12-07 alerts follow-up #1).
     */
    private void release(JdbcAlertSms.PendingSms sms, UUID claim) {
        try {
            store.releaseSms(sms.alertId(), claim, now());
        } catch (RuntimeException e) {
            log.warn("alert SMS {}: could not be queued again now; it will be once abandoned", sms.alertId(), e);
        }
    }

    private Instant now() {
        return clock.instant();
    }

    /**
     * The row's status for the gateway's answer. The gateway's PENDING (accepted, it will report
     * later) is ACCEPTED here: PENDING means "queued, not sent yet" in this outbox.
     */
    static String settled(DeliveryStatus status) {
        return switch (status) {
            case PENDING -> "ACCEPTED";
            case SUCCEEDED, FAILED, UNKNOWN -> status.name();
        };
    }

    private static String cut(String reason) {
        return reason.length() > SmsDelivery.REASON_LENGTH_MAX
                ? reason.substring(0, SmsDelivery.REASON_LENGTH_MAX)
                : reason;
    }
}
