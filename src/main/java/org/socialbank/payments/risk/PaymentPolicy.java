package org.socialbank.payments.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.KycLevel;
import org.socialbank.payments.risk.RiskProperties.ChannelLimits;
import org.socialbank.payments.risk.RiskProperties.Limits;
import org.socialbank.payments.risk.RiskProperties.Thresholds;
import org.socialbank.shared.CurrencyCode;

/**
 * Decides whether a payment attempt is allowed, held for a step-up confirmation or rejected.
 *
 * <p>Limits come first: a payment over a limit is rejected, never held, so a confirmation can
 * never lift a limit. Then the step-up rules. Every rule evaluated leaves a {@link Check}, so the
 * audit explains a pass as well as a hold. Days and months are calendar days and months in the
 * bank's zone; their limits reset at the next local midnight and on the 1st at local midnight.
 */
public final class PaymentPolicy {

    static final String CURRENCY_SUPPORTED = "currency_supported";
    static final String TRANSACTION_LIMIT = "transaction_limit";
    static final String CHANNEL_TRANSACTION_LIMIT = "channel_transaction_limit";
    static final String MONTHLY_LIMIT = "monthly_limit";
    static final String DAILY_LIMIT = "daily_limit";
    static final String CHANNEL_DAILY_LIMIT = "channel_daily_limit";

    private final RiskProperties properties;
    private final ZoneId bankZone;

