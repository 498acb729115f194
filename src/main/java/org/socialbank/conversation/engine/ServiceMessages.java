package org.socialbank.conversation.engine;

import java.util.Optional;
import org.socialbank.alerts.PublicNetworks;
import org.socialbank.conversation.Outbound;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.loyalty.PointsRedeemed;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the customer's private chat what a service did after the chat (issue 16): points redeemed
 * on the bank's page, or not (refused then, or never confirmed). Written to the outbox in the transaction that did it, so once; no private
 * chat (or only a public network's): nothing is written.
 */
@Component
class ServiceMessages {

    private final PaymentAlerts alerts;
    private final Outbox outbox;
    private final Directory directory;
    private final MessageTexts texts;

    ServiceMessages(PaymentAlerts alerts, Outbox outbox, Directory directory, MessageTexts texts) {
        this.alerts = alerts;
        this.outbox = outbox;
        this.directory = directory;
        this.texts = texts;
    }

    @EventListener
    void on(PointsRedeemed redeemed) {
        Language language = language(redeemed.customerId());
        send(
                redeemed.customerId(),
                texts.text(
                        language,
                        "loyalty.chat.redeemed",
                        java.text.NumberFormat.getIntegerInstance(language.locale())
                                .format(redeemed.points()),
                        MoneyFormat.format(redeemed.amountMinor(), redeemed.currency(), language.locale()),
                        redeemed.maskedNumber()));
    }

    /** A redemption confirmed on the bank's page (or left there) redeemed nothing: why, and that nothing was spent. */
    @EventListener
    void on(org.socialbank.loyalty.PointsNotRedeemed notRedeemed) {
        Language language = language(notRedeemed.customerId());
        send(
                notRedeemed.customerId(),
                texts.text(
                        language,
                        "loyalty.chat.redeem.not_done",
                        java.text.NumberFormat.getIntegerInstance(language.locale())
                                .format(notRedeemed.points()),
                        texts.text(language, notRedeemedKey(notRedeemed.reason()))));
    }

    static String notRedeemedKey(String reason) {
        return "loyalty.chat.redeem.reason."
                + switch (reason) {
                    case "insufficient_points",
                            "nothing_owed",
                            "exceeds_amount_owed",
                            "expired",
                            "too_many_attempts",
                            "cancelled" -> reason;
                    case "confirmation_mismatch", "card_not_found", "no_credit_card" -> "card_changed";
                    default -> "other";
                };
    }

    /** A voucher order ended: ready (the code on the bank's page), failed and the points back, or refused. */
    @EventListener
    void on(org.socialbank.loyalty.VoucherOrderEnded ended) {
        Language language = language(ended.customerId());
        String points =
                java.text.NumberFormat.getIntegerInstance(language.locale()).format(ended.points());
        switch (ended.status()) {
            case ISSUED ->
                send(
                        ended.customerId(),
                        new Outbound.Link(
                                texts.text(
                                        language,
                                        "loyalty.chat.voucher.issued",
                                        points,
                                        ended.partner(),
                                        ended.rewardName()),
                                texts.text(language, "loyalty.chat.voucher.code_button"),
                                ended.codeUrl()));
            case FAILED ->
                send(
                        ended.customerId(),
                        texts.text(
                                language,
                                "loyalty.chat.voucher.failed",
                                ended.partner(),
                                ended.rewardName(),
                                reason(language, ended.reason()),
                                points));
            case REFUSED ->
                send(
                        ended.customerId(),
                        texts.text(
                                language,
                                org.socialbank.loyalty.PointsRefusal.ACCOUNT_UNAVAILABLE
                                                .code()
                                                .equals(ended.reason())
                                        ? "loyalty.chat.voucher.refused.account_unavailable"
                                        : "loyalty.chat.voucher.refused",
                                ended.rewardName(),
                                points));
            default -> {}
        }
    }

    /** The partner's reason in the customer's words when it is a known one, else as the partner wrote it. */
    private String reason(Language language, String reason) {
        return reason != null && KNOWN_VOUCHER_REASONS.contains(reason)
                ? texts.text(language, "loyalty.chat.voucher.reason." + reason)
                : String.valueOf(reason);
    }

    static final java.util.List<String> KNOWN_VOUCHER_REASONS =
            java.util.List.of("out_of_stock", "not_received", "unknown_reward");

    /** An application's new status (not "started": the chat got the form's link itself). */
    @EventListener
    void on(org.socialbank.applications.ApplicationStatusChanged changed) {
        if (changed.status() == org.socialbank.applications.ApplicationStatus.STARTED) {
            return;
        }
        Language language = language(changed.customerId());
        String text = texts.text(
                language,
                "applications.chat.changed." + changed.status().wireName(),
                texts.text(language, "applications.product." + changed.product().wireName()),
                changed.reason());
        if (!changed.reasons().isEmpty()) { // the underwriting decided: say why, in the customer's words
            text += "\n"
                    + texts.text(
                            language,
                            "applications.chat.reasons",
                            String.join(
                                    " ",
                                    changed.reasons().stream()
                                            .map(r -> texts.text(language, "applications.reason." + r))
                                            .toList()));
        } else if (changed.status() == org.socialbank.applications.ApplicationStatus.DECLINED
                && changed.reason() != null) {
            // staff declined with a reason (review 2026-12-07 branches #3): shown as they wrote it, in
            // whatever language they wrote it, quoted after a "Reason:" in hers; private chats only (send)
            text += "\n" + texts.text(language, "applications.chat.staff_reason", changed.reason());
        }
        if (changed.formUrl() != null) { // the bank asks for more: the form opens again
            send(
                    changed.customerId(),
                    new Outbound.Link(text, texts.text(language, "applications.chat.button"), changed.formUrl()));
            return;
        }
        send(changed.customerId(), text);
    }

    /** A loan paid out: the amount, the instalments and the schedule (the first twelve, then the last). */
    @EventListener
    void on(org.socialbank.applications.LoanDisbursed paid) {
        Language language = language(paid.customerId());
        java.util.Locale locale = language.locale();
        java.util.List<org.socialbank.applications.Annuity.Instalment> schedule = paid.schedule();
        java.text.NumberFormat percent = java.text.NumberFormat.getPercentInstance(locale);
        percent.setMaximumFractionDigits(2);
        StringBuilder text = new StringBuilder(texts.text(
                language,
                "loans.chat.disbursed",
                MoneyFormat.format(paid.principalMinor(), paid.currency(), locale),
                number(schedule.size(), locale),
                MoneyFormat.format(schedule.get(0).totalMinor(), paid.currency(), locale),
                percent.format(java.math.BigDecimal.valueOf(paid.annualRateBasisPoints(), 4))));
        for (org.socialbank.applications.Annuity.Instalment i : schedule.subList(0, Math.min(12, schedule.size()))) {
            text.append('\n')
                    .append(texts.text(
                            language,
                            "loans.chat.schedule.line",
                            number(i.number(), locale),
                            day(i.dueOn(), locale),
                            MoneyFormat.format(i.totalMinor(), paid.currency(), locale)));
        }
        if (schedule.size() > 12) {
            org.socialbank.applications.Annuity.Instalment last = schedule.get(schedule.size() - 1);
            text.append('\n')
                    .append(texts.text(
                            language,
                            "loans.chat.schedule.more",
                            number(schedule.size() - 12, locale),
                            day(last.dueOn(), locale),
                            MoneyFormat.format(last.totalMinor(), paid.currency(), locale)));
        }
        send(paid.customerId(), text.toString());
    }

    @EventListener
    void on(org.socialbank.applications.InstalmentCollected collected) {
        Language language = language(collected.customerId());
        java.util.Locale locale = language.locale();
        send(
                collected.customerId(),
                texts.text(
                        language,
                        "loans.chat.collected",
                        number(collected.number(), locale),
                        number(collected.termMonths(), locale),
                        MoneyFormat.format(collected.amountMinor(), collected.currency(), locale)));
    }

    @EventListener
    void on(org.socialbank.applications.InstalmentMissed missed) {
        Language language = language(missed.customerId());
        java.util.Locale locale = language.locale();
        send(
                missed.customerId(),
                texts.text(
                        language,
                        MISSED_REASONS.contains(missed.reason())
                                ? "loans.chat.missed." + missed.reason()
                                : "loans.chat.missed", // not enough money
                        number(missed.number(), locale),
                        MoneyFormat.format(missed.amountMinor(), missed.currency(), locale),
                        day(missed.dueOn(), locale)));
    }

    /** Ledger refusals of an instalment told in their own words (any other: not enough money). */
    static final java.util.Set<String> MISSED_REASONS = java.util.Set.of("account_frozen", "account_closed");

    /** Reasons an approval was not fulfilled told in their own words (any other: "the bank could not"). */
    static final java.util.Set<String> UNFULFILLED_REASONS =
            java.util.Set.of("account_frozen", "account_closed", "no_account");

    /**
     * An approved loan not paid out or card not issued: why, and whether the bank tries again or
     * calls her. A cause on the bank's side (its own loan account frozen) is not hers: she hears only
     * that it is being completed and she need do nothing (review 2026-12-07 applications follow-up).
     */
    @EventListener
    void on(org.socialbank.applications.ApplicationNotFulfilled not) {
        Language language = language(not.customerId());
        if (not.bankSide()) {
            send(
                    not.customerId(),
                    texts.text(
                            language,
                            "applications.chat.unfulfilled.completing."
                                    + not.product().wireName()));
            return;
        }
        String why = texts.text(
                language,
                "applications.unfulfilled.reason."
                        + (UNFULFILLED_REASONS.contains(not.reason()) ? not.reason() : "other"));
        String next = texts.text(
                language,
                not.retried() ? "applications.chat.unfulfilled.retried" : "applications.chat.unfulfilled.staff");
        send(
                not.customerId(),
                texts.text(
                        language,
                        "applications.chat.unfulfilled." + not.product().wireName(),
                        why,
                        next));
    }

    private static String number(long n, java.util.Locale locale) {
        return java.text.NumberFormat.getIntegerInstance(locale).format(n);
    }

    private static String day(java.time.LocalDate date, java.util.Locale locale) {
        return org.socialbank.shared.Dates.date(date.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC), locale);
    }

    private Language language(CustomerId customer) {
        return directory.customer(customer).map(v -> v.customer().language()).orElse(Language.EN);
    }

    private void send(CustomerId customer, String text) {
        send(customer, new Outbound.Text(text));
    }

    private void send(CustomerId customer, Outbound message) {
        Optional<JdbcConversations.Chat> chat =
                alerts.preferredChat(customer).filter(c -> !PublicNetworks.isPublic(c.channel()));
        chat.ifPresent(c -> outbox.write(c, message));
    }
}
