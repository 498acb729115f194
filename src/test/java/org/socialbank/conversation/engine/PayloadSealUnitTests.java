package org.socialbank.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThatThrownBy(() -> seal.open(UUID.randomUUID(), sealed))
                .as("moved to another row: does not open, and is not sent as it is")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("gcm1");
    }

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: what a customer typed that looks sealed is made unlike a"
            + " sealed link when the reply is stored, so a sealed link that does not open is a broken row")
    void whatOnlyLooksSealedIsMadeUnlikeItAndPlainPayloadsAreLeftAsTheyAre() {
        UUID row = UUID.randomUUID();
        String typed =
                "{\"text\":\"you wrote {gcm1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA} and {gcm1:abcdefghijklmnopqrstu}\"}";
        String stored = seal.seal(row, typed);
        assertThat(PayloadSeal.SEALED.matcher(stored).find()).isFalse();
        assertThat(seal.open(row, stored))
                .isEqualTo(typed.replace("{gcm1:", "{\u2060gcm1:"))
                .contains("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(seal.open(row, "{\"text\":\"hello\"}")).isEqualTo("{\"text\":\"hello\"}");
        String corrupted = "{\"text\":\"{gcm1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA}\"}";
        assertThatThrownBy(() -> seal.open(row, corrupted)).isInstanceOf(IllegalStateException.class);
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
