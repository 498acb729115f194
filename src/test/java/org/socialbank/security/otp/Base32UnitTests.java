package org.socialbank.security.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base32UnitTests {

    /** RFC 4648 section 10, with the padding the RFC shows. */
    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(
            value = {
                "'', ''",
                "f, MY======",
                "fo, MZXQ====",
                "foo, MZXW6===",
                "foob, MZXW6YQ=",
                "fooba, MZXW6YTB",
                "foobar, MZXW6YTBOI======"
            })
    void encodesAndDecodesTheRfc4648Vectors(String text, String padded) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        String unpadded = padded.replace("=", "");
        assertThat(Base32.encode(bytes)).isEqualTo(unpadded);
        assertThat(Base32.decode(padded)).isEqualTo(bytes);
        assertThat(Base32.decode(unpadded)).isEqualTo(bytes);
    }

    @Test
    void decodesWhatPeopleTypeOrPaste() {
        byte[] foobar = "foobar".getBytes(StandardCharsets.US_ASCII);
        assertThat(Base32.decode("mzxw 6ytb oi")).isEqualTo(foobar);
        assertThat(Base32.decode(" MzXw6YtB\tOi====== ")).isEqualTo(foobar);
    }

    @Test
    void roundTripsEveryLength() {
        long seed = 20260301L;
        Random random = new Random(seed);
        for (int length = 0; length <= 64; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            assertThat(Base32.decode(Base32.encode(bytes)))
                    .as("seed %d, length %d", seed, length)
                    .isEqualTo(bytes);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"MZXW1YTB", "MZXW0YTB", "MZXW8YTB", "MZ=XW6YTB", "MZXW-6YTB", "MZXW6YTBÖ"})
    void refusesCharactersOutsideTheAlphabetWithoutRepeatingTheText(String text) {
        assertThatThrownBy(() -> Base32.decode(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not Base32")
                .hasMessageNotContaining(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"M", "MZX", "MZXW6Y", "MZXW6YTBM"})
    void refusesLengthsNoEncoderProduces(String text) {
        assertThatThrownBy(() -> Base32.decode(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
