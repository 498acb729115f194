package org.socialbank.conversation.dialogue;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.socialbank.alerts.PublicNetworks;
import org.socialbank.billing.BillInquiry;
import org.socialbank.billing.BillPayment;
import org.socialbank.billing.BillPaymentResult;
import org.socialbank.billing.BillPaymentStatus;
import org.socialbank.billing.BillReading;
import org.socialbank.billing.IranianBill;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue.Step;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Digits;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;

/**
 * Iranian bills in chat (issue 15 section 1): "pay bill 7748317800142 1770160", "پرداخت قبض ۷۷۴۸۳۱۷۸۰۰۱۴۲
 * ۱۷۷۰۱۶۰" or the 26 digits under the barcode. The ids are checked at once; the bot shows the
 * service, company, period and amount (rial and toman) with Confirm and Cancel; Confirm records the
 * payment in the message's transaction and the biller is asked afterwards, the receipt with its
 * trace number coming through the outbox. A photo of the barcode is not read (the bot says so).
 * Private: linked chats only, a neutral answer on a public network.
 */
final class BillDialogue {

    static final String PAY = "billing.pay:";
    static final String CANCEL = "billing.cancel";
    /** Ends the Confirm that takes the customer's loyalty points off the bill (issue 16 s3.7). */
    static final String WITH_POINTS = AccountBillDialogue.WITH_POINTS;

    static final CurrencyCode IRR = CurrencyCode.of("IRR");
    /** The service types with a name in every language; a configured label (digits 7..9) is shown as is. */
    static final Set<String> NAMED_SERVICES =
            Set.of("water", "electricity", "gas", "fixed_phone", "mobile", "municipality");
    /** Words of one text read as numbers at most. */
    static final int TOKENS_MAX = 16;

    private static final List<String> FA = List.of("قبض", "قبوض");
    private static final List<String> ZH = List.of("缴费", "交费", "电费", "水费", "燃气费", "煤气费", "账单");
    private static final List<String> RU =
            List.of("квитанц", "оплати счёт", "оплати счет", "оплатить счёт", "оплатить счет", "коммунал", "жкх");
    private static final List<String> FR = List.of("facture");
    private static final List<String> EN = List.of("bill");
    /** Splitting a bill among friends is no bill payment ("split the bill 300000 with Ali and Reza"). */
    private static final List<String> SPLIT =
            List.of("split", "divide", "partag", "раздел", "подел", "تقسیم", "平分", "分摊", "aa制");

    private static final List<String> EN_WITHOUT_IDS = List.of(
            "pay bill", "pay a bill", "pay my bill", "pay the bill", "pay bills", "pay my bills", "bill payment");

    /** What a text asking to pay a bill holds: its language and the numbers written in it. */
    record Request(Language language, List<String> numbers) {
        Request {
            numbers = List.copyOf(numbers);
        }
    }

    private final Texts texts;

    BillDialogue(Texts texts) {
        this.texts = texts;
    }

    static boolean handles(String action) {
        return action.startsWith(PAY) || action.equals(CANCEL);
    }

    static boolean publicHere(Turn turn) {
        return PublicNetworks.isPublic(turn.channel());
    }

    /**
     * A text that asks to pay a bill: a bill word with a number of 6 or more digits, or a phrase
     * such as "pay bill" alone ("split the bill" is not one: it holds no such number).
     */
    static Optional<Request> read(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (contains(lower, SPLIT)) {
            return Optional.empty();
        }
        List<String> numbers = numbers(text);
        boolean idLike = numbers.stream().anyMatch(n -> n.length() >= IranianBill.ID_LENGTH_MIN);
        Optional<Language> language = contains(lower, FA)
                ? Optional.of(Language.FA)
                : contains(lower, ZH)
                        ? Optional.of(Language.ZH)
                        : contains(lower, RU)
                                ? Optional.of(Language.RU)
                                : contains(lower, FR)
                                        ? Optional.of(Language.FR)
                                        : contains(lower, EN_WITHOUT_IDS) || contains(lower, EN) && idLike
                                                ? Optional.of(Language.EN)
                                                : Optional.empty();
        return language.map(l -> new Request(l, numbers));
    }

    Step publicAnswer(Turn turn, Language language) {
        return say(turn, language, "billing.chat.public");
    }

