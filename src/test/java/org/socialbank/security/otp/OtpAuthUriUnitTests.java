package org.socialbank.security.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.security.otp.Totp.Algorithm;

class OtpAuthUriUnitTests {

    static final TotpSecret RFC_SECRET = new TotpSecret("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void buildsTheKeyUriWithTheDefaults() {
        assertThat(OtpAuthUri.of("socialbank", "alice@example.com", RFC_SECRET).value())
                .isEqualTo("otpauth://totp/socialbank:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=socialbank&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void percentEncodesUnicodeNamesAsUtf8WithoutPlusForSpaces() {
        String value = OtpAuthUri.of("Social Bank", "Иван Петров", RFC_SECRET).value();
        assertThat(value)
                .startsWith("otpauth://totp/Social%20Bank:"
                        + "%D0%98%D0%B2%D0%B0%D0%BD%20%D0%9F%D0%B5%D1%82%D1%80%D0%BE%D0%B2?secret=")
                .contains("&issuer=Social%20Bank&")
                .doesNotContain("+", " ");
        URI uri = URI.create(value);
        assertThat(uri.getScheme()).isEqualTo("otpauth");
        assertThat(uri.getHost()).isEqualTo("totp");
        assertThat(uri.getPath()).isEqualTo("/Social Bank:Иван Петров");
        assertThat(uri.getQuery()).contains("issuer=Social Bank");
    }

    @Test
    void encodesReservedCharactersInNames() {
        String value = OtpAuthUri.of("A&B=C?#/", "x+y%z", RFC_SECRET).value();
        assertThat(value)
                .startsWith("otpauth://totp/A%26B%3DC%3F%23%2F:x%2By%25z?")
                .contains("&issuer=A%26B%3DC%3F%23%2F&");
    }

    @Test
    void carriesOtherParameters() {
        TotpSecret secret = TotpSecret.random();
        OtpAuthUri uri = new OtpAuthUri("socialbank", "bob", secret, new Totp(Algorithm.SHA256, 8, 60));
        assertThat(uri.value())
                .endsWith("?secret=" + secret.base32() + "&issuer=socialbank&algorithm=SHA256&digits=8&period=60");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "bank:evil", "tab\there"})
    void refusesNamesThatWouldBreakTheLabel(String name) {
        assertThatThrownBy(() -> OtpAuthUri.of(name, "alice", RFC_SECRET)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OtpAuthUri.of("socialbank", name, RFC_SECRET))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesOverlongNamesAndKeepsTheSecretOutOfToString() {
        assertThatThrownBy(() -> OtpAuthUri.of("socialbank", "x".repeat(OtpAuthUri.NAME_LENGTH_MAX + 1), RFC_SECRET))
                .isInstanceOf(IllegalArgumentException.class);
        OtpAuthUri uri = OtpAuthUri.of("socialbank", "alice", RFC_SECRET);
        assertThat(uri.toString()).doesNotContain(RFC_SECRET.base32());
        assertThat(RFC_SECRET.toString()).doesNotContain(RFC_SECRET.base32());
    }

    @Test
    void secretsAreTwentyRandomBytesAndReadBackFromBase32() {
        TotpSecret secret = TotpSecret.random();
        assertThat(secret.bytes()).hasSize(TotpSecret.BYTES_DEFAULT);
        assertThat(secret.base32()).hasSize(32).matches("[A-Z2-7]+");
        assertThat(TotpSecret.ofBase32(secret.base32().toLowerCase())).isEqualTo(secret);
        assertThat(TotpSecret.random()).isNotEqualTo(secret);
        assertThatThrownBy(() -> new TotpSecret(new byte[15])).isInstanceOf(IllegalArgumentException.class);
    }
}
