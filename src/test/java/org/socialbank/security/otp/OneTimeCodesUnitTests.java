package org.socialbank.security.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class OneTimeCodesUnitTests {

    static final byte[] PEPPER = "a pepper of at least 32 bytes, for tests".getBytes();
    static final String PAY_ALICE = "pay 12.00 EUR to $alice, transfer 7f3c";

    final OneTimeCodes codes = new OneTimeCodes(PEPPER);

    @Test
    void generatesCodesOfTheAskedLengthInAsciiDigits() {
        for (int length = OneTimeCodes.CODE_LENGTH_MIN; length <= OneTimeCodes.CODE_LENGTH_MAX; length++) {
            for (int i = 0; i < 200; i++) {
                assertThat(codes.generate(length)).hasSize(length).matches("[0-9]+");
            }
        }
        assertThatThrownBy(() -> codes.generate(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codes.generate(10)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Every digit in every position about equally often, leading zeros included (chi-square). */
    @Test
    void spreadsDigitsEvenly() throws NoSuchAlgorithmException {
        long seed = 6238L;
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(seed); // before first use, so SHA1PRNG is deterministic: no flaky run
        OneTimeCodes seeded = new OneTimeCodes(PEPPER, random);
        int samples = 20_000;
        long[][] counts = new long[6][10];
        for (int i = 0; i < samples; i++) {
            String code = seeded.generate(6);
            for (int position = 0; position < 6; position++) {
                counts[position][code.charAt(position) - '0']++;
            }
        }
        for (int position = 0; position < 6; position++) {
            double expected = samples / 10.0;
            double chiSquare = 0;
            for (long count : counts[position]) {
                chiSquare += (count - expected) * (count - expected) / expected;
            }
            // 9 degrees of freedom: 27.9 is exceeded by chance once in a thousand
            assertThat(chiSquare).as("seed %d, position %d", seed, position).isLessThan(27.9);
        }
    }

    @Test
    void matchesACodeOnlyForTheContextItWasIssuedFor() {
        String code = codes.generate(6);
        String hash = codes.hash(code, PAY_ALICE);
        assertThat(hash).matches("[0-9a-f]{64}").doesNotContain(code);
        assertThat(codes.hash(code, PAY_ALICE)).isEqualTo(hash);
        assertThat(codes.matches(code, PAY_ALICE, hash)).isTrue();
        assertThat(codes.matches(code, "pay 12.00 EUR to $mallory, transfer 7f3c", hash))
                .isFalse();
        assertThat(codes.matches(code, "pay 1200.00 EUR to $alice, transfer 7f3c", hash))
                .isFalse();
        assertThat(codes.matches(other(code), PAY_ALICE, hash)).isFalse();
    }

    @Test
    void aHashIsWorthlessUnderAnotherPepper() {
        String hash = codes.hash("123456", PAY_ALICE);
        OneTimeCodes elsewhere = new OneTimeCodes("another pepper of at least 32 bytes!".getBytes());
        assertThat(elsewhere.matches("123456", PAY_ALICE, hash)).isFalse();
    }

    @Test
    void contextAndCodeCannotBeShiftedIntoEachOther() {
        // with a plain concatenation "pay 1" + "234567" and "pay 12" + "34567" would be one input
        assertThat(codes.hash("234567", "pay 1")).isNotEqualTo(codes.hash("34567", "pay 12"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "123", "12345a", "１２３４５６", " 123456", "1234567890"})
    void anythingButACodeSimplyDoesNotMatch(String typed) {
        String hash = codes.hash("123456", PAY_ALICE);
        assertThat(codes.matches(typed, PAY_ALICE, hash)).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "not a hash", "123456"})
    void aStoredValueThatIsNoHashSimplyDoesNotMatch(String stored) {
        assertThat(codes.matches("123456", PAY_ALICE, stored)).isFalse();
    }

    @Test
    void refusesAShortPepperAndAnEmptyContext() {
        assertThatThrownBy(() -> new OneTimeCodes(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codes.hash("123456", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codes.hash("12345a", PAY_ALICE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(codes.toString()).doesNotContain(new String(PEPPER));
    }

    @Test
    void makesLinkTokensOf256RandomBitsInBase64Url() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = codes.randomToken();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]{43}");
            seen.add(token);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void storesALinkTokenOnlyAsItsSha256() {
        // FIPS 180-2 example: SHA-256("abc")
        assertThat(codes.hashToken("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String token = codes.randomToken();
        assertThat(codes.hashToken(token))
                .hasSize(64)
                .isEqualTo(codes.hashToken(token))
                .doesNotContain(token);
    }

    private static String other(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
    }
}