    /** A request in a linked private chat: the bill read from its numbers, with Confirm and Cancel. */
    Step start(Turn turn, Language language, Request request) {
        Optional<BillReading> reading = reading(request.numbers());
        if (reading.isEmpty()) {
            return say(turn, language, "billing.chat.ask_ids");
        }
        if (reading.get() instanceof BillReading.Unreadable unreadable) {
            return say(turn, language, "billing.chat." + unreadable.code());
        }
        IranianBill bill = ((BillReading.Read) reading.get()).bill();
        BillInquiry inquiry = turn.bank().readBill(bill);
        if (inquiry.paid()) {
            return say(turn, language, "billing.chat.already_paid", bill.billId());
        }
        if (turn.bank().askBill(turn.linked().orElseThrow().customerId(), bill)) {
            // issue 15 s1.15: the biller is asked after this message; its name and the masked holder come with Confirm
            return say(turn, language, "billing.chat.looking", bill.billId());
        }
        String text = texts.text(
                language,
                "billing.chat.confirm",
                service(language, inquiry.serviceType()),
                bill.companyCode(),
                bill.billId(),
                bill.paymentId(),
                period(language, bill),
                amount(texts, language, bill.amountRial(), IRR));
        long version = turn.state().formVersion();
        String pay = PAY + bill.billId() + "|" + bill.paymentId();
        List<Outbound.Button> buttons = new ArrayList<>(List.of(new Outbound.Button(
                texts.text(language, "conversation.pay.confirm_button"),
                turn.bank().button(pay, version))));
        pointsButton(texts, turn, language, IRR, bill.amountRial(), pay + WITH_POINTS)
                .ifPresent(buttons::add);
        buttons.add(new Outbound.Button(
                texts.text(language, "conversation.pay.cancel_button"),
                turn.bank().button(CANCEL, version)));
        return new Step(turn.state(), List.of(new Outbound.Buttons(text, List.copyOf(buttons))), language);
    }

    /**
     * Issue 16 s3.7: "Use N points (−€1.00)" between Confirm and Cancel, pressing {@code action},
     * when the customer's points may take something off {@code amountMinor}; empty when not.
     */
    static Optional<Outbound.Button> pointsButton(
            Texts texts, Turn turn, Language language, CurrencyCode currency, long amountMinor, String action) {
        return turn.bank()
                .pointsOffer(turn.linked().orElseThrow().customerId(), currency, amountMinor)
                .map(offer -> new Outbound.Button(
                        texts.text(
                                language,
                                "billing.acct.use_points",
                                offer.points(),
                                MoneyFormat.format(offer.valueMinor(), currency, language.locale())),
                        turn.bank().button(action, turn.state().formVersion())));
    }

    /**
     * Issue 16 s3.7: under a payment held for the bank's page on which the customer chose points,
     * what becomes of them (a leading space): nothing is held while it waits; when they confirm
     * there the points they may use then pay their share, and too few by then the whole amount is
     * theirs, which the chat will say.
     */
    static String heldPoints(Texts texts, Turn turn, Language language, CurrencyCode currency, long amountMinor) {
        return " "
                + turn.bank()
                        .pointsOffer(turn.linked().orElseThrow().customerId(), currency, amountMinor)
                        .map(offer -> texts.text(
                                language,
                                "billing.held.points",
                                offer.points(),
                                MoneyFormat.format(offer.valueMinor(), currency, language.locale())))
                        .orElseGet(() -> texts.text(language, "billing.held.points_none"));
    }

    /** Confirm or Cancel under a bill; a button is used once, so a second press is stale. */
    Step press(Turn turn, Language language, String action) {
        if (action.equals(CANCEL)) {
            return say(turn, language, "conversation.pay.cancelled");
        }
        String rest = action.substring(PAY.length());
        boolean usePoints = rest.endsWith(WITH_POINTS);
        String[] ids = (usePoints ? rest.substring(0, rest.length() - WITH_POINTS.length()) : rest).split("\\|", -1);
        if (ids.length != 2 || !(IranianBill.read(ids[0], ids[1]) instanceof BillReading.Read read)) {
            return say(turn, language, "conversation.pay.stale");
        }
        CustomerId customer = turn.linked().orElseThrow().customerId();
        BillPaymentResult result = usePoints
                ? turn.bank().payBill(customer, read.bill(), true)
                : turn.bank().payBill(customer, read.bill());
        if (result instanceof BillPaymentResult.Refused refused) {
            return refused.code().equals(BillPaymentResult.BILL_ALREADY_PAID)
                    ? say(
                            turn,
                            language,
                            "billing.chat.already_paid",
                            read.bill().billId())
                    : Refusals.said(turn.state(), texts, language, RefusalReasons.of(refused.code()));
        }
        return outcome(turn, language, ((BillPaymentResult.Done) result).payment(), usePoints);
    }

