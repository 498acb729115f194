package org.socialbank.conversation.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/** What the parser promises besides the corpus: its context, its hint, splits, and its bounds. */
class CommandParserUnitTests {

    private final CommandParser parser = new CommandParser();

    private ParsedCommand parse(String text) {
        return parser.parse(text, Optional.empty(), Context.none());
    }

    @Test
    void readsHandlesInTheChannelsNetworkUnlessTheyNameTheirs() {
        Context telegram = Context.of(Network.TELEGRAM, null);
        assertThat(parser.parse("send 10 to @Bob", Optional.empty(), telegram).payees())
                .containsExactly(new Payee(PayeeType.HANDLE, "bob", Network.TELEGRAM));
        assertThat(parser.parse("send 10 to x:@Bob", Optional.empty(), telegram).payees())
                .containsExactly(new Payee(PayeeType.HANDLE, "bob", Network.X));
        Payee wechat = parser.parse("给@WangWei转100元", Optional.empty(), Context.of(Network.WECHAT, null))
                .payees()
                .get(0);
        assertThat(wechat)
                .as("WeChat ids are case-sensitive")
                .isEqualTo(new Payee(PayeeType.HANDLE, "WangWei", Network.WECHAT));
        assertThat(wechat.alias()).contains(new Alias(AliasType.HANDLE, Network.WECHAT, "WangWei"));
        assertThat(parser.parse("send 10 to @bob", Optional.empty(), Context.of(Network.WHATSAPP, null))
                        .payees())
                .as("not a WhatsApp id: reported without a network")
                .containsExactly(new Payee(PayeeType.HANDLE, "bob", null));
        assertThat(parse("send 10 to @bob").payees().get(0).alias()).isEmpty();
    }

    @Test
    void chineseWantAndNeedAreNotAskingForMoney() {
        // a walk-through (session 19): "我要销户" (I want to close my account) opened a money request
        assertThat(parse("我要销户").intent()).isEqualTo(Intent.UNKNOWN);
        assertThat(parse("需要带什么证件").intent()).isEqualTo(Intent.UNKNOWN);
        assertThat(parse("我想要一张新卡").intent()).isEqualTo(Intent.UNKNOWN);
        assertThat(parse("我要转账").intent()).isEqualTo(Intent.PAY);
        assertThat(parse("我要收款").intent()).isEqualTo(Intent.REQUEST);
        assertThat(parse("要钱").intent()).isEqualTo(Intent.REQUEST);
        assertThat(parse("向@carol要20元").intent()).isEqualTo(Intent.REQUEST);
        assertThat(parse("转账要多久").intent()).isEqualTo(Intent.PAY);
    }

    @Test
    void chineseWordsThatBeginWithOneCountNothing() {
        // a walk-through (session 17): "why is my transfer still processing" was read as "pay 1"
        assertThat(parse("转账一直在处理中是怎么回事").amount()).isEmpty();
        assertThat(parse("转账一直在处理中是怎么回事").chosenBy())
                .as("怎么回事 asks why, not how: a question the assistant is asked about")
                .isEqualTo(ParsedCommand.ChosenBy.WORDS);
        assertThat(parse("转账怎么还没到账").chosenBy()).isEqualTo(ParsedCommand.ChosenBy.WORDS);
        assertThat(parse("怎么转账").chosenBy()).isEqualTo(ParsedCommand.ChosenBy.HOW_TO);
        assertThat(parse("怎么还钱给朋友").chosenBy())
                .as("还钱 (repay) is still read after 怎么")
                .isEqualTo(ParsedCommand.ChosenBy.HOW_TO);
        assertThat(parse("为什么我的余额一直不变").amount()).isEmpty();
        assertThat(parse("第一次转账要等多久").amount()).isEmpty();
        assertThat(parse("我一直想给王伟转一百块").amount())
                .as("a numeral beside them still counts")
                .contains(new java.math.BigDecimal("100"));
        assertThat(parse("转一点五万给王伟").amount()).contains(new java.math.BigDecimal("15000"));
    }

