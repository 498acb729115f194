package org.socialbank.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Issue 13 §5: phone numbers, handles and Latin names keep their own order inside a Persian SMS
 * (first-strong isolates U+2068..U+2069 around them), as they do in the chat and on the pages.
 */
class PersianSmsUnitTests {

    static final Locale FA = Locale.forLanguageTag("fa");
    final ResourceBundleMessageSource messages = messages();

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    @Test
    void theLeftToRightPartsOfAPersianSmsAreIsolated() {
        assertThat(messages.getMessage("sms.confirm.code", new Object[] {"123456", "۵۰۰ ریال", "Camille D."}, FA))
                .contains("\u2068Camille D.\u2069");
        assertThat(messages.getMessage("sms.link.code", new Object[] {"123456", "تلگرام", "@ali_t"}, FA))
                .contains("\u2068@ali_t\u2069");
        assertThat(messages.getMessage("sms.link.code.account", new Object[] {"123456", "Telegram @ali_t"}, FA))
                .contains("\u2068Telegram @ali_t\u2069");
        assertThat(messages.getMessage("sms.confirm.operation", new Object[] {"123456", "Unlock card •••• 1234"}, FA))
                .contains("\u2068Unlock card •••• 1234\u2069");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("issue 13 P12: no \"Camille D..\" in a code's SMS, in any language")
    void aMaskedNameNeverEndsASentenceWithADoublePeriod() {
        for (Locale language :
                java.util.List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("ru"), FA, Locale.CHINESE)) {
            assertThat(messages.getMessage("sms.confirm.code", new Object[] {"123456", "5", "Camille D."}, language))
                    .as(language.toString())
                    .doesNotContain("..");
        }
    }

    @Test
    void otherLanguagesNeedNoIsolation() {
        assertThat(messages.getMessage(
                        "sms.confirm.code", new Object[] {"123456", "€5.00", "Camille D."}, Locale.ENGLISH))
                .isEqualTo("123456 is your code to pay Camille D. €5.00. Never share it.")
                .doesNotContain("\u2068");
    }
}
