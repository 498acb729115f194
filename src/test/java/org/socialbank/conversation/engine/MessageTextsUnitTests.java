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
        assertThat(texts.text(Language.FA, "conversation.pay.ask_amount", "@bob"))
                .contains("\u2068@bob\u2069");
        assertThat(texts.text(Language.FA, "conversation.pay.ask_amount", "Camille D."))
                .contains("\u2068Camille D.\u2069");
    }

    @Test
    void persianWordsLinksAndOtherLanguagesAreLeftAlone() {
        assertThat(texts.text(Language.FA, "conversation.pay.ask_amount", "سارا ر."))
                .doesNotContain("\u2068");
        assertThat(MessageTexts.writtenLeftToRight("https://bank.example/link/abc"))
                .isFalse();
        assertThat(texts.text(Language.EN, "conversation.pay.ask_amount", "@bob"))
                .isEqualTo("How much do you want to pay @bob?");
        assertThat(texts.text(Language.FA, "conversation.pay.ask_amount", "\u2068@bob\u2069"))
                .as("isolated once")
                .contains("\u2068@bob\u2069")
                .doesNotContain("\u2068\u2068");
    }

    @Test
    void chineseHasOneSpaceBetweenHanAndLatinNamesNumbersAndAmounts() {
        assertThat(texts.text(Language.ZH, "conversation.pay.confirm", "¥5.00", "Bob B."))
                .isEqualTo("向 Bob B. 付款 ¥5.00？");
        assertThat(MessageTexts.spaced("验证码123456，用于将Telegram关联")).isEqualTo("验证码123456，用于将 Telegram 关联");
        assertThat(MessageTexts.spaced("预约成功：2026年12月3日 16:00"))
                .as("dates as Chinese writes them")
                .isEqualTo("预约成功：2026年12月3日 16:00");
        assertThat(MessageTexts.spaced("向 @alice 收款 20。"))
                .as("already spaced: unchanged")
                .isEqualTo("向 @alice 收款 20。");
        assertThat(MessageTexts.spaced("您的微信账户：https://bank.example/x")).isEqualTo("您的微信账户：https://bank.example/x");
    }

    /**
     * Issue 13 (5.1c): the payer's "waits for +33671100001" after the bank's page was drawn
     * "33671100001+" in Persian; every chat sentence, filled with left-to-right values as the chat
     * fills them, shows each value isolated.
     */
    @Test
    void everyPersianChatSentenceIsolatesItsLeftToRightArguments() throws java.io.IOException {
        assertThat(texts.text(
                        Language.FA,
                        "conversation.pay.awaiting_claim_forward",
                        "۵۰۰٬۰۰۰ ریال",
                        "+33671100001",
                        "۱۴۰۵/۹/۲۵"))
                .contains("\u2068+33671100001\u2069");
        java.util.Properties fa = new java.util.Properties();
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(
                java.nio.file.Path.of("src", "main", "resources", "messages_fa.properties"))) {
            fa.load(in);
        }
        java.util.regex.Pattern placeholder = java.util.regex.Pattern.compile("\\{(\\d+)}");
        java.util.List<String> bare = new java.util.ArrayList<>();
        for (String key : fa.stringPropertyNames().stream()
                .filter(k -> k.startsWith("conversation."))
                .toList()) {
            int count = (int) placeholder.matcher(fa.getProperty(key)).results().count();
            if (count == 0) {
                continue;
            }
            Object[] values = new Object[10];
            for (int i = 0; i < values.length; i++) {
                values[i] = "+3367110000" + i;
            }
            String text = texts.text(Language.FA, key, values);
            placeholder
                    .matcher(fa.getProperty(key))
                    .results()
                    .map(r -> values[Integer.parseInt(r.group(1))])
                    .filter(v -> !text.contains("\u2068" + v + "\u2069"))
                    .forEach(v -> bare.add(key + " " + v));
        }
        assertThat(bare).isEmpty();
    }
}
