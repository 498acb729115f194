package org.socialbank.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socialbank.shared.Language;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Issue 13 §5: left-to-right data keeps its order inside Persian sentences; links stay whole. */
class MessageTextsUnitTests {

    private final MessageTexts texts = new MessageTexts(bundles());

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void phonesHandlesAndLatinNamesAreIsolatedInPersian() {
        String text = texts.text(Language.FA, "conversation.pay.ask_amount", "+33 6 12 34 56 78");
        assertThat(text).contains("\u2068+33 6 12 34 56 78\u2069");
        assertThat(texts.text(Language.FA, "conversation.pay.ask_amount", "@bob")).contains("\u2068@bob\u2069");
        assertThat(texts.text(Language.FA, "conversation.pay.ask_amount", "Camille D.")).contains("\u2068Camille D.\u2069");
    }

    @Test
    void persianWordsLinksAndOtherLanguagesAreLeftAlone() {
        assertThat(texts.text(Language.FA, "conversation.pay.ask_amount", "سارا ر.")).doesNotContain("\u2068");
        assertThat(MessageTexts.writtenLeftToRight("https://bank.example/link/abc")).isFalse();
        assertThat(texts.text(Language.EN, "conversation.pay.ask_amount", "@bob")).isEqualTo("How much do you want to pay @bob?");
        assertThat(texts.text(Language.FA, "conversation.pay.ask_amount", "\u2068@bob\u2069"))
                .as("isolated once").contains("\u2068@bob\u2069").doesNotContain("\u2068\u2068");
    }

    @Test
    void chineseHasOneSpaceBetweenHanAndLatinNamesNumbersAndAmounts() {
        assertThat(texts.text(Language.ZH, "conversation.pay.confirm", "¥5.00", "Bob B."))
                .isEqualTo("向 Bob B. 付款 ¥5.00？");
        assertThat(MessageTexts.spaced("验证码123456，用于将Telegram关联")).isEqualTo("验证码123456，用于将 Telegram 关联");
        assertThat(MessageTexts.spaced("预约成功：2026年12月3日 16:00")).as("dates as Chinese writes them")
                .isEqualTo("预约成功：2026年12月3日 16:00");
        assertThat(MessageTexts.spaced("向 @alice 收款 20。")).as("already spaced: unchanged").isEqualTo("向 @alice 收款 20。");
        assertThat(MessageTexts.spaced("您的微信账户：https://bank.example/x")).isEqualTo("您的微信账户：https://bank.example/x");
    }
}
