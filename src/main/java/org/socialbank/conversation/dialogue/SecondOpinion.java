package org.socialbank.conversation.dialogue;

import java.util.EnumSet;
import java.util.Set;
import org.socialbank.conversation.language.Intent;
import org.socialbank.conversation.language.ParsedCommand;

/**
 * When the chat asks the assistant about a text the parser read as a command (issue 18). The
 * parser takes a command from any intent word in a text, so a customer's question that names a
 * transfer, an ATM or a statement reads as one: "I did a transfer but it is still pending" as
 * {@code pay}, "Why do I see an extra fee on my statement?" as {@code history}, "How do I
 * activate my card? Can you help" as {@code help} (about a third of BANKING77's training
 * questions). Such a text is asked of the assistant first, and its sure answer wins; an unsure
 * one leaves the command to answer, as before.
 *
 * <p>Only a text longer than a command ({@value #WORDS_MIN} words, or {@value #HAN_MIN} Chinese
 * characters), whose command came from a word in it (not a {@code /command}, a {@code #hashtag}
 * or a how-to question the help answers), with no amount, no payee and no language named, outside
 * a form being filled ("cancel" mid-payment cancels), and only for the commands a question names
 * in passing ({@link #ASKED_ABOUT}): never for those that change the chat itself (link, unlink,
 * language, stop), start one of our own features that BANKING77 knows nothing of (an appointment,
 * sweeping, a split, a reminder), or page a history being shown ("more"). Two kinds of question
 * are asked whatever their length: what paying costs ({@link #asksTheCost}) and why a payment did
 * not go through ({@link #asksWhyNotPaid}, even while a payment form waits). A pure policy.
 */
final class SecondOpinion {

    /** BANKING77's intent for being paid: a how-to question about being paid may be answered by it. */
    static final String RECEIVING_MONEY = org.socialbank.assistant.KnowledgeBase.RECEIVING_MONEY;

    /** BANKING77's intent for putting money into one's own account (session 18: answered too). */
    static final String TRANSFER_INTO_ACCOUNT = "transfer_into_account";

    /** Whether a how-to question about being paid may be answered by the intent's answer. */
    static boolean answersHowToBePaid(String intent) {
        return intent.equals(RECEIVING_MONEY) || intent.equals(TRANSFER_INTO_ACCOUNT);
    }

    /**
     * Whether the assistant's {@code intent} is the very feature {@code command} starts (session 26:
     * "I want to send money to my friend" read as pay, and sure of sending_money): the command then
     * stands, its form asks what is missing, instead of a how-to or "not sure".
     */
    static boolean confirms(ParsedCommand command, String intent) {
        return command.intent() == Intent.PAY && intent.equals(org.socialbank.assistant.FeatureQuestions.SENDING_MONEY);
    }

    /** The fewest words (letters between spaces or signs) of a text that may be a question. */
    static final int WORDS_MIN = 4;

    /** The fewest Chinese characters of a text that may be a question (Chinese has no spaces). */
    static final int HAN_MIN = 6;

    /**
     * The commands a question names in passing: the words of a transfer, a payment, a statement,
     * an ATM, a limit, a fee or help ("I did a transfer but it is still pending").
     */
    static final Set<Intent> ASKED_ABOUT = EnumSet.of(
            Intent.HELP,
            Intent.BALANCE,
            Intent.HISTORY,
            Intent.PAY,
            Intent.REQUEST,
            Intent.BRANCHES,
            Intent.CANCEL,
            Intent.BACK,
            Intent.MORE,
            Intent.LIMITS,
            Intent.SPENDING,
            Intent.ACCOUNT);

    /** A pattern over words in any language and case. */
    private static java.util.regex.Pattern words(String regex) {
        return java.util.regex.Pattern.compile(
                regex,
                java.util.regex.Pattern.CASE_INSENSITIVE
                        | java.util.regex.Pattern.UNICODE_CASE
                        | java.util.regex.Pattern.UNICODE_CHARACTER_CLASS);
    }

