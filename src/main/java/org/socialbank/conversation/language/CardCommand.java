package org.socialbank.conversation.language;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.socialbank.shared.Language;

/**
 * A chat command on cards (issue 16): "my cards", "lock my card", "my credit card bill", "card
 * limit", "repay in full / minimum / 500", in the five languages ("mes cartes", "заблокировать карту", "صورتحساب کارت اعتباری", "信用卡账单"). Read
 * only when it is the whole text. Pure.
 *
 * @param language the language the command was written in (its script, or its French words)
 */
public record CardCommand(Kind kind, Language language, Optional<BigDecimal> amount) {

    public enum Kind {
        MY_CARDS,
        LOCK,
        BILL,
        /** "card limit": a credit card's limit and what is left of it. */
        LIMIT,
        /** "repay in full": the whole balance owed now, confirmed on the bank's page. */
        REPAY_FULL,
        /** "repay minimum": the latest statement's minimum not yet repaid, confirmed on the bank's page. */
        REPAY_MINIMUM,
        /** "repay 500": that amount in the card's currency, confirmed on the bank's page. */
        REPAY_AMOUNT,
        /** "auto-repay in full": the statement's balance on each due date, from the primary account. */
        AUTO_REPAY_FULL,
        /** "auto-repay minimum": the statement's minimum on each due date. */
        AUTO_REPAY_MINIMUM,
        /** "auto-repay off". */
        AUTO_REPAY_OFF,
        /** "unlock my card": confirmed on the bank's page. */
        UNLOCK
    }

    public CardCommand(Kind kind, Language language) {
        this(kind, language, Optional.empty());
    }

    /** The longest text read. */
    public static final int TEXT_LENGTH_MAX = 64;

    private static final Pattern MY_CARDS = Pattern.compile("(?:show |list )?(?:(?:my|all my) )?(?:bank )?cards"
            + "|(?:affiche |voir )?mes cartes(?: bancaires)?"
            + "|(?:мои |покажи мои )?карты"
            + "|(?:نمایش )?کارت ?های من|کارتهای من|کارت هایم"
            + "|我的(?:银行)?卡(?:片)?|查(?:看)?(?:我的)?(?:银行)?卡");
    private static final Pattern LOCK =
            Pattern.compile("(?:please )?(?:lock|freeze) (?:my |the )?(?:bank |credit |debit )?cards?"
                    + "|(?:bloquer|verrouiller|bloque|verrouille|bloquez|verrouillez) (?:ma|mes) cartes?"
                    + "|(?:заблокир(?:овать|уй|уйте)|заморо(?:зить|зь|зьте)) (?:мою |мои )?карт[уы]"
                    + "|(?:کارتم را|کارت من را|کارتم رو) (?:مسدود|قفل) کن|(?:مسدود|قفل) کردن کارت(?: من)?"
                    + "|锁(?:定)?(?:我的)?卡|冻结(?:我的)?(?:银行)?卡");
    private static final Pattern BILL = Pattern.compile("(?:my |show my )?credit card (?:bill|statement)"
            + "|(?:mon |ma )?(?:releve|facture) (?:de )?(?:ma )?carte (?:de )?credit"
            + "|(?:сч[её]т|выписка) по кредит(?:ке|ной карте)"
            + "|(?:صورت ?حساب|صورتحساب) کارت اعتباری(?: من)?"
            + "|(?:我的)?信用卡账单|查(?:询)?信用卡账单");

    private static final Pattern LIMIT = Pattern.compile("(?:my |what is my )?(?:credit )?card (?:limit|credit limit)"
            + "|(?:mon )?plafond(?: de)?(?: ma)? carte(?: de credit)?|лимит (?:по )?(?:моей )?(?:кредитной )?карт[еы]"
            + "|лимит по кредитке|سقف (?:اعتبار )?کارت(?: اعتباری)?(?: من)?|(?:我的)?信用卡额度|额度");
    private static final Pattern REPAY_FULL = Pattern.compile("(?:repay|pay off) (?:my credit card )?(?:in full|"
            + "everything|it all|all|the full (?:amount|balance))|rembourser (?:en totalite|tout|integralement)"
            + "|погасить (?:кредитку |карту )?(?:вс[её]|полностью)|(?:پرداخت|تسویه) کامل(?: کارت اعتباری| صورتحساب)?"
            + "|全额还款|还全款|全部还款|一次还清");
    private static final Pattern REPAY_MINIMUM = Pattern.compile("(?:repay|pay) (?:the )?minimum(?: payment)?"
            + "|(?:rembourser|payer) le minimum|(?:погасить|внести|заплатить) (?:минимум|минимальный плат[её]ж)"
            + "|پرداخت حداقل(?: مبلغ)?|حداقل را پرداخت کن|最低还款|还最低(?:还款额)?");
    private static final Pattern REPAY_AMOUNT =
            Pattern.compile("(?:repay|rembourser|погасить|بازپرداخت|还款|还) ?" + "(\\d{1,12}(?:[.,]\\d{1,4})?)(?: ?元)?");

