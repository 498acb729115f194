package org.socialbank.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.conversation.language.CardCommand;
import org.socialbank.conversation.language.CardCommand.Kind;
import org.socialbank.directory.Language;

/** Issue 16's card commands in the five languages, read only as the whole text. */
class CardCommandUnitTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "my cards|MY_CARDS|EN", "Show my cards|MY_CARDS|EN", "cards|MY_CARDS|EN",
        "mes cartes|MY_CARDS|FR", "Mes cartes bancaires ?|MY_CARDS|FR",
        "мои карты|MY_CARDS|RU", "Карты|MY_CARDS|RU",
        "کارت‌های من|MY_CARDS|FA", "كارت هاي من|MY_CARDS|FA",
        "我的卡|MY_CARDS|ZH", "我的银行卡|MY_CARDS|ZH",
        "lock my card|LOCK|EN", "Lock my card!|LOCK|EN", "freeze my credit card|LOCK|EN",
        "bloquer ma carte|LOCK|FR", "Verrouiller ma carte|LOCK|FR",
        "заблокировать карту|LOCK|RU", "Заблокируй мою карту|LOCK|RU",
        "کارتم را مسدود کن|LOCK|FA", "قفل کردن کارت|LOCK|FA",
        "锁卡|LOCK|ZH", "冻结我的卡|LOCK|ZH",
        "my credit card bill|BILL|EN", "Credit card statement?|BILL|EN",
        "relevé de carte de crédit|BILL|FR", "ma facture de carte de crédit|BILL|FR",
        "счёт по кредитке|BILL|RU", "Выписка по кредитной карте|BILL|RU",
        "صورتحساب کارت اعتباری|BILL|FA", "صورت حساب کارت اعتباری من|BILL|FA",
        "信用卡账单|BILL|ZH", "我的信用卡账单？|BILL|ZH"})
    void readsTheCommandAndItsLanguage(String text, Kind kind, Language language) {
        assertThat(CardCommand.read(text)).contains(new CardCommand(kind, language));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pay bob 10", "my card number is 4111111111111111", "lock", "unlock my card",
        "balance", "cards are great but I want to pay", "信用卡", ""})
    void readsNothingElse(String text) {
        assertThat(CardCommand.read(text)).isEqualTo(Optional.empty());
    }
}
