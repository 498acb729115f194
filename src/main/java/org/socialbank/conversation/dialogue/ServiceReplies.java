package org.socialbank.conversation.dialogue;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import org.socialbank.alerts.PublicNetworks;
import org.socialbank.applications.Application;
import org.socialbank.applications.Applications;
import org.socialbank.applications.Product;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue.Step;
import org.socialbank.conversation.language.ServiceCommand;
import org.socialbank.directory.CustomerId;
import org.socialbank.loyalty.PointsSummary;
import org.socialbank.loyalty.RedeemOnPage;
import org.socialbank.shared.Dates;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;

/**
 * The answers to the service commands (issue 16): points (s3), applications (s4), appointments by
 * text (s5, answered by {@link AppointmentDialogue}). Private: a linked chat only (others are offered
 * the link by the caller), a neutral answer on a public network.
 */
final class ServiceReplies {

    /** Movements "my points" shows. */
    static final int HISTORY_SHOWN = 5;
    /** The instalments still to pay that "my loan" lists. */
    static final int LOAN_LINES_SHOWN = 6;
    /** The rewards "vouchers" lists. */
    static final int VOUCHERS_SHOWN = 10;

    private final Texts texts;
    private final AppointmentDialogue appointments;

    ServiceReplies(Texts texts, AppointmentDialogue appointments) {
        this.texts = texts;
        this.appointments = appointments;
    }

    static boolean publicHere(Turn turn) {
        return PublicNetworks.isPublic(turn.channel());
    }

    /** The neutral answer on a public network, saying where to ask. */
    Step publicAnswer(Turn turn, ServiceCommand command, Language language) {
        return say(
                turn,
                language,
                switch (command.kind()) {
                    case APPLY_CARD, APPLY_LOAN, MY_APPLICATIONS, MY_LOAN -> "applications.chat.public";
                    case MY_APPOINTMENTS, CANCEL_APPOINTMENT -> "appointments.chat.public";
                    default -> "loyalty.chat.public";
                });
    }

    Step answer(Turn turn, ServiceCommand command, Language language) {
        CustomerId customer = turn.linked().orElseThrow().customerId();
        return switch (command.kind()) {
            case MY_POINTS -> points(turn, language, customer);
            case REDEEM_POINTS -> redeem(turn, language, turn.bank().redeemPoints(customer, command.number()));
            case APPLY_CARD -> apply(turn, language, turn.bank().apply(customer, Product.CREDIT_CARD));
            case APPLY_LOAN -> apply(turn, language, turn.bank().apply(customer, Product.LOAN));
            case MY_APPLICATIONS -> applications(turn, language, customer);
            case MY_LOAN -> loan(turn, language, customer);
            case MY_APPOINTMENTS -> appointments.list(turn, language, customer);
            case CANCEL_APPOINTMENT -> appointments.cancelByText(turn, language, customer, command.code());
            case VOUCHERS -> vouchers(turn, language, customer);
            case REDEEM_VOUCHER ->
                voucher(
                        turn,
                        language,
                        turn.bank().orderVoucher(customer, command.code().orElse("")));
            default -> say(turn, language, "conversation.not_yet");
        };
    }

    private Step points(Turn turn, Language language, CustomerId customer) {
        PointsSummary summary = turn.bank().points(customer).orElse(new PointsSummary(0, List.of(), List.of()));
        // what she can spend now, as every spend checks it (review 2026-12-07 money #3), and why the rest is held
        PointsSummary.Held held = summary.held();
        StringBuilder text = new StringBuilder(texts.text(
                language,
                held.total() > 0 ? "loyalty.chat.available" : "loyalty.chat.balance",
                count(summary.available(), language)));
        if (held.total() > 0) {
            text.append('\n').append(texts.text(language, heldKey(held), count(held.total(), language)));
        }
        if (!summary.expiringSoon().isEmpty()) {
            text.append('\n').append(texts.text(language, "loyalty.chat.expiring_title"));
            for (PointsSummary.Expiring e : summary.expiringSoon()) {
                text.append('\n')
                        .append(texts.text(
                                language,
                                "loyalty.chat.expiring_line",
                                count(e.points(), language),
                                turn.time(language).date(e.expiresAt())));
            }
        }
        if (!summary.history().isEmpty()) {
            text.append("\n\n").append(texts.text(language, "loyalty.chat.history_title"));
            summary.history().stream()
                    .limit(HISTORY_SHOWN)
                    .forEach(m -> text.append('\n')
                            .append(texts.text(
                                    language,
                                    "loyalty.chat.history." + m.kind(),
                                    count(Math.abs(m.points()), language),
                                    turn.time(language).date(m.at()))));
        } else {
            text.append('\n').append(texts.text(language, "loyalty.chat.how_to_earn"));
        }
        return new Step(turn.state(), List.of(new Outbound.Text(text.toString())), language);
    }