    /**
     * A person as the one paid ("send me", "m'envoyer", "перевести мне", "برام بفرسته", "给我转"):
     * in a how-to question, the customer asks how to be paid, not how to pay. Not "мне" before the
     * verb: "как мне перевести деньги?" is "how do I transfer money?". Or the receiving side named
     * without a person ("get paid", "recevoir un virement", "получить перевод", "دریافت", "收款").
     */
    private static final java.util.regex.Pattern PAID_ME =
            words("\\b(send|pay|transfer|give|wire|repay|refund|lend)\\s+(me|us)\\b"
                    + "|\\bm['’](envoyer|envoie|envoient|virer|vire|verser|transférer|rembourser|rendre|payer)"
                    + "|\\bme\\s+(payer|paie|paye|payent|virer|verser|transférer|rembourser|rendre|faire\\s+un\\s+virement)"
                    + "|(перев|скин|отправ|заплат|присл|переч|верн)\\S*\\s+мне\\b"
                    + "|(بهم|برام|واسم|به\\s+من|برای\\s+من)"
                    + "|(给我|向我).{0,3}(转|打钱|付|汇|还)"
                    // the receiving side named without "me": "how can I get paid?", "怎么收款"
                    + "|\\b(get|getting|be|being)\\s+paid\\b|\\b(receive|accept|collect)\\s+(money|payments?|transfers?|funds)\\b"
                    + "|\\brecevoir\\s+(de\\s+l['’]argent|un\\s+paiement|des\\s+paiements|un\\s+virement|des\\s+virements)"
                    + "|\\b(être|etre)\\s+pay[ée]|\\bse\\s+faire\\s+payer|\\bencaisser"
                    + "|(получ|приним)\\S*\\s+(деньги|денег|перевод|оплат|плат)|мне\\s+могут\\s+(заплат|перев|скин|отправ)"
                    + "|دریافت"
                    + "|收款|收钱|接收|(付|转|汇|打)钱?给我"
                    // money into one's own account: "how do I transfer money into my account?"
                    + "|\\b(in|into|to|onto)\\s+my\\s+(own\\s+)?account\\b|\\bsur\\s+mon\\s+compte\\b"
                    + "|на\\s+(мой|свой)\\s+сч[её]т|به\\s+حسابم|到我的(账户|账号)|存入我的");

    private SecondOpinion() {}

    /**
     * Whether a how-to question the help would answer asks how to be paid ("how can my friend send
     * me money?", "朋友怎么给我转钱"): then the chat takes the assistant's answer if it is sure of
     * receiving_money (the money requests' how-to), else the help as before. The parser's how-to
     * rule reads "how ... send" as a question about paying and cannot tell who pays.
     */
    static boolean asksHowToBePaid(ParsedCommand command, String text, DialogueState state) {
        return command.howTo() && state.form() == null && PAID_ME.matcher(text).find();
    }

    /**
     * Whether the command opens a form that asks for a payee and an amount ("pay", "request"): on a
     * question the assistant is not sure of, the chat shows its guesses and the command as a button
     * instead of opening the form on one word.
     */
    static boolean startsAForm(ParsedCommand command) {
        return command.intent() == Intent.PAY || command.intent() == Intent.REQUEST;
    }

    /**
     * A question about what something costs, in any length: "сколько стоит перевод", "how much does
     * a transfer cost", "combien coûte un virement", "کارمزد انتقال چقدره", "转账要多少手续费".
     */
    private static final java.util.regex.Pattern COST = words(
            "\\bhow\\s+much\\b.*\\b(cost|costs|fee|fees|charge|charges)\\b|\\bwhat\\s+(is|are)\\s+the\\s+(fee|fees|cost|charges?)\\b"
                    + "|\\bis\\s+there\\s+a\\s+(fee|charge)\\b"
                    + "|\\bcombien\\s+(co[uû]te|ça\\s+co[uû]te|ca\\s+co[uû]te)|\\bquels?\\s+(sont\\s+les\\s+)?frais|\\by\\s+a[- ]t[- ]il\\s+des\\s+frais"
                    + "|сколько\\s+стоит|какая\\s+комисси|есть\\s+ли\\s+комисси|сколько\\s+бер[её]те|стоимость"
                    + "|(هزینه|کارمزد)\\S*\\s.*(چقدر|چند)|(چقدر|چند)\\s+(هزینه|کارمزد)"
                    + "|多少手续费|手续费多少|手续费是多少|费用是多少|收费吗|收不收费|要手续费吗|多少钱手续费");

