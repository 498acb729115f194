package org.socialbank.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Amounts as each people writes them (issue 13, UX walk-through P13). */
class MoneyFormatUnitTests {

    static final Locale PERSIAN = Locale.forLanguageTag("fa");

    @Test
    void persianPutsTheNumberFirstInPersianDigitsAndSaysTomansToo() {
        assertThat(MoneyFormat.format(50_000_000, CurrencyCode.of("IRR"), PERSIAN))
                .isEqualTo("۵۰٬۰۰۰٬۰۰۰\u00A0ریال (۵٬۰۰۰٬۰۰۰\u00A0تومان)");
        assertThat(MoneyFormat.format(0, CurrencyCode.of("IRR"), PERSIAN)).isEqualTo("۰\u00A0ریال (۰\u00A0تومان)");
        assertThat(MoneyFormat.format(15, CurrencyCode.of("IRR"), PERSIAN)).isEqualTo("۱۵\u00A0ریال (۱٫۵\u00A0تومان)");
        assertThat(MoneyFormat.format(1_000, CurrencyCode.of("EUR"), PERSIAN))
                .startsWith("۱۰٫۰۰\u00A0")
                .endsWith("€");
    }

    @Test
    void otherLanguagesKeepTheirCurrencyFormat() {
        assertThat(MoneyFormat.format(1_000, CurrencyCode.of("EUR"), Locale.ENGLISH))
                .isEqualTo("€10.00");
        assertThat(MoneyFormat.format(1_000, CurrencyCode.of("EUR"), Locale.FRENCH))
                .isEqualTo("10,00\u00A0€");
    }
}
