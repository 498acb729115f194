package org.socialbank.conversation.dialogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socialbank.billing.AccountBillResult;
import org.socialbank.billing.BillerRegistry;
import org.socialbank.billing.BillerRegistry.ForeignBiller;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue.Step;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Digits;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;
import org.socialbank.shared.Uuids;

/**
 * Bills of other countries' billers paid by the account number at the biller (issue 15 s1.13):
 * "交电费 1234567897", "payer EDF 12345678901234", "оплатить Мосэнергосбыт 1234567897", "pay State
 * Grid 1234567897". The biller is named (in any of its five names) or found by the bill's kind and
 * the account's format; the account is checked at once, the biller asked after the message
 * ({@code AccountBillInquired} brings the amount, the masked holder and the due date with Confirm
 * and Cancel, through the outbox). Confirm records the payment and reserves its money; the receipt
 * follows. Private: linked chats only.
 */
final class AccountBillDialogue {

    static final String PAY = "billing.acct.pay:";
    static final String CANCEL = "billing.acct.cancel";
    /** Ends the Confirm action that takes the customer's loyalty points off the bill (issue 16 s3.7). */
    static final String WITH_POINTS = "|points";
    /** Digit runs read in one text at most. */
    static final int NUMBERS_MAX = 8;
    /** The fewest digits an account number has. */
    static final int ACCOUNT_DIGITS_MIN = 5;

    private static final Pattern DIGIT_RUN = Pattern.compile("\\p{Nd}+(?:[ -]\\p{Nd}+)*");

    /** A bill's kind in words, and the country a language's customers mean by it (null: any). */
    private record Kind(String word, String category, Language language, String country) {}

    private static final List<Kind> KINDS = List.of(
            new Kind("电费", "electricity", Language.ZH, "CN"),
            new Kind("水费", "water", Language.ZH, "CN"),
            new Kind("燃气费", "gas", Language.ZH, "CN"),
            new Kind("煤气费", "gas", Language.ZH, "CN"),
            new Kind("话费", "phone", Language.ZH, "CN"),
            new Kind("宽带", "internet", Language.ZH, "CN"),
            new Kind("электроэнерг", "electricity", Language.RU, "RU"),
            new Kind("за свет", "electricity", Language.RU, "RU"),
            new Kind("электричеств", "electricity", Language.RU, "RU"),
            new Kind("за воду", "water", Language.RU, "RU"),
            new Kind("водоснабж", "water", Language.RU, "RU"),
            new Kind("интернет", "internet", Language.RU, "RU"),
            new Kind("électricité", "electricity", Language.FR, "FR"),
            new Kind("facture d'eau", "water", Language.FR, "FR"),
            new Kind("facture d’eau", "water", Language.FR, "FR"),
            new Kind("impôt", "tax", Language.FR, "FR"),
            new Kind("impots", "tax", Language.FR, "FR"),
            new Kind("electricity bill", "electricity", Language.EN, null),
            new Kind("water bill", "water", Language.EN, null),
            new Kind("gas bill", "gas", Language.EN, null),
            new Kind("internet bill", "internet", Language.EN, null));
    private static final List<String> FR_VERBS = List.of("payer", "régler", "facture");
    /** Top-ups are not bills ("充话费", "充值"): TopUpDialogue reads them. */
    private static final List<String> TOP_UP = List.of("充", "top up", "topup", "пополни", "recharge", "شارژ");

    /**
     * A text asking to pay an account bill: the billers it may be for (one when named), the account
     * as written (ASCII digits; null when none), and its language.
     */
    record Request(Language language, List<ForeignBiller> billers, boolean named, String account) {
        Request {
            billers = List.copyOf(billers);
        }
    }

    private final Texts texts;

    AccountBillDialogue(Texts texts) {
        this.texts = texts;
    }

    static boolean handles(String action) {
        return action.startsWith(PAY) || action.equals(CANCEL);
    }

