package org.socialbank.conversation.language;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socialbank.shared.Language;

/**
 * A chat command on the bank's services (issue 16): "my points", "redeem 500 points" (s3); "apply
 * for a credit card", "apply for a loan", "my applications" (s4); "my appointments", "cancel my
 * appointment", "cancel K7M3PX" (s5); "vouchers", "redeem coffee" (s3, a partner's voucher), in the
 * five languages. Read only when it is the whole text. Pure.
 *
 * @param language the language the command was written in (its script, or its French words)
 * @param number the points of a redemption (else 0)
 * @param code a booking code named by a cancellation (upper case), or empty
 */
public record ServiceCommand(Kind kind, Language language, long number, Optional<String> code) {

    public enum Kind {
        MY_POINTS,
        REDEEM_POINTS,
        APPLY_CARD,
        APPLY_LOAN,
        MY_APPLICATIONS,
        MY_APPOINTMENTS,
        CANCEL_APPOINTMENT,
        MY_LOAN,
        /** What the rewards partner offers for points. */
        VOUCHERS,
        /** Points for a partner's voucher: {@code code} is the reward the text names (lower case). */
        REDEEM_VOUCHER
    }

    /** The longest text read. */
    public static final int TEXT_LENGTH_MAX = 80;

    private static final Pattern MY_POINTS =
            Pattern.compile("(?:show |check )?(?:my )?(?:loyalty |reward |bonus )?points"
                    + "(?: balance)?|how many points do i have"
                    + "|(?:voir )?mes points(?: de fidelite)?|solde (?:de )?(?:mes )?points"
                    + "|(?:мои |покажи мои |покажи )?(?:бонусные )?баллы|мои бонусы|сколько (?:у меня )?баллов"
                    + "|(?:نمایش )?امتیاز ?های من|امتیازهایم|امتیاز من|امتیازات من|امتیازاتم"
                    + "|我的积分|积分(?:余额|查询)?|查(?:询|看)?(?:我的)?积分");
    private static final Pattern REDEEM = Pattern.compile("(?:redeem|use|spend) (\\d{1,9}) (?:loyalty )?points?"
            + "|(?:utiliser|echanger|convertir|depenser) (\\d{1,9}) points?"
            + "|(?:списать|обменять|потратить|использовать) (\\d{1,9}) балл(?:ов|а)?"
            + "|(\\d{1,9}) امتیاز(?: را| رو)? (?:خرج کن|استفاده کن|تبدیل کن|برداشت کن)"
            + "|(?:تبدیل|استفاده از|خرج کردن) (\\d{1,9}) امتیاز"
            + "|(?:兑换|使用|用) ?(\\d{1,9}) ?(?:个)?积分|(\\d{1,9}) ?积分兑换");
    private static final String WANT = "(?:i want to |i would like to |i'd like to |i’d like to |i wish to |please )?";
    private static final Pattern APPLY_CARD = Pattern.compile(WANT + "(?:apply for|get|open) a credit card"
            + "|credit card application"
            + "|(?:je veux |je voudrais )?(?:demander|obtenir|ouvrir) une carte de credit|demande de carte de credit"
            + "|(?:хочу )?(?:оформить|получить|открыть) кредитную карту|заявка на кредитную карту"
            + "|(?:ثبت )?درخواست کارت اعتباری|(?:می ?خواهم |میخوام )?کارت اعتباری (?:بگیرم|می ?خواهم)"
            + "|(?:我要|我想)?申请信用卡|(?:我要|我想)?办(?:理|张)?信用卡");
    private static final Pattern APPLY_LOAN = Pattern.compile(WANT + "(?:apply for|get|take out) a loan"
            + "|loan application"
            + "|(?:je veux |je voudrais )?(?:demander|obtenir|faire une demande de) (?:un )?pret|demande de pret"
            + "|(?:хочу )?(?:оформить|получить|взять) кредит|заявка на кредит"
            + "|(?:ثبت )?درخواست وام|(?:می ?خواهم |میخوام )?وام (?:بگیرم|می ?خواهم)"
            + "|(?:我要|我想)?申请贷款|(?:我要|我想)?(?:办理)?贷款");
    private static final Pattern MY_APPLICATIONS = Pattern.compile("(?:show |check )?(?:my )?applications?(?: status)?"
            + "|(?:the )?status of my applications?"
            // "mes demandes" and «درخواست‌های من» alone are the money requests of issue 13
            + "|mes demandes de (?:cr[ée]dit|pr[êe]t|carte)|mes dossiers|suivi de (?:ma|mes) demandes?|ou en est ma demande"
            + "|мои заявки|статус (?:моей )?заявки|статус заявок"
            + "|تقاضا ?های من|تقاضاهایم|درخواست ?های (?:وام|کارت)(?: من)?|وضعیت (?:درخواست|تقاضا)(?: ?های)?(?: من)?"
            + "|我的申请|申请进度|查(?:询|看)?(?:我的)?申请(?:进度)?");
    private static final Pattern MY_LOAN = Pattern.compile("(?:show |check )?my loans?(?: schedule)?"
            + "|(?:my )?(?:loan|repayment) schedule|(?:voir )?mon pret|mes prets|(?:mon )?echeancier(?: de (?:mon )?pret)?"
            + "|мой кредит|мои кредиты|график (?:платежей|погашения)(?: по кредиту)?"
            + "|وام من|وامم|اقساط(?: وام)?(?: من)?|قسط ?های (?:وام )?من"
            + "|我的贷款|(?:我的)?还款计划|贷款(?:还款)?(?:计划|明细)");
    private static final Pattern MY_APPOINTMENTS = Pattern.compile("(?:show |list )?(?:my )?(?:appointments|bookings)"
            + "|my appointment|(?:voir )?mes rendez-vous|mes rdv|mon rendez-vous"
            + "|(?:мои |покажи мои )?записи(?: в отделение)?|моя запись|мои визиты"
            + "|نوبت ?های من|نوبتهایم|نوبت من"
            + "|我的预约|查(?:看|询)?(?:我的)?预约");
    private static final String CODE = "([acefghjkmnprtwxy34679]{6})";
    private static final Pattern CANCEL =
            Pattern.compile("cancel (?:my |the )?(?:appointment|booking)(?: " + CODE + ")?"
                    + "|cancel " + CODE
                    + "|annuler (?:mon |le )?(?:rendez-vous|rdv)(?: " + CODE + ")?|annuler " + CODE
                    + "|отменить (?:мою |мои )?запис[ьи](?: " + CODE + ")?|отмени(?:ть)? " + CODE
                    + "|لغو نوبت(?: من)?(?: " + CODE + ")?|نوبت(?:م| من)? را لغو کن|لغو " + CODE
                    + "|取消(?:我的)?预约(?: ?" + CODE + ")?|取消 ?" + CODE);

