package org.socialbank.payments.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialbank.payments.risk.RiskProperties.Thresholds;

/** The step-up rules, evaluated in order for an attempt within its limits; each leaves a check. */
final class StepUpRules {

    private final RiskProperties properties;
    private final Attempt attempt;
    private final History history;
    private final Instant dayStart;

    StepUpRules(RiskProperties properties, Attempt attempt, History history, Instant dayStart) {
        this.properties = properties;
        this.attempt = attempt;
        this.history = history;
        this.dayStart = dayStart;
    }

    /** Adds one check per rule; answers the first rule that fired, if any. */
    Optional<String> evaluate(Thresholds thresholds, List<Check> checks) {
        checks.add(aboveThreshold(thresholds));
        checks.add(newPayeeAboveThreshold(thresholds));
        checks.add(manyNewPayees());
        checks.add(paymentBurst());
        checks.add(firstAfterNewChannel());
        return checks.stream()
                .filter(c -> Check.STEP_UP.equals(c.outcome()))
                .map(Check::rule)
                .findFirst();
    }

    private Check aboveThreshold(Thresholds thresholds) {
        long threshold = minor(thresholds.above(), "above");
        return check(
                StepUp.ABOVE_THRESHOLD,
                attempt.amountMinor() > threshold,
                "amountMinor=" + attempt.amountMinor() + " thresholdMinor=" + threshold);
    }

    private Check newPayeeAboveThreshold(Thresholds thresholds) {
        long threshold = minor(thresholds.newPayeeAbove(), "new-payee-above");
        return check(
                StepUp.NEW_PAYEE_ABOVE_THRESHOLD,
                attempt.newPayee() && attempt.amountMinor() > threshold,
                "newPayee=" + attempt.newPayee() + " payeeIsCustomer=" + attempt.payeeIsCustomer() + " amountMinor="
                        + attempt.amountMinor() + " thresholdMinor=" + threshold);
    }

    /** Counts this payment's payee too: the (max + 1)th new payee of a local day is held. */
    private Check manyNewPayees() {
        if (!attempt.newPayee()) {
            return check(StepUp.MANY_NEW_PAYEES, false, "newPayee=false");
        }
        int today = history.newPayeesSince(attempt.payer(), dayStart) + 1;
        return check(
                StepUp.MANY_NEW_PAYEES,
                today > properties.newPayeesPerDayMax(),
                "newPayeesToday=" + today + " max=" + properties.newPayeesPerDayMax() + " since=" + dayStart);
    }

    /** Counts this payment too: the (max + 1)th payment within the window is held. */
    private Check paymentBurst() {
        Instant from = attempt.now().minus(properties.burstWindow());
        int inWindow = history.paymentsSince(attempt.payer(), from) + 1;
        return check(
                StepUp.PAYMENT_BURST,
                inWindow > properties.burstPaymentsMax(),
                "paymentsInWindow=" + inWindow + " max=" + properties.burstPaymentsMax() + " window="
                        + properties.burstWindow());
    }

    /**
     * A payment asked for in a linked channel is held while the channel is new: within the window
     * after it was linked, and after that until {@code new-channel-confirmations-min} payments asked
     * for in it have been confirmed on the bank's page (security review #4: a payment merely waiting for its confirmation proves
     * nothing, so it must not switch the rule off). P2P and billing's confirmations count alike: the
     * history adds them up, so the audit's {@code confirmedSinceLink} is their sum. They are asked
     * only when they can decide: not within the window (held whatever they are), nor with
     * {@code new-channel-confirmations-min} 0.
     */
    private Check firstAfterNewChannel() {
        if (attempt.channelLinkedAt().isEmpty()) {
            return check(StepUp.FIRST_AFTER_NEW_CHANNEL, false, "channelLinkedAt=none");
        }
        Instant linkedAt = attempt.channelLinkedAt().get();
        boolean recent = attempt.now().isBefore(linkedAt.plus(properties.newChannelWindow()));
        int needed = properties.newChannelConfirmationsMin();
        String where = "channel=" + attempt.channel() + " channelLinkedAt=" + linkedAt + " window="
                + properties.newChannelWindow();
        if (recent || needed == 0) {
            // the confirmations cannot change the outcome: not asked (each module's count is a read)
            return check(
                    StepUp.FIRST_AFTER_NEW_CHANNEL,
                    recent,
                    where + " confirmedSinceLink=" + (recent ? "unasked-within-window" : "unasked")
                            + " confirmationsMin=" + needed);
        }
        int confirmed = history.confirmedSince(attempt.payer(), attempt.channel(), linkedAt);
        return check(
                StepUp.FIRST_AFTER_NEW_CHANNEL,
                confirmed < needed,
                where + " confirmedSinceLink=" + confirmed + " confirmationsMin=" + needed);
    }

    private long minor(BigDecimal major, String field) {
        return RiskProperties.minor(major, attempt.currency(), "step-up." + attempt.currency() + "." + field);
    }

    private static Check check(String rule, boolean fired, String detail) {
        return new Check(rule, fired ? Check.STEP_UP : Check.PASS, detail);
    }
}
