package org.socialbank.conversation.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socialbank.shared.Language;

/** Issue 15: saving a bill and asking for a card-to-card, read in the five languages. */
class SavedBillDialogueUnitTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "save this bill as home water|EN|home water",
                "Save my bill as Office power.|EN|Office power",
                "enregistre cette facture sous eau maison|FR|eau maison",
                "сохрани этот счёт как вода дома|RU|вода дома",
                "این قبض را با نام آب خانه ذخیره کن|FA|آب خانه",
                "把这张账单保存为家里水费|ZH|家里水费",
                "保存账单为公司电费|ZH|公司电费"
            })
    void readsASaveRequestAndItsName(String text, Language language, String name) {
        SavedBillDialogue.Request request = SavedBillDialogue.read(text).orElseThrow();
        assertThat(request.language()).isEqualTo(language);
        assertThat(request.name()).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"pay bill 7748317800142 1770160", "save money", "my bills"})
    void otherTextsAreNoSaveRequest(String text) {
        assertThat(SavedBillDialogue.read(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "send 500000 rial to card 6037-9910-0000-1234|EN",
                "۵۰ هزار تومان به کارت ۶۰۳۷-۹۹۱۰-۰۰۰۰-۱۲۳۴ بفرست|FA",
                "转账500000里亚尔到卡6037991000001234|ZH",
                "переведи 500000 риалов на карту 6037 9910 0000 1234|RU",
                "envoie 500000 rials sur la carte 6037-9910-0000-1234|FR"
            })
    void readsACardToCardRequestInItsLanguage(String text, Language language) {
        assertThat(CardToCardDialogue.read(text).orElseThrow().language()).isEqualTo(language);
    }
}
