package org.socialbank.conversation.language;

import static org.socialbank.shared.Language.EN;
import static org.socialbank.shared.Language.FR;

import java.math.BigDecimal;
import org.socialbank.conversation.language.Sense.CurrencyWord;
import org.socialbank.shared.Language;

/**
 * Currency signs and the currency and number words English and French share, the short words
 * of hashtag and slash commands, and the names of the languages in English and French.
 * ISO 4217 codes need no entry: any code of {@link org.socialbank.shared.CurrencyCode} is read.
 */
final class CommonWords {

    private CommonWords() {}

    static void into(Lexicon.Builder b) {
        b.sign('€', "EUR")
                .sign('₽', "RUB", Language.RU)
                .sign('₹', "INR")
                .sign('£', "GBP")
                .sign('$', "USD")
                .sign('₺', "TRY")
                .sign('₩', "KRW")
                .sign('₴', "UAH")
                .sign('₪', "ILS")
                .sign('฿', "THB")
                .sign('¥', CurrencyWord.YEN_SIGN)
                .currency("EUR", null, "euro", "euros")
                .currency("USD", null, "dollar", "dollars")
                .currency("USD", EN, "bucks")
                .currency("RUB", null, "ruble", "rubles", "rouble", "roubles")
                .currency("INR", EN, "rupee", "rupees")
                .currency("INR", FR, "roupie", "roupies")
                .currencyNextToNumber("INR", null, "rs")
                .currency("CNY", null, "yuan", "rmb", "renminbi")
                .currency("JPY", null, "yen")
                .currency("IRR", null, "rial", "rials")
                .unit("IRR", BigDecimal.TEN, null, "toman", "tomans")
                .currencyNextToNumber("GBP", EN, "pound", "pounds")
                .currencyNextToNumber("GBP", FR, "livre", "livres")
                .cents(null, EN, "cent", "cents")
                .cents(null, FR, "centime", "centimes")
                .gluedMultiplier(1_000, null, "k")
                .multiplier(1_000, EN, "thousand")
                .multiplier(1_000, FR, "mille")
                .multiplier(100_000, EN, "lakh", "lakhs", "lac")
                .multiplier(10_000_000, EN, "crore", "crores")
                .multiplier(1_000_000, null, "million", "millions", "mln", "mn")
                .multiplier(1_000_000_000, FR, "milliard", "milliards")
                .languageName(Language.EN, EN, "english")
                .languageName(Language.FR, EN, "french")
                .languageName(Language.RU, EN, "russian")
                .languageName(Language.FA, EN, "persian", "farsi")
                .languageName(Language.ZH, EN, "chinese", "mandarin")
                .languageName(Language.EN, FR, "anglais")
                .languageName(Language.FR, FR, "français")
                .languageName(Language.RU, FR, "russe")
                .languageName(Language.FA, FR, "persan")
                .languageName(Language.ZH, FR, "chinois")
                .command(Intent.PAY, "pay", "send", "transfer")
                .command(Intent.REQUEST, "req", "request", "collect")
                .command(Intent.SPLIT, "split")
                .command(Intent.BALANCE, "bal", "balance", "solde")
                .command(Intent.HISTORY, "hist", "history", "mini", "stmt", "statement", "txn")
                .command(Intent.HELP, "help", "start", "menu", "aide", "commands")
                .command(Intent.CANCEL, "cancel", "stop")
                .command(Intent.LANGUAGE, "lang", "language", "langue")
                .command(Intent.BRANCHES, "branches", "branch", "atm", "agences")
                .command(Intent.BACK, "back", "retour")
                .command(Intent.APPOINTMENT, "appointment", "rdv")
                .command(Intent.LINK, "link")
                .command(Intent.UNLINK, "unlink")
                .command(Intent.REQUESTS, "requests")
                .command(Intent.REMIND, "remind")
                .command(Intent.ACCOUNT, "iban", "account")
                .command(Intent.LIMITS, "limits")
                .command(Intent.SPENDING, "spending")
                .command(Intent.MORE, "more");
    }
}
