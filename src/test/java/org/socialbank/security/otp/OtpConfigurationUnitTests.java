package org.socialbank.security.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socialbank.shared.DemoMode;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class OtpConfigurationUnitTests {

    static final byte[] BYTES = new byte[32];

    static {
        for (int i = 0; i < BYTES.length; i++) {
            BYTES[i] = (byte) (i * 37 + 250);
        }
    }

    @Test
    void readsAPepperInStandardOrUrlSafeBase64() {
        String standard = Base64.getEncoder().encodeToString(BYTES);
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(BYTES);
        assertThat(standard).containsAnyOf("+", "/");
        assertThat(new OtpProperties(standard).pepperBytes()).hasValue(BYTES);
        assertThat(new OtpProperties(urlSafe).pepperBytes()).hasValue(BYTES);
        assertThat(OtpConfiguration.pepper(new OtpProperties(standard), new DemoMode(false)))
                .isEqualTo(BYTES);
        assertThat(new OtpProperties(standard).toString()).doesNotContain(standard);
    }

    @Test
    void refusesAShortOrMalformedPepperNamingTheProperty() {
        String short31 = Base64.getEncoder().encodeToString(new byte[31]);
        assertThatThrownBy(() -> new OtpProperties(short31))
                .hasMessageContaining("SOCIALBANK_OTP_PEPPER")
                .hasMessageContaining("socialbank.otp.pepper")
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new OtpProperties("not base64 at all!"))
                .hasMessageContaining("socialbank.otp.pepper")
                .hasMessageNotContaining("not base64 at all");
    }

    @Test
    void outsideDemoModeAMissingPepperStopsTheStart() {
        for (String unset : new String[] {null, "", "  "}) {
            assertThatThrownBy(() -> OtpConfiguration.pepper(new OtpProperties(unset), new DemoMode(false)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("SOCIALBANK_OTP_PEPPER")
                    .hasMessageContaining("socialbank.otp.pepper");
        }
    }

    @Test
    void inDemoModeAMissingPepperIsTheDevelopmentOneWithAWarning(CapturedOutput output) {
        byte[] pepper = OtpConfiguration.pepper(new OtpProperties(null), new DemoMode(true));
        assertThat(pepper).hasSize(32).isEqualTo(OtpConfiguration.developmentPepper());
        assertThat(output.getOut()).contains("WARN").contains("SOCIALBANK_OTP_PEPPER");
    }
}
