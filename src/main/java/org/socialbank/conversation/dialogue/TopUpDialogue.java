package org.socialbank.conversation.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.socialbank.billing.BillPaymentStatus;
import org.socialbank.billing.OperatorSettings;
import org.socialbank.billing.Operators;
import org.socialbank.billing.TopUp;
import org.socialbank.billing.TopUpKind;
import org.socialbank.billing.TopUpResult;
import org.socialbank.billing.TopUpText;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue.Step;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;

/**
 * Mobile top-up in chat (issue 15 section 2): "#TopUp 9876543210 airtel 100", "شارژ ۱۰ هزار تومانی
 * ایرانسل برای ۰۹۳۵...", "给13800138000充值50元", "пополни телефон +7 912 ... на 300 руб". The bot
 * shows the number, the operator (its carrier, or the one the customer named: number portability)
 * and the amount, rial and toman said apart, with Confirm and Cancel; an amount the operator does not
 * sell gets the nearest ones as buttons. Confirm records the top-up and reserves the money in the
 * message; the operator is asked afterwards and the outcome comes through the outbox. A bonus charge
 * ("شارژ شگفت‌انگیز") is sold at the operator's bonus denominations; a PIN voucher ("a PIN voucher",
 * "充值卡") is bought the same way and its PIN shown once on the bank's page, never in the chat (the
 * chat gets the link). Private: linked chats only.
 */
final class TopUpDialogue {

    static final String TOP_UP = "billing.topup:";

    /** Seven digits or more, spaces and dashes between them allowed, in any script's digits: a phone's number. */
    private static final java.util.regex.Pattern PHONE_LIKE =
            java.util.regex.Pattern.compile("\\d(?:[ \\-]?\\d){6}", java.util.regex.Pattern.UNICODE_CHARACTER_CLASS);

    private static final List<String> FA = List.of("شارژ");
    private static final List<String> ZH = List.of("充值", "充话费", "充电话费");
    private static final List<String> RU = List.of("пополни", "пополнить", "пополнение");
    private static final List<String> FR = List.of("recharger", "rechargez", "recharge mon", "recharge le");
    private static final List<String> EN = List.of("#topup", "top up", "top-up", "topup", "recharge");

    private final Texts texts;

    TopUpDialogue(Texts texts) {
        this.texts = texts;
    }

    static boolean handles(String action) {
        return action.startsWith(TOP_UP);
    }

    /**
     * The language of a text asking for a top-up: a top-up word with a number long enough to be a
     * phone's; empty otherwise ("my top up did not work" is the assistant's to answer).
     */
    static Optional<Language> read(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean phoneLike = PHONE_LIKE.matcher(text).find();
        if (!phoneLike) {
            return Optional.empty();
        }
        return contains(lower, FA)
                ? Optional.of(Language.FA)
                : contains(lower, ZH)
                        ? Optional.of(Language.ZH)
                        : contains(lower, RU)
                                ? Optional.of(Language.RU)
                                : contains(lower, FR)
                                        ? Optional.of(Language.FR)
                                        : contains(lower, EN) ? Optional.of(Language.EN) : Optional.empty();
    }

    Step start(Turn turn, Language language, String text) {
        CustomerId customer = turn.linked().orElseThrow().customerId();
        Operators operators = turn.bank().topUpOperators();
        Optional<TopUpText> asked = TopUpText.read(text, operators, turn.bank().primaryCurrency(customer));
        if (asked.isEmpty()) {
            return say(turn, language, "billing.topup.how");
        }
        TopUpText t = asked.get();
        TopUpKind kind = TopUpKind.read(text).orElse(TopUpKind.DIRECT);
        Operators.Choice choice =
                operators.resolve(t.phone(), t.amountMinor(), t.currency().code(), t.operator(), kind);
        if (choice instanceof Operators.Resolved resolved) {
            String offer = texts.text(
                    language,
                    confirmKey(kind),
                    resolved.phoneE164(),
                    name(resolved.settings()),
                    amount(language, t.amountMinor(), t.currency()));
            List<Outbound.Button> buttons = new ArrayList<>(List.of(button(
                    turn, texts.text(language, "conversation.pay.confirm_button"), resolved, t.amountMinor(), kind)));
            BillDialogue.pointsButton(
                            texts,
                            turn,
                            language,
                            t.currency(),
                            t.amountMinor(),
                            action(resolved, t.amountMinor(), kind) + BillDialogue.WITH_POINTS)
                    .ifPresent(buttons::add);
            buttons.add(new Outbound.Button(
                    texts.text(language, "conversation.pay.cancel_button"),
                    turn.bank().button(BillDialogue.CANCEL, turn.state().formVersion())));
            return buttons(turn, language, offer, List.copyOf(buttons));
        }
        Operators.Refusal refusal = (Operators.Refusal) choice;
        if (!refusal.code().equals(Operators.AMOUNT_NOT_OFFERED)) {
            return say(turn, language, "billing.topup." + refusal.code(), t.phone());
        }
        List<Outbound.Button> nearest = new ArrayList<>();
        for (long amount : refusal.nearestAmountsMinor()) {
            if (operators.resolve(t.phone(), amount, t.currency().code(), t.operator(), kind)
                    instanceof Operators.Resolved r) {
                nearest.add(button(turn, MoneyFormat.format(amount, t.currency(), language.locale()), r, amount, kind));
            }
        }
        if (nearest.isEmpty()) {
            return say(turn, language, "billing.topup.unknown_operator", t.phone());
        }
        return buttons(
                turn,
                language,
                texts.text(language, "billing.topup.not_offered", amount(language, t.amountMinor(), t.currency())),
                nearest);
    }