    /**
     * Whether a text the parser read as paying, requesting or the help's how-to asks what that
     * costs: the assistant is asked whatever its length (its fee answers), as for {@link #asked}.
     */
    static boolean asksTheCost(ParsedCommand command, String text, DialogueState state) {
        return asksAboutPaying(command, state) && COST.matcher(text).find();
    }

    /**
     * A text read as paying, requesting or the help's how-to, outside a form, with no amount and no
     * payee: a question about paying, which {@link #asksTheCost} and {@link #asksHowLong} narrow.
     */
    private static boolean asksAboutPaying(ParsedCommand command, DialogueState state) {
        return (command.fromWords() || command.howTo())
                && state.form() == null
                && (startsAForm(command) || command.intent() == Intent.HELP)
                && command.amount().isEmpty()
                && command.payees().isEmpty();
    }

    /**
     * A payment that did not go through, in the five languages: "my transfer failed", "declined",
     * "didn't go through", "virement refusé", "a échoué", "не прошёл", "отклонили", "انجام نشد",
     * "رد شد", "转账失败", "被拒".
     */
    private static final java.util.regex.Pattern NOT_PAID =
            words("\\b(fail|fails|failed|failing|failure|declined?|declines|rejected|refused|bounced|unsuccessful)\\b"
                    + "|\\b(didn'?t|did\\s+not|won'?t|will\\s+not|doesn'?t|does\\s+not|not)\\s+go(ing)?\\s+through\\b"
                    + "|[ée]chou|\\brefus|\\brejet|d[ée]clin|\\bpas\\s+pass[ée]|ne\\s+passe\\s+pas|\\bplant[ée]"
                    + "|не\\s*про(шел|шёл|шла|шло|ходит|ходят|водится)|отклон|отказ|не\\s+удал|неудач|не\\s+выполн"
                    + "|انجام\\s+نشد|انجام\\s+نمی|رد\\s+شد|ناموفق|نا\\s+موفق|شکست|قبول\\s+نمی|برگشت\\s+خورد"
                    + "|失败|被拒|拒绝|驳回|没成功|不成功|转不了|转不出|没转成|被退回");

    /**
     * Whether a text the parser read as paying or requesting asks why a payment did not go
     * through ("my transfer failed", "转账失败了"), with no amount and no payee: the assistant is
     * asked whatever its length, and even while a payment form waits for another amount (the
     * moment a refusal was just told), so the question never opens or fills a form.
     */
    static boolean asksWhyNotPaid(ParsedCommand command, String text) {
        return command.fromWords()
                && startsAForm(command)
                && command.amount().isEmpty()
                && command.payees().isEmpty()
                && NOT_PAID.matcher(text).find();
    }

    /**
     * How long a payment takes to arrive, in the five languages: "how long does a transfer take",
     * "combien de temps prend un virement", "сколько идёт перевод", "انتقال چقدر طول میکشه",
     * "转账多久到账" (BANKING77's transfer_timing; session 19).
     */
    private static final java.util.regex.Pattern HOW_LONG = words(
            "\\bhow\\s+long\\b|\\bhow\\s+many\\s+(days|hours)\\b|\\bwhen\\s+(will|does|do)\\b.*\\b(arrive|arrives|land|reach|get\\s+there)\\b"
                    + "|\\bcombien\\s+de\\s+(temps|jours|heures)\\b|\\bd[ée]lais?\\b|\\bquand\\b.*\\barriv"
                    + "|сколько\\s+(ид[её]т|идут|времени|дней|часов|занимает)|как\\s+долго|когда\\s+(прид[её]т|дойд[её]т|поступ|зачисл)"
                    + "|چقدر\\s+طول|چند\\s+(روز|ساعت)|کی\\s+(می\\s*\u200C?رس|واریز|میاد)|چه\\s+(زمانی|موقع)\\s.*(می\\s*\u200C?رس|واریز)"
                    + "|多久|多长时间|几天|几个小时|什么时候(能)?到|何时到");

