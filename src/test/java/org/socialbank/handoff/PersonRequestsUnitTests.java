package org.socialbank.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.shared.Language;

class PersonRequestsUnitTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "talk to a human|EN",
                "Agent!|EN",
                "can I speak to someone?|EN",
                "I need a REAL PERSON|EN",
                "customer service please|EN",
                "je veux parler à un conseiller|FR",
                "un conseiller svp|FR",
                "Je voudrais parler a quelqu'un|FR",
                "une vraie personne, s'il vous plaît|FR",
                "оператор|RU",
                "Соедините с оператором|RU",
                "позовите живого человека|RU",
                "нужен консультант|RU",
                "хочу поговорить с человеком|RU",
                "با اپراتور صحبت کنم|FA",
                "می\u200cخواهم با کارشناس صحبت کنم|FA",
                "پشتيباني|FA",
                "با یه آدم واقعی حرف بزنم|FA",
                "人工客服|ZH",
                "转人工|ZH",
                "我要找人工服务|ZH",
                "请帮我接真人|ZH"
            })
    void asksForAPerson(String text, Language language) {
        assertThat(PersonRequests.asks(text)).contains(language);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "balance",
                "pay @bob 10",
                "help",
                "history",
                "solde",
                "баланс",
                "موجودی",
                "余额",
                "humanitarian aid fund",
                "agents of change",
                "branches in Paris",
                ""
            })
    void doesNotAskForAPerson(String text) {
        assertThat(PersonRequests.asks(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "переведи менеджеру 500",
                "pay the agent 20 for rent",
                "شارژ ۵۰ هزار تومان اپراتور ایرانسل برای ۰۹۳۵۱۲۳۴۵۶۷",
                "пополни телефон +79161234567 оператор МТС 500",
                "оператор МТС",
                "pay the agent",
                "اپراتور ایرانسل",
                "спасибо сотруднику банка за помощь",
                "специалист по ипотеке сказал подождать"
            })
    @org.junit.jupiter.api.DisplayName(
            "one word of a command is no request for a person (review 2026-12-07 assistant follow-up)")
    void aWordOfACommandDoesNotAskForAPerson(String text) {
        assertThat(PersonRequests.asks(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "operator please|EN",
                "I want an agent|EN",
                "passez-moi un conseiller|FR",
                "переведите на оператора|RU",
                "позовите специалиста пожалуйста|RU",
                "менеджер|RU",
                "می‌خوام با پشتیبانی صحبت کنم|FA",
                "اپراتور لطفا|FA"
            })
    @org.junit.jupiter.api.DisplayName(
            "one word asks for a person alone or after a talk verb (review 2026-12-07 assistant follow-up)")
    void oneWordAsksAloneOrAfterATalkVerb(String text, Language language) {
        assertThat(PersonRequests.asks(text)).contains(language);
    }

    @org.junit.jupiter.api.Test
    void aLongQuestionIsTheBotsToRead() {
        assertThat(PersonRequests.asks("agent " + "x".repeat(PersonRequests.TEXT_LENGTH_MAX)))
                .isEmpty();
    }
}
