package org.socialbank.conversation.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socialbank.shared.Language;

/** Issue 16: the service commands (points, applications, appointments) in the five languages. */
class ServiceCommandUnitTests {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "my points|MY_POINTS|EN",
                "Mes points de fidélité|MY_POINTS|FR",
                "мои баллы|MY_POINTS|RU",
                "امتیاز‌های من|MY_POINTS|FA",
                "امتیازهای من؟|MY_POINTS|FA",
                "我的积分|MY_POINTS|ZH",
                "apply for a credit card|APPLY_CARD|EN",
                "Je voudrais demander une carte de crédit|APPLY_CARD|FR",
                "оформить кредитную карту|APPLY_CARD|RU",
                "درخواست کارت اعتباری|APPLY_CARD|FA",
                "申请信用卡|APPLY_CARD|ZH",
                "I would like to apply for a loan|APPLY_LOAN|EN",
                "demander un prêt|APPLY_LOAN|FR",
                "взять кредит|APPLY_LOAN|RU",
                "درخواست وام|APPLY_LOAN|FA",
                "申请贷款|APPLY_LOAN|ZH",
                "my applications|MY_APPLICATIONS|EN",
                "mes dossiers|MY_APPLICATIONS|FR",
                "mes demandes de crédit|MY_APPLICATIONS|FR",
                "мои заявки|MY_APPLICATIONS|RU",
                "تقاضاهای من|MY_APPLICATIONS|FA",
                "درخواست‌های وام من|MY_APPLICATIONS|FA",
                "我的申请|MY_APPLICATIONS|ZH",
                "my appointments|MY_APPOINTMENTS|EN",
                "mes rendez-vous|MY_APPOINTMENTS|FR",
                "мои записи|MY_APPOINTMENTS|RU",
                "نوبت‌های من|MY_APPOINTMENTS|FA",
                "我的预约|MY_APPOINTMENTS|ZH",
                "cancel my appointment|CANCEL_APPOINTMENT|EN",
                "annuler mon rendez-vous|CANCEL_APPOINTMENT|FR",
                "отменить запись|CANCEL_APPOINTMENT|RU",
                "لغو نوبت|CANCEL_APPOINTMENT|FA",
                "取消预约|CANCEL_APPOINTMENT|ZH",
                "my loan|MY_LOAN|EN",
                "repayment schedule|MY_LOAN|EN",
                "mon prêt|MY_LOAN|FR",
                "échéancier|MY_LOAN|FR",
                "мой кредит|MY_LOAN|RU",
                "график платежей|MY_LOAN|RU",
                "وام من|MY_LOAN|FA",
                "اقساط وام من|MY_LOAN|FA",
                "我的贷款|MY_LOAN|ZH",
                "还款计划|MY_LOAN|ZH"
            })
    void readsEachCommandInEachLanguage(String text, ServiceCommand.Kind kind, Language language) {
        ServiceCommand command = ServiceCommand.read(text).orElseThrow(() -> new AssertionError(text));
        assertThat(command.kind()).isEqualTo(kind);
        assertThat(command.language()).isEqualTo(language);
    }

    /** Issue 13's money requests keep their words: "mes demandes" and «درخواست‌های من» are not applications. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {"mes demandes", "درخواست‌های من", "درخواست های من", "my requests", "мои запросы", "我的请求"})
    void leavesTheMoneyRequestsOfIssue13Alone(String text) {
        assertThat(ServiceCommand.read(text)).as(text).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "redeem 500 points|500|EN",
                "utiliser 250 points|250|FR",
                "списать 300 баллов|300|RU",
                "۵۰۰ امتیاز را خرج کن|500|FA",
                "兑换200积分|200|ZH"
            })
    void readsTheNumberOfPointsToRedeem(String text, long points, Language language) {
        ServiceCommand command = ServiceCommand.read(text).orElseThrow();
        assertThat(command.kind()).isEqualTo(ServiceCommand.Kind.REDEEM_POINTS);
        assertThat(command.number()).isEqualTo(points);
        assertThat(command.language()).isEqualTo(language);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "cancel K7M3PX|EN",
                "cancel appointment k7m3px|EN",
                "annuler K7M3PX|FR",
                "отменить K7M3PX|RU",
                "لغو K7M3PX|FA",
                "取消K7M3PX|ZH"
            })
    void readsTheBookingCodeOfACancellation(String text, Language language) {
        ServiceCommand command = ServiceCommand.read(text).orElseThrow();
        assertThat(command.kind()).isEqualTo(ServiceCommand.Kind.CANCEL_APPOINTMENT);
        assertThat(command.code()).contains("K7M3PX");
        assertThat(command.language()).isEqualTo(language);
    }

    /** svc16, issue 16 s3: the partner's vouchers listed, and one ordered by its name, in the five languages. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "vouchers|EN",
                "show the partner vouchers|EN",
                "what can I get with my points?|EN",
                "mes bons d'achat|FR",
                "chèques cadeaux|FR",
                "ваучеры|RU",
                "что можно получить за баллы|RU",
                "بن‌ها|FA",
                "کارت‌های هدیه|FA",
                "优惠券|ZH",
                "积分商城|ZH",
                "兑换优惠券|ZH"
            })
    void readsTheVoucherListInEachLanguage(String text, Language language) {
        ServiceCommand command = ServiceCommand.read(text).orElseThrow(() -> new AssertionError(text));
        assertThat(command.kind()).isEqualTo(ServiceCommand.Kind.VOUCHERS);
        assertThat(command.language()).isEqualTo(language);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "redeem coffee|coffee|EN",
                "Redeem the cinema voucher|cinema|EN",
                "get voucher books|books|EN",
                "échanger coffee|coffee|FR",
                "obtenir le bon cinéma|cinema|FR",
                "обменять на coffee|coffee|RU",
                "получить ваучер books|books|RU",
                "دریافت بن coffee|coffee|FA",
                "دریافت بن ⁨coffee⁩|coffee|FA",
                "兑换 coffee|coffee|ZH",
                "兑换cinema|cinema|ZH"
            })
    void readsTheVoucherToRedeemInEachLanguage(String text, String reward, Language language) {
        ServiceCommand command = ServiceCommand.read(text).orElseThrow(() -> new AssertionError(text));
        assertThat(command.kind()).isEqualTo(ServiceCommand.Kind.REDEEM_VOUCHER);
        assertThat(command.code()).contains(reward);
        assertThat(command.language()).isEqualTo(language);
    }

    /** Points, applications and other words keep their meaning: a voucher needs a voucher's word. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "redeem 500 points|REDEEM_POINTS", "兑换200积分|REDEEM_POINTS", "get a loan|APPLY_LOAN",
                "get a credit card|APPLY_CARD", "my points|MY_POINTS", "получить кредит|APPLY_LOAN"
            })
    void aVoucherNeedsAVouchersWord(String text, ServiceCommand.Kind kind) {
        assertThat(ServiceCommand.read(text).orElseThrow().kind()).as(text).isEqualTo(kind);
        assertThat(ServiceCommand.read("get my balance")).isEmpty();
        assertThat(ServiceCommand.read("order a pizza")).isEmpty();
        assertThat(ServiceCommand.read("redeem my points")).isEmpty();
    }

    @Test
    void otherTextsAreNoServiceCommand() {
        assertThat(ServiceCommand.read("pay bob 10")).isEmpty();
        assertThat(ServiceCommand.read("cancel")).isEmpty();
        assertThat(ServiceCommand.read("cancel payment")).isEmpty();
        assertThat(ServiceCommand.read("book an appointment in Paris tomorrow")).isEmpty();
        assertThat(ServiceCommand.read("my cards")).isEmpty();
        assertThat(ServiceCommand.read("x".repeat(200))).isEqualTo(Optional.empty());
    }
}