    /**
     * Reads a text naming a biller, or a bill's kind with one account number; not a text with two
     * long numbers or a 26-digit barcode (an Iranian bill's ids), nor a top-up.
     */
    static Optional<Request> read(String text, List<ForeignBiller> billers) {
        if (billers.isEmpty()) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (TOP_UP.stream().anyMatch(lower::contains)) {
            return Optional.empty();
        }
        List<String> numbers = numbers(text).stream()
                .filter(n -> n.length() >= ACCOUNT_DIGITS_MIN)
                .toList();
        if (numbers.size() > 1
                || BillDialogue.reading(BillDialogue.numbers(text)).isPresent()) {
            return Optional.empty(); // two numbers, or an Iranian bill's two ids or barcode: BillDialogue's
        }
        String account = numbers.isEmpty() ? null : numbers.get(0);
        Language language = language(text, lower);
        // the longest name written wins: "Мосводоканал" names Mosvodokanal, not the waterworks called "Водоканал"
        Optional<ForeignBiller> named = billers.stream()
                .filter(b -> matched(b, lower) > 0)
                .max(java.util.Comparator.comparingInt(b -> matched(b, lower)));
        if (named.isPresent()) {
            return Optional.of(new Request(language, List.of(named.get()), true, account));
        }
        Optional<Kind> kind =
                KINDS.stream().filter(k -> lower.contains(k.word())).findFirst();
        if (kind.isEmpty() || account == null) {
            return Optional.empty();
        }
        List<ForeignBiller> takers = billers.stream()
                .filter(b -> b.category().equals(kind.get().category()))
                .filter(b -> kind.get().country() == null
                        || b.country().equals(kind.get().country()))
                .filter(b -> b.account(account).isPresent())
                .toList();
        return Optional.of(new Request(language, takers, false, account));
    }

    /** A request in a linked private chat: the account checked, the biller asked after the message. */
    Step start(Turn turn, Language language, Request request) {
        if (request.billers().isEmpty()) {
            return say(turn, language, "billing.acct.no_biller", request.account());
        }
        if (request.billers().size() > 1) {
            return say(
                    turn,
                    language,
                    "billing.acct.which",
                    request.account(),
                    String.join(
                            ", ",
                            request.billers().stream()
                                    .map(b -> b.name(language.locale()))
                                    .toList()));
        }
        ForeignBiller biller = request.billers().get(0);
        String name = biller.name(language.locale());
        if (request.account() == null) {
            return say(turn, language, "billing.acct.ask_account", name);
        }
        if (biller.account(request.account()).isEmpty()) {
            return say(turn, language, "billing.acct.bad_account", name, request.account());
        }
        CustomerId customer = turn.linked().orElseThrow().customerId();
        return turn.bank().askAccountBill(customer, biller.id(), request.account())
                ? say(turn, language, "billing.acct.looking", name, request.account())
                : say(turn, language, "billing.acct.unavailable", name);
    }

    /** Confirm or Cancel under a biller's answer (written by the engine with the inquiry's id). */
    Step press(Turn turn, Language language, String action) {
        if (action.equals(CANCEL)) {
            return say(turn, language, "conversation.pay.cancelled");
        }
        String rest = action.substring(PAY.length());
        boolean usePoints = rest.endsWith(WITH_POINTS);
        Optional<UUID> parsed = Uuids.parse(usePoints ? rest.substring(0, rest.length() - WITH_POINTS.length()) : rest);
        if (parsed.isEmpty()) {
            return say(turn, language, "conversation.pay.stale");
        }
        UUID inquiry = parsed.get();
        AccountBillResult result =
                turn.bank().payAccountBill(turn.linked().orElseThrow().customerId(), inquiry, usePoints);
        if (result instanceof AccountBillResult.Refused refused) {
            return say(turn, language, refusedKey(refused.code()));
        }
        AccountBillResult.Accepted accepted = (AccountBillResult.Accepted) result;
        String amount =
                MoneyFormat.format(accepted.amountMinor(), CurrencyCode.of(accepted.currency()), language.locale());
        return switch (accepted.status()) {
            case PENDING, UNKNOWN ->
                accepted.points() > 0
                        ? say(
                                turn,
                                language,
                                "billing.acct.sending_points",
                                amount,
                                accepted.account(),
                                accepted.points(),
                                MoneyFormat.format(
                                        accepted.discountMinor(),
                                        CurrencyCode.of(accepted.currency()),
                                        language.locale()))
                        : say(turn, language, "billing.acct.sending", amount, accepted.account());
            case COMPLETED -> say(turn, language, "billing.acct.already_paid", amount, accepted.account());
            default -> refusal(turn, language, accepted.code() == null ? "rejected" : accepted.code(), amount);
        };
    }