    /** Confirm of a top-up, or one of the nearest amounts offered. */
    Step press(Turn turn, Language language, String action) {
        String rest = action.substring(TOP_UP.length());
        boolean usePoints = rest.endsWith(BillDialogue.WITH_POINTS); // issue 16 s3.7
        String[] parts = (usePoints ? rest.substring(0, rest.length() - BillDialogue.WITH_POINTS.length()) : rest)
                .split("\\|", -1);
        Optional<CurrencyCode> currency =
                parts.length == 4 || parts.length == 5 ? CurrencyCode.find(parts[3]) : Optional.empty();
        // a button written before kinds were offered in chat (4 parts) is a direct charge
        Optional<TopUpKind> kind = parts.length == 5 ? TopUpKind.fromWire(parts[4]) : Optional.of(TopUpKind.DIRECT);
        if (currency.isEmpty() || kind.isEmpty()) {
            return say(turn, language, "conversation.pay.stale");
        }
        long amountMinor = Long.parseLong(parts[2]);
        CustomerId customer = turn.linked().orElseThrow().customerId();
        TopUpResult result = usePoints
                ? turn.bank().topUp(customer, parts[0], amountMinor, currency.get(), parts[1], kind.get(), true)
                : turn.bank().topUp(customer, parts[0], amountMinor, currency.get(), parts[1], kind.get());
        if (result instanceof TopUpResult.Refused refused) {
            return Refusals.said(turn.state(), texts, language, RefusalReasons.of(refused.code()));
        }
        TopUp topUp = ((TopUpResult.Done) result).topUp();
        if (topUp.status() == BillPaymentStatus.AWAITING_CONFIRMATION && topUp.confirmationUrl() != null) {
            // security review #4: a large top-up, or one asked for in a newly linked chat, waits for the bank's page
            return new Step(
                    turn.state(),
                    List.of(new Outbound.Link(
                            texts.text(
                                            language,
                                            "billing.topup.held",
                                            amount(language, amountMinor, currency.get()),
                                            topUp.phoneE164())
                                    + (usePoints
                                            ? BillDialogue.heldPoints(
                                                    texts, turn, language, currency.get(), amountMinor)
                                            : "")
                                    + PayDialogue.heldWhy(texts, language, topUp.code()),
                            texts.text(language, "conversation.pay.held_button"),
                            topUp.confirmationUrl())),
                    language);
        }
        return switch (topUp.status()) {
            case PENDING, UNKNOWN, COMPLETED ->
                topUp.points() > 0 && kind.get() != TopUpKind.VOUCHER
                        ? say(
                                turn,
                                language,
                                "billing.topup.sending_points",
                                amount(language, amountMinor, currency.get()),
                                topUp.phoneE164(),
                                topUp.points(),
                                MoneyFormat.format(topUp.discountMinor(), currency.get(), language.locale()))
                        : say(
                                turn,
                                language,
                                kind.get() == TopUpKind.VOUCHER
                                        ? "billing.topup.sending_voucher"
                                        : "billing.topup.sending",
                                amount(language, amountMinor, currency.get()),
                                topUp.phoneE164());
            default -> {
                String code = topUp.code() == null ? "rejected" : topUp.code();
                yield Refusals.said(turn.state(), texts, language, RefusalReasons.of(code));
            }
        };
    }

    private Outbound.Button button(
            Turn turn, String label, Operators.Resolved resolved, long amountMinor, TopUpKind kind) {
        return new Outbound.Button(
                label,
                turn.bank()
                        .button(
                                action(resolved, amountMinor, kind),
                                turn.state().formVersion()));
    }

    private static String action(Operators.Resolved resolved, long amountMinor, TopUpKind kind) {
        return TOP_UP + resolved.phoneE164() + "|" + resolved.operator() + "|" + amountMinor + "|"
                + resolved.settings().currency() + "|" + kind.wireName();
    }

    private static String confirmKey(TopUpKind kind) {
        return switch (kind) {
            case BONUS -> "billing.topup.confirm_bonus";
            case VOUCHER -> "billing.topup.confirm_voucher";
            default -> "billing.topup.confirm";
        };
    }

    /** The operator as its customers know it: the carrier name of its numbers. */
    private static String name(OperatorSettings settings) {
        return settings.carriers().isEmpty()
                ? ""
                : settings.carriers()
                        .get(
                                settings.carriers().size() > 1
                                                && settings.carriers().get(0).startsWith("IR-")
                                        ? 1
                                        : 0);
    }

    private String amount(Language language, long amountMinor, CurrencyCode currency) {
        return BillDialogue.amount(texts, language, amountMinor, currency);
    }

    private Step buttons(Turn turn, Language language, String text, List<Outbound.Button> buttons) {
        return new Step(turn.state(), List.of(new Outbound.Buttons(text, buttons)), language);
    }

    private Step say(Turn turn, Language language, String key, Object... args) {
        return new Step(turn.state(), List.of(new Outbound.Text(texts.text(language, key, args))), language);
    }

    private static boolean contains(String lower, List<String> words) {
        return words.stream().anyMatch(lower::contains);
    }

    static List<String> messageKeys() {
        return List.of(
                "billing.topup.how",
                "billing.topup.invalid_phone",
                "billing.topup.unknown_operator",
                "billing.topup.not_offered",
                "billing.topup.confirm",
                "billing.topup.sending",
                "billing.topup.done",
                "billing.topup.failed",
                "billing.amount.toman",
                "billing.topup.confirm_bonus",
                "billing.topup.confirm_voucher",
                "billing.topup.sending_voucher",
                "billing.topup.sending_points",
                "billing.topup.done_points",
                "billing.topup.held",
                "billing.topup.points_not_used");
    }
}
