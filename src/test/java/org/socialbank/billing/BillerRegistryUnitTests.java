package org.socialbank.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.StringReader;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Issue 15 s1: the registry of other countries' billers shipped in the jar, and how it refuses a bad entry. */
class BillerRegistryUnitTests {

    private final BillerRegistry registry = BillerRegistry.shipped();

    @Test
    void shipsTheDemoBillersOfChinaFranceAndRussiaNamedInEveryLanguage() {
        assertThat(registry.all())
                .extracting(BillerRegistry.ForeignBiller::country)
                .contains("CN", "FR", "RU");
        assertThat(registry.of("CN", "electricity"))
                .extracting(b -> b.name(Locale.CHINESE))
                .containsExactly("国家电网");
        assertThat(registry.of("CN", "water"))
                .extracting(b -> b.name(Locale.CHINESE))
                .containsExactly("自来水");
        assertThat(registry.of("CN", "gas"))
                .extracting(b -> b.name(Locale.CHINESE))
                .containsExactly("燃气");
        assertThat(registry.of("CN", "phone"))
                .extracting(b -> b.name(Locale.ENGLISH))
                .containsExactly("China Mobile postpaid");
        for (BillerRegistry.ForeignBiller biller : registry.all()) {
            assertThat(biller.names().keySet()).as(biller.id()).isEqualTo(BillerRegistry.LANGUAGES);
            assertThat(BillerRegistry.CATEGORIES).contains(biller.category());
        }
        assertThat(registry.find("ru_mosenergosbyt").orElseThrow().currency().code())
                .isEqualTo("RUB");
        assertThat(registry.find("fr_edf").orElseThrow().name(Locale.FRENCH)).isEqualTo("EDF");
    }

    @Test
    void checksAnAccountsFormatAndCheckDigit() {
        BillerRegistry.ForeignBiller grid = registry.find("cn_state_grid").orElseThrow();
        assertThat(grid.account("123-456-7897")).hasValue("1234567897");
        assertThat(grid.account("1234567898")).as("a wrong Luhn digit").isEmpty();
        assertThat(grid.account("123456789")).as("too short").isEmpty();
        assertThat(registry.taking("CN", "electricity", "1234567897"))
                .extracting(BillerRegistry.ForeignBiller::id)
                .containsExactly("cn_state_grid");
        BillerRegistry.ForeignBiller tax = registry.find("fr_impots").orElseThrow();
        String head = "123456789012";
        assertThat(tax.account(head + IranianBill.checkDigit(head))).isPresent();
        assertThat(tax.account(head + (IranianBill.checkDigit(head) + 1) % 10)).isEmpty();
        assertThat(registry.find("cn_china_mobile_postpaid").orElseThrow().account("13800138000"))
                .isPresent();
    }

    @Test
    void aBadEntryIsRefusedWithItsKey() {
        String good = "x.country=CN\nx.currency=CNY\nx.category=water\nx.account=\\\\d{8}\nx.check=none\n"
                + "x.name.en=X\nx.name.fr=X\nx.name.ru=X\nx.name.fa=X\nx.name.zh=X\n";
        assertThat(read(good).find("x")).isPresent();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> read(good.replace("x.category=water", "x.category=pets")))
                .withMessageContaining("x.category");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> read(good.replace("x.name.zh=X\n", "")))
                .withMessageContaining("x.name.zh");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> read(good.replace("x.check=none", "x.check=crc")))
                .withMessageContaining("x.check");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> read(good.replace("\\\\d{8}", "[0-9")))
                .withMessageContaining("x.account");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> read(good.replace("x.country=CN", "x.country=IR")))
                .withMessageContaining("x.country");
    }

    private static BillerRegistry read(String text) {
        try {
            return BillerRegistry.read(new StringReader(text));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
