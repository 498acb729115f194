package org.socialbank.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.security.otp.OneTimeCodes;

class PayloadSealUnitTests {

    final PayloadSeal seal = new PayloadSeal(new OneTimeCodes(new byte[32]));

    @Test
    @DisplayName("security review #13: every URL of a payload is sealed, bound to its row")
    void urlsAreSealedAndOpenOnlyForTheirRow() {
        UUID row = UUID.randomUUID();
        String json = "{\"type\":\"link\",\"text\":\"Not you? https://bank.example/unlink/abc\","
                + "\"url\":\"https://bank.example/claim/Zx_9-1?x=1&y=2\"}";
        String sealed = seal.seal(row, json);
        assertThat(sealed)
                .doesNotContain("http")
                .doesNotContain("/unlink/")
                .doesNotContain("/claim/")
                .contains("\"type\":\"link\"");
        assertThat(seal.open(row, sealed)).isEqualTo(json);
        assertThat(seal.open(UUID.randomUUID(), sealed))
                .as("moved to another row: stays sealed")
                .isEqualTo(sealed);
    }

    @Test
    void whatOnlyLooksSealedAndPlainPayloadsAreLeftAsTheyAre() {
        UUID row = UUID.randomUUID();
        String typed =
                "{\"text\":\"you wrote {gcm1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA} and {gcm1:abcdefghijklmnopqrstu}\"}";
        assertThat(seal.open(row, typed)).isEqualTo(typed);
        assertThat(seal.open(row, "{\"text\":\"hello\"}")).isEqualTo("{\"text\":\"hello\"}");
    }

    @Test
    void outboxIdsGrowWithinANode() {
        UUID previous = OutboxIds.next();
        for (int i = 0; i < 10_000; i++) {
            UUID next = OutboxIds.next();
            assertThat(Long.compareUnsigned(next.getMostSignificantBits(), previous.getMostSignificantBits()))
                    .isPositive();
            assertThat(next.version()).isEqualTo(7);
            previous = next;
        }
    }
}
