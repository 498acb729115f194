package org.socialbank.conversation.language;

import java.util.Map;
import java.util.Optional;
import org.socialbank.shared.Language;

/**
 * Short replies in the customer's language for a command the parser could not read. A small
 * table here, beside the grammar they teach, rather than in the application's message bundles.
 */
public final class Hints {

    private static final Map<Language, String> UNKNOWN = Map.of(
            Language.EN, "Sorry, I did not get that. Try: pay @bob 10 · balance · history · help",
            Language.FR, "Je n'ai pas compris. Essayez : envoie 10 € à @bob · solde · historique · aide",
            Language.RU, "Не понял. Попробуйте: переведи 500 руб. @ivan · баланс · история · помощь",
            Language.FA, "متوجه نشدم. مثلاً بنویسید: ۵۰ هزار تومان به @ali بفرست · موجودی · تاریخچه · راهنما",
            Language.ZH, "没听懂。试试：给@wang转100元 · 余额 · 账单 · 帮助");

    private static final Map<Language, String> AMOUNT = Map.of(
            Language.EN,
                    "I could not read the amount. Write it like 10.50 or 1,234.50, with no more decimals than the currency has.",
            Language.FR,
                    "Je n'ai pas pu lire le montant. Écrivez-le comme 10,50 ou 1 234,50, sans plus de décimales que la devise.",
            Language.RU,
                    "Не удалось прочитать сумму. Напишите её так: 10,50 или 1 234,50 — не больше знаков после запятой, чем у валюты.",
            Language.FA, "مبلغ را نتوانستم بخوانم. آن را مثل ۵۰۰۰۰ یا ۵۰ هزار تومان بنویسید (ریال اعشار ندارد).",
            Language.ZH, "没看懂金额。请这样写：10.50 或 1,234.50，小数位不要超过币种的位数。");

    private Hints() {}

    /** What to try instead of a command the parser could not read. */
    public static String unknown(Language language) {
        return UNKNOWN.get(language);
    }

    /** How to write an amount the parser refused. */
    public static String amount(Language language) {
        return AMOUNT.get(language);
    }

    /** The reply a command calls for: a hint when it was not understood, else none. */
    public static Optional<String> reply(ParsedCommand command) {
        if (command.intent() == Intent.UNKNOWN) {
            return Optional.of(unknown(command.language()));
        }
        return command.amountProblem().map(problem -> amount(command.language()));
    }
}