    private static final Pattern VOUCHERS = Pattern.compile("(?:show |list )?(?:the |my )?(?:partner |reward )?"
            + "(?:vouchers|rewards|gift cards)|what can i (?:get|buy) with (?:my )?points"
            + "|(?:voir )?(?:les |mes )?(?:bons(?: d'achat| cadeaux)?|cheques cadeaux|recompenses)"
            + "|(?:покажи )?(?:мои )?(?:ваучеры|купоны|подарочные сертификаты|награды)|что можно получить за баллы"
            + "|(?:نمایش )?(?:بن ?ها|بنهای خرید|کارت ?های هدیه|جوایز|هدایا)(?: من)?|با امتیاز چه می ?توانم بگیرم"
            + "|(?:我的)?(?:优惠券|兑换券|礼券|代金券)|积分(?:商城|兑换礼品|能换什么)");
    private static final String REWARD = "([a-z0-9][a-z0-9_-]{0,31}|[\\p{L}][\\p{L}' -]{1,31})";
    // a word of vouchers is required ("redeem", "échanger", "обменять", «بن», "兑换"): "get my balance" stays other
    // words'
    private static final Pattern REDEEM_VOUCHER =
            Pattern.compile("redeem(?: the| a| an)?(?: voucher| reward)?(?: for)? "
                    + REWARD + "(?: voucher)?|(?:get|order)(?: the| a| an)? (?:voucher|reward) " + REWARD
                    + "|(?:get|order)(?: the| a| an)? " + REWARD + " voucher"
                    + "|echanger(?: le| un)?(?: bon)?(?: pour| contre)? " + REWARD
                    + "|(?:obtenir|commander)(?: le| un)? bon "
                    + REWARD + "|обменять(?: баллы)? на " + REWARD + "|(?:получить|заказать) (?:ваучер|купон) " + REWARD
                    + "|(?:دریافت|گرفتن|سفارش) (?:بن|کارت هدیه) " + REWARD
                    + "|兑换(?:优惠券|礼券)? ?" + REWARD + "|(?:领取|换)(?:优惠券|礼券) ?" + REWARD);