    /** Why points are held: a voucher being ordered, a bill's or a top-up's discount being paid, or both. */
    private static String heldKey(PointsSummary.Held held) {
        if (held.vouchers() > 0 && held.payments() > 0) {
            return "loyalty.chat.held.both";
        }
        return held.vouchers() > 0 ? "loyalty.chat.held.voucher" : "loyalty.chat.held.payment";
    }

    /** A redemption is confirmed on the bank's page: the link, or why there is nothing to confirm. */
    private Step redeem(Turn turn, Language language, RedeemOnPage.Offer offer) {
        if (offer.url() == null) {
            return say(turn, language, "loyalty.chat.redeem." + offer.refusal());
        }
        Outbound link = new Outbound.Link(
                texts.text(
                        language,
                        "loyalty.chat.redeem.confirm",
                        count(offer.points(), language),
                        MoneyFormat.format(offer.amountMinor(), offer.currency(), language.locale()),
                        offer.maskedNumber()),
                texts.text(language, "loyalty.chat.redeem.button"),
                offer.url());
        return new Step(turn.state(), List.of(link), language);
    }

    /** The partner's rewards and their price, with the words that order one in the customer's language. */
    private Step vouchers(Turn turn, Language language, CustomerId customer) {
        List<org.socialbank.loyalty.Rewards.Reward> rewards = turn.bank().rewards();
        if (rewards.isEmpty()) {
            return say(turn, language, "loyalty.chat.vouchers.none");
        }
        long balance =
                turn.bank().points(customer).map(PointsSummary::available).orElse(0L); // held points buy nothing
        StringBuilder text =
                new StringBuilder(texts.text(language, "loyalty.chat.vouchers.title", count(balance, language)));
        rewards.stream()
                .limit(VOUCHERS_SHOWN)
                .forEach(r -> text.append('\n')
                        .append(texts.text(
                                language,
                                "loyalty.chat.vouchers.line",
                                r.partner(),
                                r.name(),
                                count(r.points(), language),
                                r.code())));
        return new Step(turn.state(), List.of(new Outbound.Text(text.toString())), language);
    }

    /** A voucher is confirmed on the bank's page: the link, or why there is nothing to confirm. */
    private Step voucher(Turn turn, Language language, org.socialbank.loyalty.VoucherOnPage.Offer offer) {
        if (offer.url() == null) {
            return offer.reward() == null
                    ? say(turn, language, "loyalty.chat.voucher." + offer.refusal())
                    : say(
                            turn,
                            language,
                            "loyalty.chat.voucher." + offer.refusal(),
                            count(offer.reward().points(), language),
                            offer.reward().partner());
        }
        Outbound link = new Outbound.Link(
                texts.text(
                        language,
                        "loyalty.chat.voucher.confirm",
                        count(offer.reward().points(), language),
                        offer.reward().partner(),
                        offer.reward().name()),
                texts.text(language, "loyalty.chat.voucher.button"),
                offer.url());
        return new Step(turn.state(), List.of(link), language);
    }

    /** The form's link (never the form in chat), or where the application stands already. */
    private Step apply(Turn turn, Language language, Applications.Start start) {
        if (start instanceof Applications.Started started && started.url() != null) {
            Application a = started.application();
            return new Step(
                    turn.state(),
                    List.of(new Outbound.Link(
                            texts.text(
                                    language,
                                    "applications.chat.form." + a.product().wireName()),
                            texts.text(language, "applications.chat.button"),
                            started.url())),
                    language);
        }
        if (start instanceof Applications.Started started) {
            return say(
                    turn,
                    language,
                    "applications.chat.already",
                    product(language, started.application()),
                    status(language, started.application()));
        }
        return say(turn, language, "applications.chat.unavailable");
    }

    private Step applications(Turn turn, Language language, CustomerId customer) {
        List<Application> list = turn.bank().applications(customer);
        if (list.isEmpty()) {
            return say(turn, language, "applications.chat.none");
        }
        StringBuilder text = new StringBuilder(texts.text(language, "applications.chat.title"));
        for (Application a : list) {
            text.append('\n')
                    .append(texts.text(
                            language,
                            "applications.chat.line",
                            product(language, a),
                            status(language, a),
                            turn.time(language).date(a.createdAt())));
        }
        return new Step(turn.state(), List.of(new Outbound.Text(text.toString())), language);
    }