    @Test
    void neverReadsTheBanksOwnHandlesNorTheBotsNameAsPayees() {
        Context x = Context.of(Network.X, null).withBankHandles(Set.of("@SMoneyfr"));
        ParsedCommand tweet = parser.parse("@SMoneyfr #envoyer 10EUR @dest", Optional.empty(), x);
        assertThat(tweet.intent()).isEqualTo(Intent.PAY);
        assertThat(tweet.payees()).containsExactly(new Payee(PayeeType.HANDLE, "dest", Network.X));
        assertThat(parse("/pay@socialbank_bot 10 @bob").payees())
                .extracting(Payee::value)
                .containsExactly("bob");
    }

    @Test
    void theHandleATextIsAddressedToIsNoPayeeIssue13() {
        Context x = Context.of(Network.X, null);
        ParsedCommand french = parser.parse("@SMoneyfr #envoyer 10EUR @dest", Optional.empty(), x);
        assertThat(french.intent()).isEqualTo(Intent.PAY);
        assertThat(french.amount()).contains(new BigDecimal("10"));
        assertThat(french.payees())
                .as("without the bank's handles in the context")
                .containsExactly(new Payee(PayeeType.HANDLE, "dest", Network.X));
        ParsedCommand icici = parser.parse("@icicibank #pay @bob 500", Optional.empty(), x);
        assertThat(icici.intent()).isEqualTo(Intent.PAY);
        assertThat(icici.payees()).extracting(Payee::value).containsExactly("bob");
        assertThat(parse("@SMoneyfr envoie 10 € à @dest").payees())
                .as("a command word, not a hashtag")
                .extracting(Payee::value)
                .containsExactly("dest");
        assertThat(parse("@mybank #split 60 EUR @ann @ivan").payees())
                .extracting(Payee::value)
                .containsExactly("ann", "ivan");
        assertThat(parse("@mybank #balance").payees())
                .as("a command that names no one")
                .isEmpty();
        assertThat(parse("@mybank how do I pay?").intent()).isEqualTo(Intent.HELP);
    }

