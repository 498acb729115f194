package org.socialbank.security.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Sealing at rest (security review #13): bound to its purpose, its associated data and the pepper. */
class SealerUnitTests {

    static final OneTimeCodes CODES = new OneTimeCodes(filled(32, (byte) 7));

    @Test
    void opensWhatItSealedOnlyWithTheSameKeyAndAssociatedData() {
        Sealer sealer = new Sealer(CODES, "webchat payloads");
        String sealed = sealer.seal("https://bank/link/secret", "v-1");
        assertThat(sealed).startsWith(Sealer.PREFIX).doesNotContain("/link/");
        assertThat(sealer.seal("https://bank/link/secret", "v-1"))
                .as("a fresh nonce")
                .isNotEqualTo(sealed);
        assertThat(sealer.open(sealed, "v-1")).isEqualTo("https://bank/link/secret");
        assertThatThrownBy(() -> sealer.open(sealed, "v-2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Sealer(CODES, "other purpose").open(sealed, "v-1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() ->
                        new Sealer(new OneTimeCodes(filled(32, (byte) 8)), "webchat payloads").open(sealed, "v-1"))
                .hasMessageContaining("pepper");
        assertThat(Sealer.isSealed("{\"kind\":\"text\"}")).isFalse();
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