    private static final String AUTO = "(?:auto-? ?repay(?:ment)?|automatic repayment"
            + "|remboursement automatique|автопогашение|(?:پرداخت|بازپرداخت) خودکار|自动还款)";
    private static final Pattern AUTO_REPAY_OFF = Pattern.compile("(?:turn off|stop|cancel|disable) (?:my )?" + AUTO
            + "|" + AUTO + " off|(?:desactiver|arreter|annuler) (?:le )?" + AUTO
            + "|(?:отключить|выключить|отменить) " + AUTO + "|(?:لغو|غیرفعال کردن|قطع) " + AUTO
            + "|(?:取消|关闭|停止)" + AUTO);
    private static final Pattern AUTO_REPAY_MINIMUM = Pattern.compile("(?:turn on |set up |start )?" + AUTO
            + " (?:the )?minimum(?: payment)?|" + AUTO + " (?:du |le )?minimum|" + AUTO
            + " (?:минимум|минимального платежа)"
            + "|" + AUTO + " حداقل(?: مبلغ)?|自动(?:还款)?(?:还)?最低(?:还款额?)?");
    private static final Pattern AUTO_REPAY_FULL = Pattern.compile("(?:turn on |set up |start )?" + AUTO
            + "(?: in full| everything| all| the full balance)?|(?:activer (?:le )?)?" + AUTO
            + "(?: total| integral| de tout)?|(?:включить |подключить )?" + AUTO + "(?: полностью| всей суммы)?"
            + "|(?:فعال کردن )?" + AUTO + "(?: کامل)?|(?:开通)?自动(?:全额还款|还款(?:全额)?)");

    private static final Pattern UNLOCK =
            Pattern.compile("(?:please )?(?:unlock|unfreeze) (?:my |the )?(?:bank |credit "
                    + "|debit )?cards?|(?:debloquer|deverrouiller|debloque|deverrouille|debloquez|deverrouillez) (?:ma|mes) cartes?"
                    + "|(?:разблокир(?:овать|уй|уйте)|размороз(?:ить|ь|ьте)) (?:мою |мои )?карт[уы]"
                    + "|(?:کارتم را|کارت من را|کارتم رو) (?:از مسدودی خارج|باز) کن|رفع (?:مسدودی|انسداد) کارت(?: من)?"
                    + "|解锁(?:我的)?(?:银行)?卡|解冻(?:我的)?(?:银行)?卡");

    /** The kinds read by a pattern, in the order they are tried: "unlock" before "lock", "auto-repay" before "repay". */
    private static final List<Map.Entry<Pattern, Kind>> KINDS = List.of(
            Map.entry(UNLOCK, Kind.UNLOCK),
            Map.entry(AUTO_REPAY_OFF, Kind.AUTO_REPAY_OFF),
            Map.entry(AUTO_REPAY_MINIMUM, Kind.AUTO_REPAY_MINIMUM),
            Map.entry(AUTO_REPAY_FULL, Kind.AUTO_REPAY_FULL),
            Map.entry(REPAY_FULL, Kind.REPAY_FULL),
            Map.entry(REPAY_MINIMUM, Kind.REPAY_MINIMUM),
            Map.entry(LIMIT, Kind.LIMIT),
            Map.entry(LOCK, Kind.LOCK),
            Map.entry(BILL, Kind.BILL),
            Map.entry(MY_CARDS, Kind.MY_CARDS));

    /** The command the whole text is, or empty. */
    public static Optional<CardCommand> read(String text) {
        if (text == null || text.length() > TEXT_LENGTH_MAX) {
            return Optional.empty();
        }
        String t = words(text);
        java.util.regex.Matcher amount = REPAY_AMOUNT.matcher(t);
        if (amount.matches()) {
            return Optional.of(new CardCommand(
                    Kind.REPAY_AMOUNT,
                    languageOf(t),
                    Optional.of(new BigDecimal(amount.group(1).replace(',', '.')))));
        }
        return firstMatch(t, KINDS).map(kind -> new CardCommand(kind, languageOf(t)));
    }

    /** The text as the commands read it: normalized, keyed, no trailing punctuation, single spaces. */
    static String words(String text) {
        return Text.key(Text.normalize(text))
                .replaceAll("[.!?؟。！？\\s]+$", "")
                .strip()
                .replaceAll("\\s+", " ");
    }

    /** The kind of the first pattern, in their order, that the whole text matches. */
    static <K> Optional<K> firstMatch(String t, List<Map.Entry<Pattern, K>> kinds) {
        return kinds.stream()
                .filter(k -> k.getKey().matcher(t).matches())
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** The language the text's script says (Chinese, Russian, Persian); empty for Latin letters. */
    static Optional<Language> scriptLanguage(String t) {
        if (t.codePoints().anyMatch(Character::isIdeographic)) {
            return Optional.of(Language.ZH);
        }
        if (t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)) {
            return Optional.of(Language.RU);
        }
        if (t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)) {
            return Optional.of(Language.FA);
        }
        return Optional.empty();
    }

    private static Language languageOf(String t) {
        return scriptLanguage(t)
                .orElseGet(() -> t.matches(
                                        ".*\\b(?:mes|ma|mon|cartes?|releve|facture|bloquer|verrouiller|bloque|verrouille|bloquez|"
                                                + "verrouillez|affiche|voir|rembourser|payer|le|tout|plafond|remboursement|desactiver|activer|arreter|debloquer|deverrouiller|debloque|deverrouille|debloquez|deverrouillez)\\b.*")
                                && !t.contains("credit card")
                        ? Language.FR
                        : Language.EN);
    }
}
