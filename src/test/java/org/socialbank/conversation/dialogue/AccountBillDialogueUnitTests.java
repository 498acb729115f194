package org.socialbank.conversation.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.billing.BillerRegistry;
import org.socialbank.billing.BillerRegistry.ForeignBiller;
import org.socialbank.shared.Language;

/**
 * Issue 15 s1.13: the texts that ask to pay another country's biller by account number, in the
 * five languages, and the texts that are something else (an Iranian bill's two ids, a top-up).
 */
class AccountBillDialogueUnitTests {

    private static final List<ForeignBiller> BILLERS = BillerRegistry.shipped().all();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "交电费 4992739872                 | ZH | cn_state_grid            | 4992739872",
                "交电费4992739872                  | ZH | cn_state_grid            | 4992739872",
                "payer EDF 4992 7398 7100 01       | FR | fr_edf                   | 49927398710001",
                "оплатить Мосэнергосбыт 12345      | RU | ru_mosenergosbyt         | 12345",
                "оплатить Мосводоканал 12345678    | RU | ru_mosvodokanal          | 12345678",
                "pay State Grid 4992739872         | EN | cn_state_grid            | 4992739872",
                "pay China Mobile postpaid 13800138000 | EN | cn_china_mobile_postpaid | 13800138000",
                "پرداخت قبض برق مسکو ۴۹۹۲۷۳۹۸۷۲    | FA | ru_mosenergosbyt         | 4992739872",
                "payer les impôts 1234567890125    | FR | fr_impots                | 1234567890125"
            })
    void readsTheBillerAndTheAccountInItsLanguage(String text, Language language, String biller, String account) {
        Optional<AccountBillDialogue.Request> request = AccountBillDialogue.read(text, BILLERS);

        assertThat(request).isPresent();
        assertThat(request.get().language()).isEqualTo(language);
        assertThat(request.get().billers()).extracting(ForeignBiller::id).containsExactly(biller);
        assertThat(request.get().account()).isEqualTo(account);
    }

    /** The examples the bill's how-to (billing.chat.ask_ids) quotes, in its five languages. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "pay EDF 49927398710001",
                "payer EDF 49927398710001",
                "оплатить Мосэнергосбыт 4992739872",
                "交电费 4992739872"
            })
    void theHowTosExamplesAreReadAsAccountBills(String example) {
        assertThat(AccountBillDialogue.read(example, BILLERS))
                .hasValueSatisfying(r -> assertThat(r.billers()).hasSize(1));
    }

    @Test
    void aBillsKindFindsTheBillersOfItsCountryThatTakeTheAccount() {
        // 4992739872 passes Luhn: State Grid (electricity, 10 digits, Luhn) takes it, not City Gas (gas)
        assertThat(AccountBillDialogue.read("交电费 4992739872", BILLERS)
                        .orElseThrow()
                        .named())
                .isFalse();
        // 4992739871 fails Luhn: no Chinese electricity biller takes it
        assertThat(AccountBillDialogue.read("交电费 4992739871", BILLERS)
                        .orElseThrow()
                        .billers())
                .isEmpty();
        // a Russian text means a Russian biller
        assertThat(AccountBillDialogue.read("оплатить за свет 4992739872", BILLERS)
                        .orElseThrow()
                        .billers())
                .extracting(ForeignBiller::id)
                .containsExactly("ru_mosenergosbyt");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "pay bill 7748317800142 1770160",
                "پرداخت قبض ۷۷۴۸۳۱۷۸۰۰۱۴۲ ۱۷۷۰۱۶۰",
                "交电费 7748317800142 1770160",
                "给13800138000充值50元",
                "split the bill 300000 with Ali and Reza",
                "交电费",
                "send 500000 rial to card 6037991234561234"
            })
    void leavesIranianBillsTopUpsAndOtherTextsAlone(String text) {
        assertThat(AccountBillDialogue.read(text, BILLERS)).isEmpty();
    }

    @Test
    void aNamedBillerWithoutAnAccountIsAskedForIt() {
        AccountBillDialogue.Request request =
                AccountBillDialogue.read("payer EDF", BILLERS).orElseThrow();
        assertThat(request.account()).isNull();
        assertThat(request.billers()).extracting(ForeignBiller::id).containsExactly("fr_edf");
    }

    /** CI found it (session 12): a random handle with "edf" in it turned a split into a bill. */
    @Test
    void aBillersNameInsideAHandleOrACodeNamesNoBiller() {
        assertThat(AccountBillDialogue.read("split 30 with @bob and @xd6edf6b6d9", BILLERS))
                .isEmpty();
        assertThat(AccountBillDialogue.read("pay @redfox 12", BILLERS)).isEmpty();
        // a name may still take an ending where a word starts
        assertThat(AccountBillDialogue.read("оплатить Мосводоканалу 12345678", BILLERS)
                        .orElseThrow()
                        .billers())
                .extracting(ForeignBiller::id)
                .containsExactly("ru_mosvodokanal");
    }

    @Test
    void withoutBillersNothingIsRead() {
        assertThat(AccountBillDialogue.read("交电费 4992739872", List.of())).isEmpty();
    }
}
