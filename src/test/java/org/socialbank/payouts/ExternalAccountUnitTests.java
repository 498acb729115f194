package org.socialbank.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExternalAccountUnitTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "FR1420041010050500013M02606",
                "FR7630006000011234567890189",
                "DE89370400440532013000",
                "GB29NWBK60161331926819",
                "NL91ABNA0417164300",
                "BE68539007547034",
                "CH9300762011623852957",
                "ES9121000418450200051332",
                "IT60X0542811101000000123456",
                "NO9386011117947",
                "SA0380000000608010167519",
                "IR062960000000100324200001",
                "IR320170000000103456789012"
            })
    void acceptsValidIbansOfSeveralCountries(String iban) {
        assertThat(Iban.of(iban).value()).isEqualTo(iban);
        assertThat(ExternalAccount.parse(iban)).contains(new Iban(iban));
        assertThat(ExternalAccount.problemWithIban(iban)).isEmpty();
    }

    @Test
    void normalizesSpacesDashesAndLowerCase() {
        Iban iban = Iban.of(" fr76 3000-6000 0112 3456 7890 189 ");
        assertThat(iban.value()).isEqualTo("FR7630006000011234567890189");
        assertThat(iban.country()).isEqualTo("FR");
        assertThat(iban.display()).isEqualTo("FR76 3000 6000 0112 3456 7890 189");
        assertThat(iban.masked()).isEqualTo("FR76 **** **** 0189");
        assertThat(iban.toString()).doesNotContain("30006");
    }

    @ParameterizedTest
    @CsvSource({
        "FR7630006000011234567890188, iban_checksum",
        "DE89370400440532013001, iban_checksum",
        "GB82WEST12345698765432X, iban_length",
        "DE8937040044053201300, iban_length",
        "NL91ABNA04171643001, iban_length",
        "XX89370400440532013000, iban_country",
        "US64SVBKUS6S3300958879, iban_country",
        "DE89 3704 0044 0532 0130 0_, iban_characters",
        "1E89370400440532013000, iban_characters",
        "DEX9370400440532013000, iban_characters",
        "DE, iban_length",
        "FR14200410100505000130260612345678901, iban_length"
    })
    void refusesWithAStableReason(String text, String code) {
        assertThatThrownBy(() -> Iban.of(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(code);
        assertThat(ExternalAccount.parse(text)).isEmpty();
        assertThat(ExternalAccount.problemWithIban(text)).contains(new AccountProblem(code));
        assertThat(Iban.check(text)).as("issue 14: the problem as a value").contains(new AccountProblem(code));
        assertThat(new AccountProblem(code).messageKey()).isEqualTo("payouts.account." + code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0131T60X0542811101000000123456", "E\u017f9121000418450200051332"})
    @DisplayName("a non-ASCII letter is refused, not upper-cased into an IBAN's (review 2026-12-07 payout follow-up)")
    void refusesNonAsciiLettersThatUpperCaseIntoAscii(String text) {
        assertThat(Iban.check(text)).isNotEmpty();
        assertThat(ExternalAccount.parse(text)).isEmpty();
        assertThat(Iban.check(text.replace('\u0131', 'i').replace('\u017f', 's')))
                .as("the same text in ASCII is an IBAN")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE00370400440532013050", "DE01370400440532013032", "DE99370400440532013014"})
    @DisplayName("check digits 00, 01 and 99 are refused though MOD 97 passes (review 2026-12-07 payout follow-up)")
    void refusesCheckDigitsOutsideTwoToNinetyEight(String text) {
        assertThat(Iban.mod97(text)).as("MOD 97-10 alone would accept it").isOne();
        assertThat(Iban.check(text)).contains(new AccountProblem(AccountProblem.IBAN_CHECKSUM));
        assertThatThrownBy(() -> Iban.of(text)).hasMessage(AccountProblem.IBAN_CHECKSUM);
        assertThat(ExternalAccount.parse(text)).isEmpty();
        assertThat(Iban.stored(text).value())
                .as("stored before the rule (reread 2026-12-08 payouts): still read back")
                .isEqualTo(text);
        String wrong = text.substring(0, text.length() - 1) + (text.endsWith("9") ? '0' : '9');
        assertThatThrownBy(() -> Iban.stored(wrong))
                .as("a stored value is still checked with MOD 97")
                .hasMessage(AccountProblem.IBAN_CHECKSUM);
    }

    @ParameterizedTest
    @CsvSource({
        "DE89370400440532013000, EUR, true",
        "GB29NWBK60161331926819, GBP, true",
        "DE89370400440532013000, INR, false",
        "DE89370400440532013000, IRR, false",
        "IR062960000000100324200001, IRR, true",
        "IR062960000000100324200001, EUR, false",
        "123456789012/HDFC0001234, INR, true",
        "123456789012/HDFC0001234, EUR, false",
        "123456789012/HDFC0001234, IRR, false",
        "DE89370400440532013000, QPT, false"
    })
    @DisplayName("an account is paid only in a currency its rail carries (review 2026-12-07 payout follow-up)")
    void tellsWhetherAnAccountCanBePaidInACurrency(String account, String currency, boolean reachable) {
        ExternalAccount to = account.contains("/")
                ? new IndianAccount(
                        account.substring(0, account.indexOf('/')), account.substring(account.indexOf('/') + 1))
                : Iban.of(account);
        org.socialbank.shared.CurrencyCode code = "QPT".equals(currency)
                ? org.socialbank.shared.CurrencyCode.POINTS
                : org.socialbank.shared.CurrencyCode.of(currency);
        assertThat(ExternalAccount.problemWithCurrency(to, code))
                .isEqualTo(reachable ? Optional.empty() : Optional.of(new AccountProblem(AccountProblem.CURRENCY)));
    }

    @Test
    void anyOneCharacterChangedBreaksTheChecksum() {
        long seed = System.nanoTime();
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        String valid = "GB29NWBK60161331926819";
        for (int i = 0; i < 200; i++) {
            int at = 4 + random.nextInt(valid.length() - 4);
            char original = valid.charAt(at);
            char other = Character.isDigit(original)
                    ? (char) ('0' + (original - '0' + 1 + random.nextInt(9)) % 10)
                    : (char) ('A' + (original - 'A' + 1 + random.nextInt(25)) % 26);
            String changed = valid.substring(0, at) + other + valid.substring(at + 1);
            assertThat(ExternalAccount.problemWithIban(changed))
                    .as("seed %d: %s", seed, changed)
                    .contains(new AccountProblem(AccountProblem.IBAN_CHECKSUM));
        }
    }

    @Test
    void everyProblemHasAnEnglishMessage() throws java.io.IOException {
        java.util.Properties english = new java.util.Properties();
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(
                java.nio.file.Path.of("src", "main", "resources", "messages.properties"))) {
            english.load(in);
        }
        for (String code : AccountProblem.CODES) {
            assertThat(english.getProperty(new AccountProblem(code).messageKey()))
                    .as(code)
                    .isNotBlank();
        }
    }

    @Test
    void acceptsAnIndianAccountAndNormalizesTheIfsc() {
        IndianAccount account = new IndianAccount("1234 5678 9", "hdfc0001234");
        assertThat(account.number()).isEqualTo("123456789");
        assertThat(account.ifsc()).isEqualTo("HDFC0001234");
        assertThat(account.masked()).isEqualTo("****6789 / HDFC0001234");
        assertThat(account.display()).isEqualTo("123456789 / HDFC0001234");
        assertThat(new IndianAccount("123456789012345678", "SBIN0A1B2C3").number())
                .hasSize(18);
        assertThat(ExternalAccount.parseIndian("123456789", "HDFC0001234")).contains(account);
    }

    @ParameterizedTest
    @CsvSource({
        "12345678, HDFC0001234, account_number",
        "1234567890123456789, HDFC0001234, account_number",
        "12345678A, HDFC0001234, account_number",
        "123456789, HDFC1001234, ifsc",
        "123456789, HDF00001234, ifsc",
        "123456789, HDFC000123, ifsc",
        "123456789, HDFC0001234X, ifsc"
    })
    void refusesABadIndianAccount(String number, String ifsc, String code) {
        assertThatThrownBy(() -> new IndianAccount(number, ifsc))
                .isInstanceOf(InvalidAccount.class)
                .hasMessage(code);
        assertThat(ExternalAccount.problemWithIndianAccount(number, ifsc))
                .isEqualTo(Optional.of(new AccountProblem(code)));
        assertThat(ExternalAccount.parseIndian(number, ifsc)).isEmpty();
        assertThat(IndianAccount.check(number, ifsc))
                .as("issue 14: the problem as a value")
                .contains(new AccountProblem(code));
    }

    @Test
    void anOrderBoundsItsFields() {
        Iban to = Iban.of("DE89370400440532013000");
        org.socialbank.shared.CurrencyCode eur = org.socialbank.shared.CurrencyCode.of("EUR");
        assertThatThrownBy(() -> new PayoutOrder(PayoutId.random(), to, "Bob", 0, eur, "p1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PayoutOrder(PayoutId.random(), to, " ", 100, eur, "p1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PayoutOrder(PayoutId.random(), to, "Bob", 100, eur, "r".repeat(129)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new PayoutOrder(PayoutId.random(), to, " Bob ", 100, eur, "r".repeat(128)).beneficiaryName())
                .isEqualTo("Bob");
    }
}
