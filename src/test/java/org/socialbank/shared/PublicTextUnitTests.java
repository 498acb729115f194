package org.socialbank.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one rule of public channels (review of the public group replies, which let "500,000 rials",
 * "Rs 2,000" and "your 4500 refund" through): no number of any script, no money.
 */
class PublicTextUnitTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "We have sent you a private message",
                "Sorry for the trouble, the app is back. Write to us in private if it still fails.",
                "Nous vous avons écrit en message privé, à lire dans l'application.",
                "Мы написали вам в личные сообщения, наш центр поддержки на связи.",
                "در پیام خصوصی به شما پاسخ دادیم.",
                "我们已私信您，请查看。",
                // one Chinese numeral alone is a word, and 元 or 块 without a number no money
                "请稍等一下，我们会第一时间私信您，十分抱歉。",
                "元旦期间请通过私信联系我们，模块已修复。",
                "Follow #SocialBank for news"
            })
    void neutralRepliesMayBePosted(String text) {
        assertThat(PublicText.mayBePosted(text)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"your 4500 refund", "since 9:30", "۴۵۰۰", "٤٥٠٠", "４５００", "退款五百", "两千", "100%", "№ A"})
    void numbersOfAnyScriptAreRefused(String text) {
        assertThat(PublicText.holdsNumber(text)).isTrue();
        assertThat(PublicText.mayBePosted(text)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "We refunded five hundred rials to you",
                "Rs two thousand was returned",
                "INR back on your card",
                "a few pounds",
                "quelques francs",
                "cinquante euros",
                "пятьсот рублей",
                "десять долларов",
                "پانصد هزار تومان",
                "یک میلیون ریال",
                "已退还人民币",
                "退了几块",
                "退了五元",
                "已退还美元",
                "已退还一块",
                "€",
                "﷼"
            })
    void currencySignsAndWordsAreRefused(String text) {
        assertThat(PublicText.namesMoney(text)).isTrue();
        assertThat(PublicText.mayBePosted(text)).isFalse();
    }

    @Test
    void theReviewsExamplesAreRefused() {
        for (String text : new String[] {
            "We refunded 500,000 rials to you",
            "Rs 2,000 was returned",
            "your 4500 refund",
            "۵۰۰٬۰۰۰ ریال",
            "退款500元",
            "1 000 €",
            "1\u202F000\u00A0€"
        }) {
            assertThat(PublicText.mayBePosted(text)).as(text).isFalse();
        }
    }
}
