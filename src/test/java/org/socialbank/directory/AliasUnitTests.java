package org.socialbank.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.shared.Network;

/** Aliases as people type them, in the five countries of the seeds, in native digits too. */
class AliasUnitTests {

    @ParameterizedTest(name = "{1} in {0} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "IR | 0912 345 6789     | +989123456789",
                "IR | ۰۹۱۲۳۴۵۶۷۸۹         | +989123456789",
                "IR | ٠٩١٢٣٤٥٦٧٨٩         | +989123456789",
                "IR | +98 912 345 6789  | +989123456789",
                "IN | 098765 43210      | +919876543210",
                "IN | 98765-43210       | +919876543210",
                "FR | 06 12 34 56 78    | +33612345678",
                "FR | 06.12.34.56.78    | +33612345678",
                "RU | 8 (912) 345-67-89 | +79123456789",
                "RU | +7 912 345 67 89  | +79123456789",
                "CN | 138 0013 8000     | +8613800138000",
                "CN | １３８００１３８０００   | +8613800138000",
                "   | +33 6 12 34 56 78 | +33612345678"
            })
    void readsLocalAndInternationalPhoneNumbers(String region, String typed, String e164) {
        assertThat(Alias.parse(AliasType.PHONE, null, typed, region).value()).isEqualTo(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "not a phone", "+33 1", "0912"})
    void refusesWhatIsNotAPhoneNumber(String typed) {
        assertThatThrownBy(() -> Alias.parse(AliasType.PHONE, null, typed, "FR"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Issue 14, item 7: what a person typed is read as a value; only a vouched-for text throws. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PHONE  |   | 12              | not a valid phone number: 12",
                "PHONE  |   | not a phone     | not a phone number: not a phone",
                "EMAIL  |   | bob@            | not an e-mail address: bob@",
                "TAG    |   | 1bob            | a $tag is 3 to 20 letters, digits or _ and starts with a letter: 1bob",
                "HANDLE |   | @bob            | a handle needs its network",
                "HANDLE | X | b c             | not a x handle: b c",
                "TAG    |   | '   '           | the tag is empty"
            })
    void tryParseSaysWhyATextIsNotAnAlias(AliasType type, Network network, String typed, String reason) {
        Alias.Parsed parsed = Alias.tryParse(type, network, typed, "FR");
        assertThat(parsed).isEqualTo(new Alias.Invalid(reason));
        assertThat(parsed.alias()).isEmpty();
        assertThatThrownBy(() -> Alias.parse(type, network, typed, "FR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(reason);
    }

    @Test
    void tryParseGivesTheAliasAsParseDoes() {
        assertThat(Alias.tryParse(AliasType.PHONE, null, "06 12 34 56 78", "FR"))
                .isEqualTo(new Alias.Valid(Alias.parse(AliasType.PHONE, null, "06 12 34 56 78", "FR")));
        assertThat(Alias.tryParse(AliasType.TAG, null, "$Bob_1", null).alias())
                .contains(new Alias(AliasType.TAG, null, "bob_1"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                " Bob.Brown@Example.COM | bob.brown@example.com",
                "ivan@пример.рф         | ivan@xn--e1afmkfd.xn--p1ai",
                "wang@例子.中国           | wang@xn--fsqu00a.xn--fiqs8s"
            })
    void normalizesEmailAddresses(String typed, String normalized) {
        assertThat(Alias.parse(AliasType.EMAIL, null, typed, null).value()).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob", "@example.com", "bob@", "bob@localhost", "a b@example.com"})
    void refusesWhatIsNotAnEmailAddress(String typed) {
        assertThatThrownBy(() -> Alias.parse(AliasType.EMAIL, null, typed, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"$Bob_1, bob_1", "alice, alice"})
    void readsTags(String typed, String value) {
        Alias tag = Alias.parse(AliasType.TAG, null, typed, null);
        assertThat(tag.value()).isEqualTo(value);
        assertThat(tag.display()).isEqualTo("$" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$b", "$1abc", "$bob!", "$averyveryverylongtagname"})
    void refusesMalformedTags(String typed) {
        assertThatThrownBy(() -> Alias.parse(AliasType.TAG, null, typed, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "X, @Bob_Smith, bob_smith, @bob_smith",
        "TELEGRAM, @Alice, alice, @alice",
        "WECHAT, oAbC-123_xyz, oAbC-123_xyz, oAbC-123_xyz",
        "WHATSAPP, +33 6 12 34 56 78, 33612345678, 33612345678"
    })
    void readsHandlesPerNetwork(Network network, String typed, String value, String display) {
        Alias handle = Alias.parse(AliasType.HANDLE, network, typed, null);
        assertThat(handle.value()).isEqualTo(value);
        assertThat(handle.network()).isEqualTo(network);
        assertThat(handle.display()).isEqualTo(display);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "@", "bob smith"})
    void refusesEmptyOrMalformedHandles(String typed) {
        assertThatThrownBy(() -> Alias.parse(AliasType.HANDLE, Network.X, typed, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void aHandleNeedsItsNetworkAndOnlyAHandleHasOne() {
        assertThatThrownBy(() -> Alias.parse(AliasType.HANDLE, null, "@bob", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Alias(AliasType.TAG, Network.X, "bob"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "hans@straße.de             | hans@xn--strae-oqa.de",
                "ali@\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645.ir | ali@xn--mgbn2ecje63gr19l.ir",
                "ali@\u0645\u06cc\u062e\u0648\u0627\u0647\u0645.ir       | ali@xn--mgbn2ecje63g.ir",
                "Jose\u0301@example.com     | jos\u00e9@example.com",
                "jos\u00e9@example.com      | jos\u00e9@example.com"
            })
    @org.junit.jupiter.api.DisplayName(
            "e-mail domains are read by UTS #46 non-transitional: straße.de stays itself, a Persian ZWNJ is"
                    + " kept; local parts are NFC (review 2026-12-07 alias follow-up)")
    void readsDomainsAsIdna2008AndLocalPartsInNfc(String typed, String normalized) {
        assertThat(Alias.parse(AliasType.EMAIL, null, typed, null).value()).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bo\u200bb@example.com",
                "bob@exa\u200bmple.com",
                "\ufeffbob@example.com",
                "bob\u202e@example.com",
                "bob@ab\u200ccd.com",
                "bob@ab\u200dcd.com",
                "bob@\u2066example.com"
            })
    @org.junit.jupiter.api.DisplayName(
            "zero-width and bidi characters in an e-mail are refused, not dropped; a ZWNJ only where its"
                    + " script needs it (review 2026-12-07 alias follow-up)")
    void refusesInvisibleCharactersInEmails(String typed) {
        assertThat(Alias.tryParse(AliasType.EMAIL, null, typed, null)).isInstanceOf(Alias.Invalid.class);
    }

    @ParameterizedTest
    @CsvSource({"TELEGRAM, bo\u200bb", "X, \u200ebob", "WHATSAPP, 98912\u200b3456789", "BALE, bob\ufeff"})
    @org.junit.jupiter.api.DisplayName(
            "a handle with a zero-width or bidi character is refused, not read as another handle"
                    + " (review 2026-12-07 alias follow-up)")
    void refusesInvisibleCharactersInHandles(Network network, String typed) {
        assertThat(Alias.tryParse(AliasType.HANDLE, network, typed, null))
                .isEqualTo(new Alias.Invalid("the handle has invisible characters"));
    }
}