    /**
     * Whether a text the parser read as paying, requesting or the help's how-to asks how long a
     * payment takes ("转账多久到账", "how long does a transfer take?"): the assistant is asked
     * whatever its length, as for {@link #asksTheCost}.
     */
    static boolean asksHowLong(ParsedCommand command, String text, DialogueState state) {
        return asksAboutPaying(command, state) && HOW_LONG.matcher(text).find();
    }

    /**
     * A cash machine that kept the card, in the five languages: "the ATM ate my card", "le
     * distributeur a avalé ma carte", "банкомат съел карту", "عابربانک کارتمو خورد", "ATM吞卡了"
     * (BANKING77's card_swallowed; session 19).
     */
    private static final java.util.regex.Pattern SWALLOWED =
            words("\\b(ate|eaten|swallowed|swallow|kept|keeps|retained|took|taken|stuck|ate\\s+up)\\b.*\\bcards?\\b"
                    + "|\\bcards?\\b.*\\b(swallowed|eaten|stuck|retained|kept|inside)\\b|\\b(didn'?t|did\\s+not|won'?t)\\s+(give|return|spit)\\b"
                    + "|aval[ée]|\\bgard[ée]\\s+ma\\s+carte|\\bma\\s+carte\\b.*\\b(coinc[ée]e|bloqu[ée]e\\s+dans|rest[ée]e\\s+dans)|pas\\s+rendu|mang[ée]"
                    + "|съел|сожрал|заж[её]вал|проглотил|не\\s+(вернул|отдал|выдал)\\s+карт|застрял|забрал\\s+карт"
                    + "|خورد|نداد\\s+بیرون|بیرون\\s+نداد|گیر\\s+کرد|ضبط|پس\\s+نداد|موند\\s+تو|ماند\\s+داخل"
                    + "|吞|没吐|不吐|退卡|卡被扣|卡在.{0,6}里|卡住");

    /**
     * Whether a text the parser read as the branches and cash machines says a machine kept the card
     * ("банкомат съел карту"): the assistant is asked whatever its length (card_swallowed locks the
     * card), else the nearest branches as before.
     */
    static boolean asksAboutAKeptCard(ParsedCommand command, String text) {
        return command.fromWords()
                && command.intent() == Intent.BRANCHES
                && SWALLOWED.matcher(text).find();
    }

    /**
     * Whether the chat asks the assistant about {@code text} before carrying out {@code command}: a
     * question longer than a command ({@link #asked}), one about what paying costs ({@link
     * #asksTheCost}), how long it takes ({@link #asksHowLong}), why a payment did not go through
     * ({@link #asksWhyNotPaid}) or a card a cash machine kept ({@link #asksAboutAKeptCard}); its
     * sure answer wins.
     */
    static boolean consulted(ParsedCommand command, String text, DialogueState state) {
        return asked(command, text, state)
                || asksTheCost(command, text, state)
                || asksHowLong(command, text, state)
                || asksWhyNotPaid(command, text)
                || asksAboutAKeptCard(command, text);
    }

    /** Whether the chat asks the assistant about {@code text}, a longer question, before carrying out {@code command}. */
    static boolean asked(ParsedCommand command, String text, DialogueState state) {
        return command.fromWords()
                && state.form() == null
                && ASKED_ABOUT.contains(command.intent())
                && !(command.intent() == Intent.MORE && state.historyShown() > 0)
                && command.amount().isEmpty()
                && command.amountProblem().isEmpty()
                && command.payees().isEmpty()
                && command.targetLanguage().isEmpty()
                && longerThanACommand(text);
    }

    /**
     * Whether the text has at least {@value #WORDS_MIN} words or {@value #HAN_MIN} Chinese
     * characters. A word is a run of letters and marks (a Persian zero-width non-joiner and an
     * apostrophe stay inside it: "می‌خواهم", "don't"); a Chinese character counts alone.
     */
    static boolean longerThanACommand(String text) {
        int words = 0;
        int han = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                han++;
                inWord = false;
            } else if (Character.isLetter(cp)
                    || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK
                    || (inWord && (cp == '\u200C' || cp == '\'' || cp == '\u2019'))) {
                if (!inWord) {
                    words++;
                    inWord = true;
                }
            } else {
                inWord = false;
            }
        }
        return words >= WORDS_MIN || han >= HAN_MIN;
    }
}