    /** The kinds read by a pattern alone, in the order they are tried. */
    private static final List<Map.Entry<Pattern, Kind>> KINDS = List.of(
            Map.entry(MY_POINTS, Kind.MY_POINTS),
            Map.entry(MY_LOAN, Kind.MY_LOAN),
            Map.entry(APPLY_CARD, Kind.APPLY_CARD),
            Map.entry(APPLY_LOAN, Kind.APPLY_LOAN),
            Map.entry(MY_APPLICATIONS, Kind.MY_APPLICATIONS),
            Map.entry(MY_APPOINTMENTS, Kind.MY_APPOINTMENTS),
            Map.entry(VOUCHERS, Kind.VOUCHERS));

    /** The command the whole text is, or empty. */
    public static Optional<ServiceCommand> read(String text) {
        if (text == null || text.isBlank() || text.length() > TEXT_LENGTH_MAX) {
            return Optional.empty();
        }
        // the isolates our Persian messages put around a reward's code, should a reader copy them back
        String t = CardCommand.words(text.replaceAll("[\u2066-\u2069]", ""));
        Matcher redeem = REDEEM.matcher(t);
        if (redeem.matches()) {
            return Optional.of(new ServiceCommand(
                    Kind.REDEEM_POINTS, languageOf(t), Long.parseLong(firstGroup(redeem)), Optional.empty()));
        }
        Matcher cancel = CANCEL.matcher(t);
        if (cancel.matches()) {
            String code = firstGroup(cancel);
            return Optional.of(new ServiceCommand(
                    Kind.CANCEL_APPOINTMENT,
                    languageOf(t),
                    0,
                    Optional.ofNullable(code).map(c -> c.toUpperCase(java.util.Locale.ROOT))));
        }
        return CardCommand.firstMatch(t, KINDS)
                .map(kind -> new ServiceCommand(kind, languageOf(t), 0, Optional.empty()))
                .or(() -> voucher(t));
    }

    /** "Redeem coffee": read last, so that "get a loan" stays an application and "redeem 500 points" points. */
    private static Optional<ServiceCommand> voucher(String t) {
        Matcher voucher = REDEEM_VOUCHER.matcher(t);
        if (!voucher.matches()) {
            return Optional.empty();
        }
        String reward = firstGroup(voucher).strip().replaceAll(" (?:voucher|reward)$", "");
        if (VOUCHERS.matcher(reward).matches()) { // "兑换优惠券", "redeem vouchers": what is there to redeem
            return Optional.of(new ServiceCommand(Kind.VOUCHERS, languageOf(t), 0, Optional.empty()));
        }
        if (reward.matches("\\d.*|(?:(?:a |an |the |my |loyalty )*(?:points?|loans?|credit card|cards?)"
                + "|баллы|кредит.*|امتیاز.*|وام.*|积分|贷款|信用卡|pret|carte.*)")) {
            return Optional.empty();
        }
        return Optional.of(new ServiceCommand(Kind.REDEEM_VOUCHER, languageOf(t), 0, Optional.of(reward)));
    }

    private static String firstGroup(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return null;
    }

    private static Language languageOf(String t) {
        return CardCommand.scriptLanguage(t)
                .orElseGet(() -> t.matches(
                                ".*\\b(?:mes|ma|mon|voir|solde|utiliser|echanger|convertir|depenser|je|demander|obtenir|ouvrir"
                                        + "|demande|pret|suivi|ou|annuler|rendez-vous|rdv|une|carte|le|de|prets|echeancier|bons|bon|cheques|recompenses"
                                        + "|commander|les)\\b.*")
                        ? Language.FR
                        : Language.EN);
    }
}