    /** The newest loan: what it still owes, how many instalments are paid, and the next ones. */
    private Step loan(Turn turn, Language language, CustomerId customer) {
        java.util.Optional<org.socialbank.applications.Loans.Statement> found =
                turn.bank().loan(customer);
        if (found.isEmpty()) {
            return say(turn, language, "applications.loan.none");
        }
        org.socialbank.applications.Loans.Statement s = found.get();
        org.socialbank.shared.CurrencyCode currency = s.loan().currency();
        java.util.Locale locale = language.locale();
        long paid = s.schedule().stream().filter(i -> "paid".equals(i.status())).count();
        StringBuilder text = new StringBuilder(texts.text(
                language,
                "applications.loan.summary",
                MoneyFormat.format(s.loan().principalMinor(), currency, locale),
                MoneyFormat.format(s.owedMinor(), currency, locale),
                count(paid, language),
                count(s.schedule().size(), language)));
        s.schedule().stream()
                .filter(i -> !"paid".equals(i.status()))
                .limit(LOAN_LINES_SHOWN)
                .forEach(i -> text.append('\n')
                        .append(texts.text(
                                language,
                                "applications.loan.line",
                                count(i.instalment().number(), language),
                                Dates.date(
                                        i.instalment().dueOn().atTime(12, 0).toInstant(java.time.ZoneOffset.UTC),
                                        locale),
                                MoneyFormat.format(i.instalment().totalMinor(), currency, locale),
                                texts.text(language, "applications.loan.status." + i.status()))));
        return new Step(turn.state(), List.of(new Outbound.Text(text.toString())), language);
    }

    private String product(Language language, Application a) {
        return texts.text(language, "applications.product." + a.product().wireName());
    }

    private String status(Language language, Application a) {
        return texts.text(language, "applications.status." + a.status().wireName());
    }

    /** A number of points as the reader writes numbers (Persian digits in Persian). */
    static String count(long points, Language language) {
        return NumberFormat.getIntegerInstance(language.locale()).format(points);
    }

    private Step say(Turn turn, Language language, String key, Object... args) {
        return new Step(turn.state(), List.of(new Outbound.Text(texts.text(language, key, args))), language);
    }

    static List<String> messageKeys() {
        List<String> keys = new ArrayList<>(loyaltyKeys());
        keys.addAll(voucherKeys());
        keys.addAll(applicationKeys());
        return keys;
    }

    private static List<String> loyaltyKeys() {
        List<String> keys = new ArrayList<>(List.of(
                "loyalty.chat.public",
                "loyalty.chat.balance",
                "loyalty.chat.available",
                "loyalty.chat.held.voucher",
                "loyalty.chat.held.payment",
                "loyalty.chat.held.both",
                "loyalty.chat.expiring_title",
                "loyalty.chat.expiring_line",
                "loyalty.chat.history_title",
                "loyalty.chat.history.earned",
                "loyalty.chat.history.redeemed",
                "loyalty.chat.history.expired",
                "loyalty.chat.history.taken_back",
                "loyalty.chat.how_to_earn",
                "loyalty.chat.redeem.confirm",
                "loyalty.chat.redeem.button",
                "loyalty.chat.redeemed",
                "loyalty.redeem.label"));
        for (String code : List.of(
                "points_not_valid",
                "insufficient_points",
                "no_credit_card",
                "currency_not_redeemable",
                "confirmation_unavailable")) {
            keys.add("loyalty.chat.redeem." + code);
        }
        return keys;
    }

    private static List<String> voucherKeys() {
        return List.of(
                "loyalty.chat.vouchers.none",
                "loyalty.chat.vouchers.title",
                "loyalty.chat.vouchers.line",
                "loyalty.chat.voucher.confirm",
                "loyalty.chat.voucher.button",
                "loyalty.chat.voucher.reward_not_found",
                "loyalty.chat.voucher.insufficient_points",
                "loyalty.chat.voucher.confirmation_unavailable",
                "loyalty.voucher.label",
                "loyalty.chat.voucher.issued",
                "loyalty.chat.voucher.code_button",
                "loyalty.chat.voucher.failed",
                "loyalty.chat.voucher.refused",
                "loyalty.chat.voucher.reason.out_of_stock",
                "loyalty.chat.voucher.reason.not_received",
                "loyalty.chat.voucher.reason.unknown_reward");
    }

    private static List<String> applicationKeys() {
        List<String> keys = new ArrayList<>(List.of(
                "applications.chat.form.credit_card",
                "applications.chat.form.loan",
                "applications.chat.button",
                "applications.chat.already",
                "applications.chat.unavailable",
                "applications.chat.none",
                "applications.chat.title",
                "applications.chat.line",
                "applications.product.credit_card",
                "applications.product.loan",
                "applications.chat.public",
                "applications.loan.none",
                "applications.loan.summary",
                "applications.loan.line",
                "applications.loan.status.due",
                "applications.loan.status.late",
                "applications.loan.status.held",
                "applications.loan.status.paid"));
        for (org.socialbank.applications.ApplicationStatus s : org.socialbank.applications.ApplicationStatus.values()) {
            keys.add("applications.status." + s.wireName());
            keys.add("applications.chat.changed." + s.wireName());
        }
        keys.remove("applications.chat.changed.started"); // a started application is told by the link itself
        return keys;
    }
}