    @Test
    void aLeadingHandleStaysThePayeeWhenItIsTheOnlyOneAPaymentNames() {
        // X cuts the bank's own mention out before the parser reads "@SMoneyfr @bob #pay 500"
        assertThat(parse("@bob #pay 500").payees()).extracting(Payee::value).containsExactly("bob");
        assertThat(parse("@bob send 500").payees()).extracting(Payee::value).containsExactly("bob");
        assertThat(parse("@bob #request 20").payees()).extracting(Payee::value).containsExactly("bob");
        assertThat(parse("@bob 500").payees())
                .as("ICICI style: no command after the handle")
                .extracting(Payee::value)
                .containsExactly("bob");
        assertThat(parse("@mybank @bob #pay 500").payees())
                .as("only the first handle, and only before a command")
                .extracting(Payee::value)
                .containsExactly("mybank", "bob");
        assertThat(parse("pay @bob 500 @carol").payees())
                .as("not at the start")
                .extracting(Payee::value)
                .containsExactly("bob", "carol");
        assertThat(parse("x:@mybank #pay @bob 500").payees())
                .as("a handle that names its network is meant")
                .extracting(Payee::value)
                .containsExactly("mybank", "bob");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "thanks",
                "Thank you!",
                "merci",
                "Merci beaucoup",
                "спасибо",
                "Спасибо!",
                "ممنون",
                "خیلی ممنون",
                "谢谢",
                "谢谢！"
            })
    void thanksInEveryLanguageIsThanksIssue13(String text) {
        assertThat(parse(text).intent()).isEqualTo(Intent.THANKS);
    }

    @Test
    void thanksBesideACommandIsAFiller() {
        assertThat(parse("thanks, send 10 to @bob").intent()).isEqualTo(Intent.PAY);
        assertThat(parse("@bob 10 merci").intent())
                .as("an amount and a payee still pay")
                .isEqualTo(Intent.PAY);
        assertThat(parse("спасибо, какой у меня баланс").intent()).isEqualTo(Intent.BALANCE);
        assertThat(parse("谢谢，帮助").intent()).isEqualTo(Intent.HELP);
    }

    @Test
    void readsLocalPhoneNumbersInTheContextsRegionElseTheLanguagesCountry() {
        assertThat(parse("send 10 to 0612345678").payees())
                .as("English: no country")
                .isEmpty();
        assertThat(parser.parse("send 10 to 0612345678", Optional.empty(), Context.of(null, "fr"))
                        .payees())
                .extracting(Payee::value)
                .containsExactly("+33612345678");
        assertThat(parse("envoie 10 € au 0612345678").payees())
                .extracting(Payee::value)
                .containsExactly("+33612345678");
        assertThat(parser.parse("envoie 10 € au 0912 345 6789", Optional.empty(), Context.of(null, "IR"))
                        .payees())
                .extracting(Payee::value)
                .containsExactly("+989123456789");
        assertThat(parser.parse("send 10 09123456789", Optional.of(Language.FA), Context.none())
                        .payees())
                .as("the chat's language before the message's")
                .extracting(Payee::value)
                .containsExactly("+989123456789");
    }

    @Test
    void findsRecentPayeesByNameInAnyScript() {
        Context context = Context.none().withRecentPayees(List.of("Alice Martin", "Иван", "علی", "王伟"));
        assertThat(parser.parse("pay alice 5", Optional.empty(), context).payees())
                .containsExactly(Payee.name("Alice Martin"));
        assertThat(parser.parse("переведи Ивану 5 руб", Optional.empty(), context)
                        .payees())
                .containsExactly(Payee.name("Иван"));
        assertThat(parser.parse("۵ هزار تومان به علي بفرست", Optional.empty(), context)
                        .payees())
                .as("Arabic yeh")
                .containsExactly(Payee.name("علی"));
        assertThat(parser.parse("给王伟转5元", Optional.empty(), context).payees()).containsExactly(Payee.name("王伟"));
    }

    @Test
    void letsTheHintDecideOnlyWhenTheTextDoesNot() {
        assertThat(parser.parse("10 @bob", Optional.of(Language.FA), Context.none())
                        .language())
                .isEqualTo(Language.FA);
        assertThat(parser.parse("/balance", Optional.of(Language.RU), Context.none())
                        .language())
                .isEqualTo(Language.RU);
        assertThat(parser.parse("send 10 to @bob", Optional.of(Language.RU), Context.none())
                        .language())
                .isEqualTo(Language.EN);
        assertThat(parser.parse("10 @bob", Optional.empty(), Context.none()).language())
                .isEqualTo(Language.EN);
    }

    @Test
    void givesTheSharesOfASplitWhenTheTextDoes() {
        ParsedCommand shares = parse("split 100 EUR: @bob 60, @alice 40");
        assertThat(shares.intent()).isEqualTo(Intent.SPLIT);
        assertThat(shares.amount()).contains(new BigDecimal("100"));
        assertThat(shares.shares())
                .extracting(s -> s.payee().value(), ParsedShare::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bob", new BigDecimal("60")),
                        org.assertj.core.groups.Tuple.tuple("alice", new BigDecimal("40")));
        ParsedCommand equal = parse("split 60 with @bob and @alice");
        assertThat(equal.shares()).isEmpty();
        assertThat(equal.payees()).hasSize(2);
        assertThat(parse("split @bob @alice 60").shares())
                .as("one amount after the last payee is the total")
                .isEmpty();
    }

    @Test
    void namesTheLanguageToSwitchTo() {
        assertThat(parse("/language fr").targetLanguage()).contains(Language.FR);
        assertThat(parse("parle-moi en anglais").targetLanguage()).contains(Language.EN);
        assertThat(parse("по-русски").targetLanguage()).contains(Language.RU);
        assertThat(parse("زبان فارسی").targetLanguage()).contains(Language.FA);
        assertThat(parse("切换到中文").targetLanguage()).contains(Language.ZH);
        assertThat(parse("language").targetLanguage()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "blah", "😀", "@", "#", "/", "$", "?!", "\u200f\u200c", "x:@", "+", "--5"})
    void readsAnythingWithoutAnException(String text) {
        assertThat(parse(text).intent()).isIn(Intent.UNKNOWN, Intent.HELP, Intent.PAY);
    }

    @Test
    void refusesATextLongerThanTheLimitAsUnknown() {
        String longText = "send 10 to @bob " + "a".repeat(CommandParser.TEXT_LENGTH_MAX);
        assertThat(CommandParser.withinLimit(longText)).isFalse();
        assertThat(parser.parse(longText, Optional.of(Language.FR), Context.none()))
                .isEqualTo(ParsedCommand.unknown(Language.FR));
    }

    /**
     * Inputs built to make a backtracking matcher explode; the parser reads each in one pass. The
     * timeout is a guard, not a measure: a matcher that backtracks on these takes hours, not
     * seconds.
     */
    @ParameterizedTest(name = "{index}")
    @org.junit.jupiter.api.Timeout(30)
    @ValueSource(
            strings = {
                "1,", "1 ", "a.", "a@", "@a", "+1 ", "0", "一", "亿", "$a", "#a", "x:", "1.1.", "a.b@c", "руб ", "هزار ",
                "(1) ", "ab@cd.", "-1 "
            })
    void readsLongAdversarialTextsInOnePass(String unit) {
        String text = unit.repeat(CommandParser.TEXT_LENGTH_MAX / unit.length()) + " send 10 to @bob";
        text = text.substring(Math.max(0, text.length() - CommandParser.TEXT_LENGTH_MAX));
        ParsedCommand command = parse(text);
        assertThat(command.payees()).allSatisfy(p -> assertThat(p.value()).isNotBlank());
    }

    @Test
    void validatesItsContext() {
        assertThatThrownBy(() -> Context.of(null, "IRN")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Context.none().withBankHandles(Set.of("not a handle")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Context.none().withRecentPayees(java.util.Collections.nCopies(101, "Bob")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Context.none().withRecentPayees(java.util.Arrays.asList("Bob", null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Context.of(null, "ir").region()).isEqualTo("IR");
    }

    @Test
    void hasAHintInEveryLanguage() {
        for (Language language : Language.values()) {
            assertThat(Hints.unknown(language)).isNotBlank();
            assertThat(Hints.amount(language)).isNotBlank();
        }
        assertThat(Hints.reply(parse("blah"))).contains(Hints.unknown(Language.EN));
        assertThat(Hints.reply(parse("pay @bob 10.505 EUR"))).contains(Hints.amount(Language.EN));
        assertThat(Hints.reply(parse("pay @bob 10 EUR"))).isEmpty();
    }

    @Test
    void aHowQuestionThatNamesNoCommandIsLeftToTheAssistant() {
        // before session 9 every "how" question fell into the help text, so the chat never asked
        // the assistant "how do I activate my card?" (found by the assistant's helper)
        for (String question : List.of(
                "How do I activate my card?",
                "How do I get a refund?",
                "comment recharger mon portable",
                "как активировать карту",
                "宽带费怎么缴")) {
            assertThat(parse(question).intent()).as(question).isEqualTo(Intent.UNKNOWN);
        }
        assertThat(parse("how do I send money?").intent()).isEqualTo(Intent.HELP);
        assertThat(parse("what can you do").intent()).isEqualTo(Intent.HELP);
    }
}
