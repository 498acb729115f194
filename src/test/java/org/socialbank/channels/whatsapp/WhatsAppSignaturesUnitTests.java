package org.socialbank.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WhatsAppSignaturesUnitTests {

    static final String SECRET = "unit-app-secret";
    static final byte[] BODY =
            "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignatureIsTheHexHmacSha256OfTheRawBody() {
        // computed independently (Python's hmac module)
        assertThat(WhatsAppSignatures.sign(SECRET, BODY))
                .isEqualTo("sha256=be93455e4dbc4f6082bd75bd23692232511b6df9a21ed1b64394a8e4b2f73b52");
        assertThat(WhatsAppSignatures.sign(SECRET, "{\"text\":\"é 你好\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=86750814a792d3275f75a92a7dafac3702f89a1d393e83fa4bbe538e6ece0d20");
    }

    @Test
    void aMatchingHeaderIsAcceptedInEitherCase() {
        String header = WhatsAppSignatures.sign(SECRET, BODY);
        assertThat(WhatsAppSignatures.matches(SECRET, BODY, header)).isTrue();
        assertThat(WhatsAppSignatures.matches(
                        SECRET, BODY, " " + header.toUpperCase().replace("SHA256=", "sha256=")))
                .isTrue();
    }

    @Test
    @DisplayName("issue 21: a missing, truncated, other-key or other-body signature is refused")
    void anythingElseIsRefused() {
        String header = WhatsAppSignatures.sign(SECRET, BODY);
        assertThat(WhatsAppSignatures.matches(SECRET, BODY, null)).isFalse();
        assertThat(WhatsAppSignatures.matches(SECRET, BODY, "")).isFalse();
        assertThat(WhatsAppSignatures.matches(SECRET, BODY, header.substring(0, header.length() - 1)))
                .isFalse();
        assertThat(WhatsAppSignatures.matches(SECRET, BODY, header.substring("sha256=".length())))
                .isFalse();
        assertThat(WhatsAppSignatures.matches("another-secret", BODY, header)).isFalse();
        assertThat(WhatsAppSignatures.matches(
                        SECRET,
                        (new String(BODY, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8),
                        header))
                .isFalse();
        assertThat(WhatsAppSignatures.matches("", BODY, header)).isFalse();
    }

    @Test
    void theVerifyTokenIsComparedWhole() {
        assertThat(WhatsAppSignatures.equal("verify-token-1", "verify-token-1")).isTrue();
        assertThat(WhatsAppSignatures.equal("verify-token-1", "verify-token-")).isFalse();
        assertThat(WhatsAppSignatures.equal("verify-token-1", null)).isFalse();
        assertThat(WhatsAppSignatures.equal("", "")).isFalse();
    }
}