    public PaymentPolicy(RiskProperties properties, ZoneId bankZone) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.bankZone = Objects.requireNonNull(bankZone, "bankZone");
    }

    /** The decision about one attempt; {@code history} is asked only about the attempt's payer. */
    public Decision assess(Attempt attempt, History history) {
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(history, "history");
        List<Check> checks = new ArrayList<>();
        String code = attempt.currency().code();
        Limits limits = properties.limits().get(attempt.kyc()).get(code);
        Thresholds thresholds = properties.stepUp().get(code);
        if (limits == null || thresholds == null) {
            checks.add(new Check(CURRENCY_SUPPORTED, Check.REJECT, "currency=" + code));
            return new Reject(Reject.CURRENCY_NOT_SUPPORTED, 0, 0, Optional.empty(), checks);
        }
        checks.add(new Check(CURRENCY_SUPPORTED, Check.PASS, "currency=" + code));
        Periods periods = Periods.of(attempt.now(), bankZone);
        Limit breached = null;
        for (Limit limit : limitChecks(attempt, history, limits, periods)) {
            checks.add(limit.check(attempt.amountMinor()));
            if (breached == null && limit.exceededBy(attempt.amountMinor())) {
                breached = limit;
            }
        }
        if (breached != null) {
            return breached.reject(checks);
        }
        Optional<String> reason =
                new StepUpRules(properties, attempt, history, periods.dayStart()).evaluate(thresholds, checks);
        return reason.isPresent() ? new StepUp(reason.get(), checks) : new Allow(checks);
    }

    /**
     * The questions {@link #assess} asks its history about this attempt, with the same periods, so
     * that a store can answer them all in one read before the decision. Pure, like the decision.
     */
    public History.Questions questions(Attempt attempt) {
        Periods periods = Periods.of(attempt.now(), bankZone);
        return new History.Questions(
                attempt.payer(),
                attempt.currency(),
                attempt.channel(),
                periods.monthStart(),
                periods.dayStart(),
                attempt.now().minus(properties.burstWindow()),
                attempt.channelLinkedAt());
    }

    /**
     * The payer's limits in a currency as they stand now (issue 13: "my limits"), in the order a
     * payment meets them, with what is used of each; empty when the currency has no limits (it
     * cannot be paid in). Reads only.
     */
    public List<Standing> standings(
            CustomerId payer, KycLevel kyc, String channel, CurrencyCode currency, Instant now, History history) {
        Limits limits = properties.limits().get(kyc).get(currency.code());
        if (limits == null) {
            return List.of();
        }
        Attempt probe = new Attempt(payer, kyc, channel, 1, currency, false, true, Optional.empty(), now);
        return limitChecks(probe, history, limits, Periods.of(now, bankZone)).stream()
                .map(l -> new Standing(
                        l.rule(), l.limitMinor(), l.usedMinor(), l.resetsAt().orElse(null), l.channel()))
                .toList();
    }

    /**
     * One limit as it stands.
     *
     * @param rule {@code transaction_limit}, {@code channel_transaction_limit}, {@code monthly_limit},
     *     {@code daily_limit} or {@code channel_daily_limit}
     * @param resetsAt when the used part goes back to zero; null for a per-payment limit
     * @param channel the channel a channel limit is for; empty for the others
     */
    public record Standing(String rule, long limitMinor, long usedMinor, Instant resetsAt, String channel) {

        /** What one more payment may still be. */
        public long remainingMinor() {
            return Math.max(0, limitMinor - usedMinor);
        }
    }

    /**
     * The limits that apply to an attempt, in the order a breach is reported: per-transaction
     * limits first (waiting does not help), then the one that resets last, so the answer says
     * when the payment could go through.
     */
    private List<Limit> limitChecks(Attempt attempt, History history, Limits limits, Periods periods) {
        String level = "limits." + attempt.kyc().wireName() + "." + attempt.currency();
        Optional<ChannelLimits> channel = Optional.ofNullable(
                        properties.channelLimits().get(attempt.channel()))
                .map(byCurrency -> byCurrency.get(attempt.currency().code()));
        String channelProperty = "channel-limits." + attempt.channel() + "." + attempt.currency();
        Optional<String> channelName = Optional.of(attempt.channel());
        List<Limit> checks = new ArrayList<>();
        checks.add(new Limit(
                TRANSACTION_LIMIT,
                Reject.EXCEEDS_TRANSACTION_LIMIT,
                minor(limits.perTransaction(), attempt, level + ".per-transaction"),
                0,
                Optional.empty(),
                ""));
        channel.ifPresent(c -> checks.add(new Limit(
                CHANNEL_TRANSACTION_LIMIT,
                Reject.EXCEEDS_CHANNEL_TRANSACTION_LIMIT,
                minor(c.perTransaction(), attempt, channelProperty + ".per-transaction"),
                0,
                Optional.empty(),
                channelName.get())));
        checks.add(new Limit(
                MONTHLY_LIMIT,
                Reject.EXCEEDS_MONTHLY_LIMIT,
                minor(limits.perMonth(), attempt, level + ".per-month"),
                history.sentMinor(attempt.payer(), attempt.currency(), Optional.empty(), periods.monthStart()),
                Optional.of(periods.monthEnd()),
                ""));
        checks.add(new Limit(
                DAILY_LIMIT,
                Reject.EXCEEDS_DAILY_LIMIT,
                minor(limits.perDay(), attempt, level + ".per-day"),
                history.sentMinor(attempt.payer(), attempt.currency(), Optional.empty(), periods.dayStart()),
                Optional.of(periods.dayEnd()),
                ""));
        channel.ifPresent(c -> checks.add(new Limit(
                CHANNEL_DAILY_LIMIT,
                Reject.EXCEEDS_CHANNEL_DAILY_LIMIT,
                minor(c.perDay(), attempt, channelProperty + ".per-day"),
                history.sentMinor(attempt.payer(), attempt.currency(), channelName, periods.dayStart()),
                Optional.of(periods.dayEnd()),
                channelName.get())));
        return checks;
    }

    private static long minor(BigDecimal major, Attempt attempt, String property) {
        return RiskProperties.minor(major, attempt.currency(), property);
    }

    /** One limit as it stands for the payer: what it allows and what is already used of it. */
    private record Limit(
            String rule, String code, long limitMinor, long usedMinor, Optional<Instant> resetsAt, String channel) {

        boolean exceededBy(long amountMinor) {
            // limit - used cannot overflow: both are non-negative
            return amountMinor > limitMinor - usedMinor;
        }

        Check check(long amountMinor) {
            String detail = "amountMinor=" + amountMinor + " usedMinor=" + usedMinor + " limitMinor=" + limitMinor
                    + resetsAt.map(at -> " resetsAt=" + at).orElse("")
                    + (channel.isEmpty() ? "" : " channel=" + channel);
            return new Check(rule, exceededBy(amountMinor) ? Check.REJECT : Check.PASS, detail);
        }

        Reject reject(List<Check> checks) {
            return new Reject(code, limitMinor, usedMinor, resetsAt, checks);
        }
    }

    /** The local calendar day and month of an instant, as instants; a day starts at local midnight. */
    record Periods(Instant dayStart, Instant dayEnd, Instant monthStart, Instant monthEnd) {

        static Periods of(Instant now, ZoneId zone) {
            LocalDate today = now.atZone(zone).toLocalDate();
            LocalDate firstOfMonth = today.withDayOfMonth(1);
            return new Periods(
                    today.atStartOfDay(zone).toInstant(),
                    today.plusDays(1).atStartOfDay(zone).toInstant(),
                    firstOfMonth.atStartOfDay(zone).toInstant(),
                    firstOfMonth.plusMonths(1).atStartOfDay(zone).toInstant());
        }
    }
}
