package org.socialbank.security.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.security.otp.Totp.Algorithm;

class TotpUnitTests {

    /** RFC 6238 Appendix B: the seed for each algorithm is the ASCII digits, as long as its hash. */
    static byte[] seed(Algorithm algorithm) {
        String digits = switch (algorithm) {
            case SHA1 -> "12345678901234567890";
            case SHA256 -> "12345678901234567890123456789012";
            case SHA512 -> "1234567890123456789012345678901234567890123456789012345678901234";
        };
        return digits.getBytes(StandardCharsets.US_ASCII);
    }

    static final byte[] SHA1_SEED = seed(Algorithm.SHA1);
    static final Instant NOW = Instant.parse("2026-03-01T12:00:10Z");

    @ParameterizedTest(name = "T = {0}, {2}")
    @CsvSource({
        "59, 94287082, SHA1", "59, 46119246, SHA256", "59, 90693936, SHA512",
        "1111111109, 07081804, SHA1", "1111111109, 68084774, SHA256", "1111111109, 25091201, SHA512",
        "1111111111, 14050471, SHA1", "1111111111, 67062674, SHA256", "1111111111, 99943326, SHA512",
        "1234567890, 89005924, SHA1", "1234567890, 91819424, SHA256", "1234567890, 93441116, SHA512",
        "2000000000, 69279037, SHA1", "2000000000, 90698825, SHA256", "2000000000, 38618901, SHA512",
        "20000000000, 65353130, SHA1", "20000000000, 77737706, SHA256", "20000000000, 47863826, SHA512"
    })
    void computesTheRfc6238TestVectors(long seconds, String expected, Algorithm algorithm) {
        Totp totp = new Totp(algorithm, 8, 30);
        Instant at = Instant.ofEpochSecond(seconds);
        assertThat(totp.code(seed(algorithm), at)).isEqualTo(expected);
        assertThat(totp.verify(seed(algorithm), expected, at, 0)).hasValue(seconds / 30);
    }

    @Test
    void usesTheTimeStepsOfTheRfc() {
        Totp totp = new Totp(Algorithm.SHA1, 8, 30);
        assertThat(totp.step(Instant.ofEpochSecond(59))).isEqualTo(1);
        assertThat(totp.step(Instant.ofEpochSecond(1111111109))).isEqualTo(0x23523ECL);
        assertThat(totp.step(Instant.ofEpochSecond(1111111111))).isEqualTo(0x23523EDL);
        assertThat(totp.step(Instant.ofEpochSecond(20000000000L))).isEqualTo(0x27BC86AAL);
    }

    @ParameterizedTest(name = "counter {0}")
    @CsvSource({
        "0, 755224",
        "1, 287082",
        "2, 359152",
        "3, 969429",
        "4, 338314",
        "5, 254676",
        "6, 287922",
        "7, 162583",
        "8, 399871",
        "9, 520489"
    })
    void computesTheRfc4226HotpValues(long counter, String expected) {
        assertThat(Totp.defaults().hotp(SHA1_SEED, counter)).isEqualTo(expected);
    }

    @Test
    void acceptsACodeFromTheStepBeforeOrAfterOnlyWithinTheWindow() {
        Totp totp = Totp.defaults();
        long current = totp.step(NOW);
        String previous = totp.code(SHA1_SEED, NOW.minusSeconds(30));
        String next = totp.code(SHA1_SEED, NOW.plusSeconds(30));
        String older = totp.code(SHA1_SEED, NOW.minusSeconds(60));
        assertThat(totp.verify(SHA1_SEED, totp.code(SHA1_SEED, NOW), NOW, 1)).hasValue(current);
        assertThat(totp.verify(SHA1_SEED, previous, NOW, 1)).hasValue(current - 1);
        assertThat(totp.verify(SHA1_SEED, next, NOW, 1)).hasValue(current + 1);
        assertThat(totp.verify(SHA1_SEED, previous, NOW, 0)).isEmpty();
        assertThat(totp.verify(SHA1_SEED, older, NOW, 1)).isEmpty();
        assertThat(totp.verify(SHA1_SEED, older, NOW, 2)).hasValue(current - 2);
    }

    @Test
    void aCodeOfAnotherSecretDoesNotMatch() {
        Totp totp = Totp.defaults();
        byte[] other = "09876543210987654321".getBytes(StandardCharsets.US_ASCII);
        assertThat(totp.verify(other, totp.code(SHA1_SEED, NOW), NOW, 1)).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "12345",
                "1234567",
                "12345a",
                "12 345",
                " 123456",
                "123456 ",
                "+12345",
                "-12345",
                "١٢٣٤٥٦",
                "１２３４５６",
                "12345\u0000"
            })
    void rejectsWhatIsNotSixAsciiDigitsWithoutThrowing(String code) {
        OptionalLong result = Totp.defaults().verify(SHA1_SEED, code, NOW, 1);
        assertThat(result).isEmpty();
    }

    @Test
    void keepsLeadingZeros() {
        // RFC 6238 vector 07081804 starts with a zero; six digits of it too
        assertThat(new Totp(Algorithm.SHA1, 6, 30).code(SHA1_SEED, Instant.ofEpochSecond(1111111109)))
                .isEqualTo("081804");
    }

    @Test
    void refusesParametersOutsideTheBounds() {
        assertThatThrownBy(() -> new Totp(Algorithm.SHA1, 5, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Totp(Algorithm.SHA1, 9, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Totp(Algorithm.SHA1, 6, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Totp.defaults().verify(SHA1_SEED, "123456", NOW, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Totp.defaults().verify(SHA1_SEED, "123456", NOW, Totp.WINDOW_STEPS_MAX + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Totp.defaults().code(new byte[0], NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Totp.defaults().code(SHA1_SEED, Instant.ofEpochSecond(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
