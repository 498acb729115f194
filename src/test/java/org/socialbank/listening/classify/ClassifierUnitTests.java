package org.socialbank.listening.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socialbank.listening.Sentiment;
import org.socialbank.listening.Topic;

class ClassifierUnitTests {

    static Classifier classifier;

    @BeforeAll
    static void load() {
        classifier = new Classifier();
    }

    static Classification c(String text) {
        return classifier.classify(text);
    }

    @Test
    void negationFlipsAndDamps() {
        assertThat(c("the app is good").score()).isPositive();
        assertThat(c("the app is not good").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(c("not bad at all").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(Math.abs(c("the app is not good").score()))
                .isLessThan(Math.abs(c("the app is good").score()) + 1e-9);
        assertThat(c("приложение не работает").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(c("ничего не работает").sentiment())
                .as("a negator before a negated entry does not flip it back")
                .isEqualTo(Sentiment.NEGATIVE);
        assertThat(c("بد نیست").sentiment())
                .as("Persian negates after the word")
                .isEqualTo(Sentiment.POSITIVE);
        assertThat(c("这个服务不好").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void negationStopsAtTheClause() {
        assertThat(c("Paid abroad without any fee, thanks!").sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void intensifiersScale() {
        assertThat(c("service is very slow").score())
                .isLessThan(c("service is slow").score());
        assertThat(c("le service est un peu lent").score())
                .isGreaterThan(c("le service est lent").score());
        assertThat(c("super lent").sentiment())
                .as("super scales lent; it is no praise")
                .isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void whatFollowsButCountsMore() {
        assertThat(c("the app looks nice but it crashes all the time").sentiment())
                .isEqualTo(Sentiment.NEGATIVE);
        assertThat(c("it was slow at first but the support was excellent").sentiment())
                .isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void lonePraiseInAComplaintIsSarcasm() {
        assertThat(c("Brilliant, the app logged me out and my transfer failed").sentiment())
                .isEqualTo(Sentiment.NEGATIVE);
        assertThat(c("Brilliant, the transfer arrived at once").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(c("Thanks for nothing").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void questionsAreDamped() {
        assertThat(Math.abs(c("is the app down?").score()))
                .isLessThan(Math.abs(c("the app is down").score()));
    }

    @Test
    void persianLettersAndZwnjAreNormalised() {
        // Arabic ye and kaf (U+064A, U+0643), and ZWNJ inside the negative verb
        assertThat(c("كارت من مسدود شده و هيچ كس جواب نمي\u200Cده").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(c("كارت من مسدود شده").topic()).isEqualTo(Topic.CARD_BLOCKED);
        assertThat(Texts.normalize("كيف")).isEqualTo("کیف");
    }

    @Test
    void chineseIsSegmentedByTheLexicon() {
        Lexicon zh = Lexicon.load("zh");
        assertThat(zh.segment(Texts.tokens(Texts.normalize("手机银行打不开了")))).contains("手机银行", "打不开");
    }

    @Test
    void emptyOfLettersIsUndeterminedButEmojiCount() {
        Classification angry = c("😡😡😡");
        assertThat(angry.language()).isEqualTo("und");
        assertThat(angry.sentiment()).isEqualTo(Sentiment.NEGATIVE);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "my card got blocked at the till | CARD_BLOCKED",
                "the app keeps crashing since the update | APP_DOWN",
                "hidden fees on every transfer abroad, overcharged again | FEES",
                "my transfer is still pending after three days | TRANSFER_DELAY",
                "got a phishing sms pretending to be the bank | FRAUD",
                "thanks, the team was amazing | PRAISE",
                "what are your opening hours | OTHER",
                "ma carte est bloquée | CARD_BLOCKED",
                "l'appli plante encore | APP_DOWN",
                "перевод не дошёл уже три дня | TRANSFER_DELAY",
                "мошенники звонили от имени банка | FRAUD",
                "کارمزد خیلی زیاده | FEES",
                "手机银行又崩了 | APP_DOWN",
                "收到诈骗短信 | FRAUD"
            })
    void topics(String text, Topic topic) {
        assertThat(c(text).topic()).isEqualTo(topic);
    }

    @Test
    void scoresStayInRange() {
        String rant = "worst worst worst terrible awful horrible scam fraud thieves!!!!!! 😡😡😡";
        assertThat(c(rant).score()).isBetween(-1.0, -0.9);
    }

    /** Issue 20 (e): a harm undone is good news, in each language's word order. */
    @Test
    void aHarmUndoneIsGoodNews() {
        assertThat(c("Shout out to the bank for reversing that fraudulent payment within hours")
                        .sentiment())
                .isEqualTo(Sentiment.POSITIVE);
        assertThat(c("Merci d'avoir annulé ce paiement frauduleux").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(c("Спасибо, мошеннический платёж отменили за час").sentiment())
                .isEqualTo(Sentiment.POSITIVE);
        assertThat(c("感谢几个小时就撤销了那笔盗刷").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(c("A fraudulent payment left my account yesterday").sentiment())
                .isEqualTo(Sentiment.NEGATIVE);
    }

    /** Issue 20 (e): "how" shields what follows from a negation before it. */
    @Test
    void anExclamativeStopsANegation() {
        assertThat(c("Can't believe how bad the new interface is").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(c("The new interface is not bad").score()).isGreaterThan(0);
    }

    /** Issue 20 (e): an emoji with or without its variation selector is one sign. */
    @Test
    void anEmojiWithAVariationSelectorIsTheSameSign() {
        assertThat(c("new card arrived \u2764\uFE0F").score())
                .isEqualTo(c("new card arrived \u2764").score())
                .isGreaterThan(0);
    }
}
