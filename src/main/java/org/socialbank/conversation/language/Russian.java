package org.socialbank.conversation.language;

import static org.socialbank.shared.Language.RU;

import java.math.BigDecimal;
import org.socialbank.conversation.language.Sense.CurrencyWord;
import org.socialbank.conversation.language.Sense.IntentWord;
import org.socialbank.conversation.language.Sense.LanguageName;
import org.socialbank.conversation.language.Sense.Multiplier;
import org.socialbank.shared.Language;

/**
 * Russian, mostly by stems: a verb or a noun has many endings (переведи, перевести, переведите;
 * рубль, рубля, рублей), and the longest stem a word starts with gives its sense.
 */
final class Russian {

    private Russian() {}

    static void into(Lexicon.Builder b) {
        b.stems(
                        intent(Intent.PAY),
                        "перевед",
                        "перевест",
                        "перевод",
                        "отправ",
                        "скин",
                        "кинь",
                        "заплат",
                        "оплат",
                        "перечисл",
                        "вышли",
                        "вышл")
                .intent(RU, Intent.PAY, "пошли", "пришли")
                .weak(RU, Intent.PAY, "дай", "дайте")
                .stems(intent(Intent.REQUEST), "запрос", "попрос", "потребу", "выстав")
                .stems(intent(Intent.SPLIT), "раздел", "подел")
                .intent(RU, Intent.SPLIT, "пополам", "скинемся", "скинуться", "скинься")
                .stems(intent(Intent.BALANCE), "баланс", "остат")
                .intent(
                        RU,
                        Intent.BALANCE,
                        "сколько денег",
                        "сколько у меня",
                        "сколько у меня денег",
                        "сколько на счёте",
                        "сколько на счету")
                .stems(intent(Intent.HISTORY), "истори", "выписк", "операци", "транзакци", "движени")
                .stems(intent(Intent.HELP), "помощ", "помоги", "помогит", "справк", "команд")
                .intent(RU, Intent.HELP, "что ты умеешь", "что умеешь", "меню")
                .stems(new IntentWord(Intent.HELP, true, RU), "привет", "здравств")
                .weak(RU, Intent.HELP, "добрый день", "добрый вечер")
                .intent(
                        RU,
                        Intent.REQUESTS,
                        "мои запросы",
                        "открытые запросы",
                        "кто мне должен",
                        "мои запросы денег",
                        "список запросов")
                .stems(intent(Intent.REMIND), "напомн", "напомин")
                .stems(intent(Intent.ACCOUNT), "реквизит")
                .intent(RU, Intent.ACCOUNT, "номер счета", "номер счёта", "мой номер счета", "мой номер счёта")
                .stems(intent(Intent.LIMITS), "лимит")
                .intent(RU, Intent.LIMITS, "сколько можно перевести", "сколько я могу перевести")
                .stems(intent(Intent.SPENDING), "потрат", "трат", "расход")
                .weak(RU, Intent.MORE, "ещё", "еще", "дальше", "показать ещё", "следующая страница")
                .how(RU, "как")
                .stems(intent(Intent.CANCEL), "отмен")
                .stems(intent(Intent.BRANCHES), "отделени", "банкомат", "филиал")
                .stems(intent(Intent.APPOINTMENT), "записат", "запиши", "запишит", "записывани")
                .intent(
                        RU,
                        Intent.SWEEP,
                        "собрать деньги",
                        "собери деньги",
                        "соберите деньги",
                        "другие банки",
                        "другой банк",
                        "другого банка",
                        "других банках",
                        "отозвать",
                        "отзови")
                .intent(RU, Intent.APPOINTMENT, "запись", "записаться на приём", "на приём", "на прием")
                .weak(RU, Intent.THANKS, "спасибо", "спс", "благодарю", "большое спасибо")
                .weak(RU, Intent.BACK, "назад", "вернись", "вернуться", "шаг назад")
                .intent(RU, Intent.CANCEL, "стоп", "хватит", "не надо", "передумал", "передумала")
                .stems(intent(Intent.LANGUAGE), "язык", "говори", "переключ")
                .stems(intent(Intent.LINK), "привяз", "привяж", "подключ", "связать")
                .stems(intent(Intent.UNLINK), "отвяз", "отвяж", "отключ")
                .filler(
                        RU,
                        "на",
                        "для",
                        "от",
                        "у",
                        "мне",
                        "мой",
                        "мою",
                        "мои",
                        "моя",
                        "и",
                        "с",
                        "пожалуйста",
                        "между",
                        "каждому",
                        "счёт",
                        "деньги",
                        "денег",
                        "по",
                        "в",
                        "какой",
                        "я",
                        "хочу",
                        "ему",
                        "ей",
                        "всем",
                        "со",
                        "за",
                        "к",
                        "нам",
                        "мы",
                        "сейчас",
                        "друг",
                        "ужин",
                        "обед",
                        "аренда")
                .stems(currency("RUB"), "руб")
                .stems(currency("USD"), "доллар", "бакс")
                .stems(currency("CNY"), "юан")
                .stems(currency("INR"), "рупи")
                .stems(currency("GBP"), "фунт")
                .stems(currency("IRR"), "риал")
                .stems(new CurrencyWord("IRR", BigDecimal.TEN, false, RU), "туман")
                .currency("EUR", RU, "евро")
                .currencyNextToNumber("RUB", RU, "р")
                .centStems("RUB", RU, "копе", "коп")
                .stems(new Multiplier(BigDecimal.valueOf(1_000), false, RU), "тыс", "тыщ")
                .stems(new Multiplier(BigDecimal.valueOf(1_000_000), false, RU), "миллион")
                .stems(new Multiplier(BigDecimal.valueOf(1_000_000_000), false, RU), "миллиард")
                .multiplier(1_000_000, RU, "млн")
                .multiplier(1_000_000_000, RU, "млрд")
                .gluedMultiplier(1_000, RU, "к")
                .stems(new LanguageName(Language.EN, RU), "англ")
                .stems(new LanguageName(Language.FR, RU), "франц")
                .stems(new LanguageName(Language.RU, RU), "русск")
                .stems(new LanguageName(Language.FA, RU), "перс", "фарси")
                .stems(new LanguageName(Language.ZH, RU), "китайск");
    }

    private static IntentWord intent(Intent intent) {
        return new IntentWord(intent, false, RU);
    }

    private static CurrencyWord currency(String code) {
        return new CurrencyWord(code, BigDecimal.ONE, false, RU);
    }
}
