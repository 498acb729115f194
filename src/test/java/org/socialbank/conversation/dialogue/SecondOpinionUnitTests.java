package org.socialbank.conversation.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.conversation.language.CommandParser;
import org.socialbank.conversation.language.Context;
import org.socialbank.conversation.language.ParsedCommand;
import org.socialbank.shared.Network;

/** Issue 18: which texts the parser read as commands the chat asks the assistant about first. */
class SecondOpinionUnitTests {

    static ParsedCommand parse(String text) {
        return new CommandParser().parse(text, Optional.empty(), Context.of(Network.TELEGRAM, null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I did a transfer but it is still pending", // pay
                "Why do I see an extra fee on my statement?", // history
                "I can't seem to use my card. Can you help?", // help
                "Is my card broken? I can't get cash out of the ATM", // branches
                "What is the extra €1 on my statement for?", // history, a sum beside it
                "je ne comprends pas ce virement sur mon relevé", // fr
                "мой перевод до сих пор не дошёл до получателя", // ru
                "چرا انتقال وجه من هنوز انجام نشده است", // fa
                "我昨天的转账为什么还没到账" // zh, no spaces
            })
    void aQuestionThatNamesACommandIsAskedAbout(String text) {
        ParsedCommand command = parse(text);
        assertThat(command.fromWords()).as(command.intent().name()).isTrue();
        assertThat(SecondOpinion.asked(command, text, DialogueState.NEW)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "balance",
                "my history",
                "show my balance", // three words: a command
                "转账记录", // four characters
                "/history of my account please",
                "#balance of my main account",
                "please send 10 euros to @bob now",
                "request 20 from @alice for pizza",
                "how do I send money to a friend?", // the help's how-to
                "link my account to this chat",
                "unlink my account from this chat",
                "switch the language to French please",
                "thank you very much for that",
                "book an appointment at the Paris branch tomorrow morning for a mortgage", // our own features
                "please collect my money from my other bank",
                "je voudrais prendre rendez-vous à l'agence de Paris demain matin"
            })
    void aCommandThatSaysWhatItWantsIsNot(String text) {
        assertThat(SecondOpinion.asked(parse(text), text, DialogueState.NEW)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "how can my friend send me money?",
                "how do people pay me here",
                "comment un ami peut m'envoyer de l'argent ?",
                "un ami veut me virer de l'argent, il fait comment ?",
                "как другу перевести мне деньги",
                "دوستم میخواد بهم پول بده، چطوری",
                "怎么让朋友给我转钱",
                "how can I accept payments",
                "comment se faire payer par un client",
                "comment recevoir un virement",
                "как получить перевод",
                "как принимать оплату",
                "как мне могут заплатить",
                "怎么收款",
                "如何收钱",
                "别人怎么付钱给我",
                "我怎么接收转账",
                // session 18: money into one's own account (transfer_into_account answers it)
                "How do I transfer money into my account?",
                "comment faire un virement sur mon compte ?",
                "как перевести деньги на мой счёт?"
            })
    void aHowToAboutBeingPaidIsAsked(String text) {
        ParsedCommand command = parse(text);
        assertThat(command.intent())
                .as("the help's how-to")
                .isEqualTo(org.socialbank.conversation.language.Intent.HELP);
        assertThat(SecondOpinion.asksHowToBePaid(command, text, DialogueState.NEW))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "how do I send money?",
                "how do I send money to my mother?",
                "comment envoyer de l'argent ?",
                "как мне перевести деньги?",
                "как перевести деньги?",
                "چطور پول بفرستم؟",
                "怎么转账？",
                "как мне заплатить за телефон?",
                "comment payer une facture ?",
                "怎么付钱给朋友",
                "/help send me",
                "help"
            })
    void aHowToAboutPayingIsNot(String text) {
        assertThat(SecondOpinion.asksHowToBePaid(parse(text), text, DialogueState.NEW))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "сколько стоит перевод",
                "how much does a transfer cost?",
                "what are the fees for a transfer",
                "combien coûte un virement ?",
                "y a-t-il des frais pour un virement",
                "какая комиссия за перевод",
                "کارمزد انتقال چقدره",
                "转账要多少手续费",
                "转账收费吗"
            })
    void aQuestionAboutTheCostIsAskedWhateverItsLength(String text) {
        assertThat(SecondOpinion.asksTheCost(parse(text), text, DialogueState.NEW))
                .as(parse(text).intent() + " " + parse(text).chosenBy())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"pay", "перевод", "how do I send money?", "pay @bob 10", "pay my fees", "转账", "combien j'ai ?"})
    void aCommandOrAHowToWithoutACostIsNotAskedAboutTheCost(String text) {
        assertThat(SecondOpinion.asksTheCost(parse(text), text, DialogueState.NEW))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "my transfer failed",
                "transfer declined?",
                "why did my transfer fail",
                "the transfer didn't go through",
                "pourquoi mon virement a échoué",
                "virement refusé ??",
                "почему не прошел перевод",
                "перевод отклонили",
                "چرا انتقال وجهم انجام نشد",
                "为什么我的转账失败了",
                "转账被拒"
            })
    void aQuestionAboutAPaymentThatDidNotGoThroughIsAskedWhateverItsLengthEvenInAForm(String text) {
        ParsedCommand command = parse(text);
        assertThat(SecondOpinion.startsAForm(command))
                .as("read as paying: " + command.intent())
                .isTrue();
        assertThat(SecondOpinion.asksWhyNotPaid(command, text)).isTrue();
        DialogueState inAForm =
                DialogueState.NEW.replaceForm(PayForm.of(java.util.UUID.randomUUID(), java.time.Instant.EPOCH));
        assertThat(SecondOpinion.consulted(command, text, inAForm)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "how long does a transfer take",
                "transfer how long?",
                "combien de temps pour un virement",
                "délai d'un virement ?",
                "сколько идет перевод",
                "сколько идёт перевод",
                "когда придет перевод",
                "انتقال چقدر طول میکشه",
                "转账多久到账",
                "转账要多久"
            })
    void aQuestionAboutHowLongAPaymentTakesIsAskedWhateverItsLength(String text) {
        ParsedCommand command = parse(text);
        assertThat(SecondOpinion.startsAForm(command)
                        || command.intent() == org.socialbank.conversation.language.Intent.HELP)
                .as("read as paying or the help's how-to: " + command.intent())
                .isTrue();
        assertThat(SecondOpinion.asksHowLong(command, text, DialogueState.NEW)).isTrue();
        assertThat(SecondOpinion.consulted(command, text, DialogueState.NEW)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pay", "перевод", "pay @bob 10 how long", "转账", "send money", "virement à @bob"})
    void aCommandWithoutATimeOrWithAnAmountOrPayeeIsNotAskedHowLong(String text) {
        assertThat(SecondOpinion.asksHowLong(parse(text), text, DialogueState.NEW))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ATM ate my card",
                "the cash machine kept my card",
                "le distributeur a avalé ma carte",
                "банкомат съел карту",
                "банкомат не вернул карту",
                "ATM吞卡了",
                "取款机吞卡"
            })
    void aCardACashMachineKeptIsAskedWhateverItsLength(String text) {
        ParsedCommand command = parse(text);
        assertThat(command.intent()).isEqualTo(org.socialbank.conversation.language.Intent.BRANCHES);
        assertThat(SecondOpinion.consulted(command, text, DialogueState.NEW)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ATM", "nearest ATM", "банкомат", "عابربانک", "取款机", "distributeur"})
    void aSearchForCashMachinesIsNotAskedAboutAKeptCard(String text) {
        assertThat(SecondOpinion.asksAboutAKeptCard(parse(text), text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"pay", "перевод", "pay @bob 10", "transfer 20 to @bob, the last one failed", "转账", "send money"})
    void aCommandWithoutAFailureOrWithAnAmountIsNotAskedWhyNotPaid(String text) {
        assertThat(SecondOpinion.asksWhyNotPaid(parse(text), text)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void moreWhileAHistoryIsShownPagesIt() {
        String text = "show me some more of them please";
        assertThat(parse(text).intent()).isEqualTo(org.socialbank.conversation.language.Intent.MORE);
        assertThat(SecondOpinion.asked(parse(text), text, DialogueState.NEW)).isTrue();
        DialogueState paging = new DialogueState(null, null, 0, 10);
        assertThat(SecondOpinion.asked(parse(text), text, paging))
                .as("the history's next page")
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "show my balance|false",
                "show me my balance|true",
                "don't show balance|false", // an apostrophe stays inside its word
                "می‌خواهم موجودی ببینم|false", // ZWNJ inside a word: three words
                "می خواهم موجودی را ببینم|true",
                "查询余额|false",
                "我想查询一下余额|true",
                "1 2 3 4 5 6|false"
            })
    void longerThanACommandCountsWordsOrChineseCharacters(String text, boolean longer) {
        assertThat(SecondOpinion.longerThanACommand(text)).as(text).isEqualTo(longer);
    }

    @org.junit.jupiter.api.Test
    void onlySendingMoneyOnAPayCommandConfirmsIt() {
        for (String wish : List.of(
                "I want to send money to my friend",
                "je veux envoyer de l'argent à un ami",
                "хочу отправить деньги другу",
                "میخوام برای دوستم پول بفرستم")) {
            ParsedCommand command = parse(wish);
            assertThat(command.intent()).as(wish).isEqualTo(org.socialbank.conversation.language.Intent.PAY);
            assertThat(SecondOpinion.confirms(command, "sending_money"))
                    .as(wish)
                    .isTrue();
            assertThat(SecondOpinion.confirms(command, "receiving_money"))
                    .as(wish)
                    .isFalse();
        }
        assertThat(SecondOpinion.confirms(parse("request 20 from @alice"), "sending_money"))
                .as("not a pay command")
                .isFalse();
    }
}