    private Step outcome(Turn turn, Language language, BillPayment payment, boolean usePoints) {
        IranianBill bill = payment.bill();
        if (payment.status() == BillPaymentStatus.AWAITING_CONFIRMATION) {
            return new Step(
                    turn.state(),
                    List.of(new Outbound.Link(
                            texts.text(language, "billing.chat.held", rial(language, bill), bill.billId())
                                    + (usePoints ? heldPoints(texts, turn, language, IRR, bill.amountRial()) : "")
                                    + PayDialogue.heldWhy(texts, language, payment.code()),
                            texts.text(language, "conversation.pay.held_button"),
                            payment.confirmationUrl())),
                    language);
        }
        if (payment.status() == BillPaymentStatus.REJECTED || payment.status() == BillPaymentStatus.FAILED) {
            String code = payment.code() == null ? "rejected" : payment.code();
            return Refusals.said(turn.state(), texts, language, RefusalReasons.of(code));
        }
        if (payment.points() > 0) { // issue 16 s3.7
            return say(
                    turn,
                    language,
                    "billing.chat.sending_points",
                    rial(language, bill),
                    bill.billId(),
                    payment.points(),
                    MoneyFormat.format(payment.discountMinor(), IRR, language.locale()));
        }
        return say(turn, language, "billing.chat.sending", rial(language, bill), bill.billId());
    }

    /** The bill the numbers hold: a 26-digit barcode, or the first two ids; empty when neither is there. */
    static Optional<BillReading> reading(List<String> numbers) {
        Optional<String> barcode = numbers.stream()
                .filter(n -> n.length() == IranianBill.BARCODE_LENGTH)
                .findFirst();
        if (barcode.isPresent()) {
            return Optional.of(IranianBill.fromBarcode(barcode.get()));
        }
        List<String> ids = numbers.stream()
                .filter(n -> n.length() >= IranianBill.ID_LENGTH_MIN)
                .limit(2)
                .toList();
        return ids.size() == 2 ? Optional.of(IranianBill.read(ids.get(0), ids.get(1))) : Optional.empty();
    }

    /** The numbers of a text in ASCII digits (Persian and Arabic-Indic read too; dashes join groups). */
    static List<String> numbers(String text) {
        List<String> numbers = new ArrayList<>();
        for (String token : text.split("[\\s,.:;!?،؛؟。，：；！？()]+")) {
            if (numbers.size() >= TOKENS_MAX) {
                break;
            }
            Digits.only(token).ifPresent(numbers::add);
        }
        return numbers;
    }

    private String service(Language language, String serviceType) {
        return NAMED_SERVICES.contains(serviceType)
                ? texts.text(language, "billing.service." + serviceType)
                : serviceType;
    }

    static String period(Language language, IranianBill bill) {
        NumberFormat digits = NumberFormat.getIntegerInstance(language.locale());
        digits.setGroupingUsed(false);
        digits.setMinimumIntegerDigits(2);
        NumberFormat year = NumberFormat.getIntegerInstance(language.locale());
        return year.format(bill.yearDigit()) + "/" + digits.format(Integer.parseInt(bill.periodCode()));
    }

    static String rial(Language language, IranianBill bill) {
        return MoneyFormat.format(bill.amountRial(), IRR, language.locale());
    }

    /**
     * An amount in the reader's digits; a rial amount says its tomans too (Persian's money format
     * already does, as Iranians count), so that rial and toman are never confused.
     */
    static String amount(Texts texts, Language language, long amountMinor, CurrencyCode currency) {
        String formatted = MoneyFormat.format(amountMinor, currency, language.locale());
        if (!currency.code().equals(IRR.code()) || language == Language.FA) {
            return formatted;
        }
        return formatted
                + (language == Language.ZH ? "" : " ")
                + texts.text(
                        language,
                        "billing.amount.toman",
                        NumberFormat.getIntegerInstance(language.locale())
                                .format(amountMinor / IranianBill.RIALS_PER_TOMAN));
    }

    private static boolean contains(String lower, List<String> words) {
        return words.stream().anyMatch(lower::contains);
    }

    private Step say(Turn turn, Language language, String key, Object... args) {
        return new Step(turn.state(), List.of(new Outbound.Text(texts.text(language, key, args))), language);
    }

    static List<String> messageKeys() {
        List<String> keys = new ArrayList<>(List.of(
                "billing.chat.public",
                "billing.chat.ask_ids",
                "billing.chat.invalid_bill_id",
                "billing.chat.invalid_payment_id",
                "billing.chat.invalid_barcode",
                "billing.chat.already_paid",
                "billing.chat.confirm",
                "billing.chat.held",
                "billing.chat.sending",
                "billing.chat.receipt.title",
                "billing.chat.receipt.bill",
                "billing.chat.receipt.period",
                "billing.chat.receipt.amount",
                "billing.chat.receipt.trace",
                "billing.chat.not_paid.biller",
                "billing.chat.not_paid.other",
                "billing.card.done",
                "billing.card.failed",
                "billing.chat.looking",
                "billing.chat.confirm_biller",
                "billing.chat.sending_points",
                "billing.held.points",
                "billing.held.points_none",
                "billing.chat.points_not_used"));
        NAMED_SERVICES.forEach(s -> keys.add("billing.service." + s));
        return keys;
    }
}