    /** What a Confirm that recorded nothing is told. */
    private static String refusedKey(String code) {
        return switch (code) {
            case AccountBillResult.QUOTE_EXPIRED -> "billing.acct.expired";
            case AccountBillResult.BILL_ALREADY_PAID -> "billing.acct.bill_already_paid";
            default -> "conversation.pay.stale";
        };
    }

    private Step refusal(Turn turn, Language language, String code, String amount) {
        if (code.equals("confirmation_required")) {
            return say(turn, language, "billing.acct.refused.step_up", amount);
        }
        if (code.equals("new_channel_unconfirmed")) { // security review #4: a newly linked chat
            return say(turn, language, "billing.acct.refused.new_chat", amount);
        }
        return Refusals.said(turn.state(), texts, language, RefusalReasons.of(code));
    }

    /** The account-like numbers of a text, in ASCII digits (runs of digits, spaces and dashes between). */
    static List<String> numbers(String text) {
        List<String> numbers = new ArrayList<>();
        Matcher runs = DIGIT_RUN.matcher(text);
        while (runs.find() && numbers.size() < NUMBERS_MAX) {
            Digits.only(runs.group()).ifPresent(numbers::add);
        }
        return numbers;
    }

    /** The words that name a biller: its five names (without what brackets add) and its id's words. */
    static Set<String> names(ForeignBiller biller) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : biller.names().values()) {
            String plain = name.replaceAll("\\s*\\(.*\\)", "")
                    .replaceAll(",.*", "")
                    .strip()
                    .toLowerCase(Locale.ROOT);
            if (plain.length() >= 3) {
                names.add(plain);
            }
        }
        String words = biller.id().substring(biller.id().indexOf('_') + 1).replace('_', ' ');
        if (words.length() >= 3 && !BillerRegistry.CATEGORIES.contains(words)) { // "gas" names no one biller
            names.add(words);
        }
        return names;
    }

    /** The length of the longest of the biller's names in the text, 0 when none is. */
    private static int matched(ForeignBiller biller, String lower) {
        return names(biller).stream()
                .filter(name -> startsAWord(lower, name))
                .mapToInt(String::length)
                .max()
                .orElse(0);
    }

    /**
     * Whether {@code name} is written in {@code lower} where a word starts: not inside a handle or
     * a code ("split 30 with @xd6edf6b6d9" names no EDF), while the word may go on (a Russian or
     * Persian name takes endings: "Мосводоканалу"). Chinese, written without spaces, matches
     * anywhere.
     */
    static boolean startsAWord(String lower, String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1)) {
            if (at == 0 || Character.UnicodeScript.of(name.codePointAt(0)) == Character.UnicodeScript.HAN) {
                return true;
            }
            int before = lower.codePointBefore(at);
            if (!Character.isLetterOrDigit(before) && before != '@' && before != '_') {
                return true;
            }
        }
        return false;
    }

    private static Language language(String text, String lower) {
        if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return Language.ZH;
        }
        if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)) {
            return Language.RU;
        }
        if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)) {
            return Language.FA;
        }
        return FR_VERBS.stream().anyMatch(lower::contains) ? Language.FR : Language.EN;
    }

    private Step say(Turn turn, Language language, String key, Object... args) {
        return new Step(turn.state(), List.of(new Outbound.Text(texts.text(language, key, args))), language);
    }

    static List<String> messageKeys() {
        return List.of(
                "billing.acct.no_biller",
                "billing.acct.which",
                "billing.acct.ask_account",
                "billing.acct.bad_account",
                "billing.acct.looking",
                "billing.acct.unavailable",
                "billing.acct.expired",
                "billing.acct.sending",
                "billing.acct.already_paid",
                "billing.acct.refused.step_up",
                "billing.acct.refused.new_chat",
                "billing.acct.confirm",
                "billing.acct.not_due.unknown_account",
                "billing.acct.not_due.nothing_due",
                "billing.acct.not_due.other",
                "billing.acct.receipt.biller",
                "billing.acct.not_paid",
                "billing.acct.use_points",
                "billing.acct.sending_points",
                "billing.acct.receipt.points");
    }
}
