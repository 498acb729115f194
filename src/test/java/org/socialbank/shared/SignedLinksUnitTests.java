package org.socialbank.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** svc16: the signed links of the voucher-code and linked-accounts pages (issue 16 s3, s6). */
class SignedLinksUnitTests {

    static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    final SignedLinks links = new SignedLinks(key((byte) 1));

    @Test
    void aSignedLinkOpensItsSubjectUntilItExpires() {
        String subject = UUID.randomUUID().toString();
        String token = links.sign(subject, NOW.plusSeconds(60));
        assertThat(links.verify(token, NOW)).contains(subject);
        assertThat(links.verify(token, NOW.plusSeconds(59))).contains(subject);
        assertThat(links.verify(token, NOW.plusSeconds(60))).isEmpty();
    }

    @Test
    void aChangedSubjectExpiryOrSignatureOrAnotherKeyOpensNothing() {
        String subject = UUID.randomUUID().toString();
        String token = links.sign(subject, NOW.plusSeconds(60));
        String[] parts = token.split("\\.");
        assertThat(links.verify(UUID.randomUUID() + "." + parts[1] + "." + parts[2], NOW))
                .isEmpty();
        assertThat(links.verify(parts[0] + "." + (Long.parseLong(parts[1]) + 3600) + "." + parts[2], NOW))
                .isEmpty();
        assertThat(links.verify(parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "A", NOW))
                .isEmpty();
        assertThat(new SignedLinks(key((byte) 2)).verify(token, NOW)).isEmpty();
        assertThat(links.verify(token + "x".repeat(SignedLinks.TOKEN_LENGTH_MAX), NOW))
                .isEmpty();
        assertThat(links.verify("no-dots", NOW)).isEmpty();
        assertThat(links.verify(null, NOW)).isEmpty();
    }

    @Test
    void aSubjectIsAnIdAndAKeyIsLongEnough() {
        assertThatThrownBy(() -> links.sign("a.b", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> links.sign("", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignedLinks(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }
}
