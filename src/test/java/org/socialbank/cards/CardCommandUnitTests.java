package org.socialbank.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.conversation.language.CardCommand;
import org.socialbank.conversation.language.CardCommand.Kind;
import org.socialbank.shared.Language;

/** Issue 16's card commands in the five languages, read only as the whole text. */
class CardCommandUnitTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "my cards|MY_CARDS|EN",
                "Show my cards|MY_CARDS|EN",
                "cards|MY_CARDS|EN",
                "mes cartes|MY_CARDS|FR",
                "Mes cartes bancaires ?|MY_CARDS|FR",
                "мои карты|MY_CARDS|RU",
                "Карты|MY_CARDS|RU",
                "کارت‌های من|MY_CARDS|FA",
                "كارت هاي من|MY_CARDS|FA",
                "我的卡|MY_CARDS|ZH",
                "我的银行卡|MY_CARDS|ZH",
                "lock my card|LOCK|EN",
                "Lock my card!|LOCK|EN",
                "freeze my credit card|LOCK|EN",
                "bloquer ma carte|LOCK|FR",
                "Verrouiller ma carte|LOCK|FR",
                "заблокировать карту|LOCK|RU",
                "Заблокируй мою карту|LOCK|RU",
                "کارتم را مسدود کن|LOCK|FA",
                "قفل کردن کارت|LOCK|FA",
                "锁卡|LOCK|ZH",
                "冻结我的卡|LOCK|ZH",
                "my credit card bill|BILL|EN",
                "Credit card statement?|BILL|EN",
                "relevé de carte de crédit|BILL|FR",
                "ma facture de carte de crédit|BILL|FR",
                "счёт по кредитке|BILL|RU",
                "Выписка по кредитной карте|BILL|RU",
                "صورتحساب کارت اعتباری|BILL|FA",
                "صورت حساب کارت اعتباری من|BILL|FA",
                "信用卡账单|BILL|ZH",
                "我的信用卡账单？|BILL|ZH",
                "repay in full|REPAY_FULL|EN",
                "rembourser tout|REPAY_FULL|FR",
                "погасить всё|REPAY_FULL|RU",
                "پرداخت کامل|REPAY_FULL|FA",
                "全额还款|REPAY_FULL|ZH",
                "repay minimum|REPAY_MINIMUM|EN",
                "payer le minimum|REPAY_MINIMUM|FR",
                "погасить минимум|REPAY_MINIMUM|RU",
                "پرداخت حداقل|REPAY_MINIMUM|FA",
                "最低还款|REPAY_MINIMUM|ZH",
                "card limit|LIMIT|EN",
                "My credit card limit?|LIMIT|EN",
                "plafond de ma carte|LIMIT|FR",
                "лимит по кредитке|LIMIT|RU",
                "سقف کارت اعتباری|LIMIT|FA",
                "信用卡额度|LIMIT|ZH",
                "auto-repay in full|AUTO_REPAY_FULL|EN",
                "Turn on auto-repayment|AUTO_REPAY_FULL|EN",
                "remboursement automatique|AUTO_REPAY_FULL|FR",
                "автопогашение|AUTO_REPAY_FULL|RU",
                "Включить автопогашение полностью|AUTO_REPAY_FULL|RU",
                "پرداخت خودکار کامل|AUTO_REPAY_FULL|FA",
                "自动还款|AUTO_REPAY_FULL|ZH",
                "自动全额还款|AUTO_REPAY_FULL|ZH",
                "auto-repay minimum|AUTO_REPAY_MINIMUM|EN",
                "remboursement automatique du minimum|AUTO_REPAY_MINIMUM|FR",
                "автопогашение минимум|AUTO_REPAY_MINIMUM|RU",
                "پرداخت خودکار حداقل|AUTO_REPAY_MINIMUM|FA",
                "自动还最低|AUTO_REPAY_MINIMUM|ZH",
                "auto-repay off|AUTO_REPAY_OFF|EN",
                "turn off auto-repayment|AUTO_REPAY_OFF|EN",
                "désactiver le remboursement automatique|AUTO_REPAY_OFF|FR",
                "отключить автопогашение|AUTO_REPAY_OFF|RU",
                "لغو پرداخت خودکار|AUTO_REPAY_OFF|FA",
                "取消自动还款|AUTO_REPAY_OFF|ZH",
                "unlock my card|UNLOCK|EN",
                "Unlock my credit card!|UNLOCK|EN",
                "débloquer ma carte|UNLOCK|FR",
                "разблокировать карту|UNLOCK|RU",
                "Разблокируй мою карту|UNLOCK|RU",
                "کارتم را باز کن|UNLOCK|FA",
                "رفع مسدودی کارت|UNLOCK|FA",
                "解锁卡|UNLOCK|ZH",
                "解冻我的卡|UNLOCK|ZH"
            })
    void readsTheCommandAndItsLanguage(String text, Kind kind, Language language) {
        assertThat(CardCommand.read(text)).contains(new CardCommand(kind, language));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "repay 500|500|EN",
                "Rembourser 12,50|12.50|FR",
                "погасить 300|300|RU",
                "بازپرداخت ۵۰۰|500|FA",
                "还款500元|500|ZH"
            })
    void readsTheAmountToRepay(String text, java.math.BigDecimal amount, Language language) {
        assertThat(CardCommand.read(text)).contains(new CardCommand(Kind.REPAY_AMOUNT, language, Optional.of(amount)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "pay bob 10",
                "my card number is 4111111111111111",
                "lock",
                "unlock",
                "balance",
                "cards are great but I want to pay",
                "信用卡",
                "",
                "pay 500",
                "pay bob 500"
            })
    void readsNothingElse(String text) {
        assertThat(CardCommand.read(text)).isEqualTo(Optional.empty());
    }
}
