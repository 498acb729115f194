package org.socialbank.security.otp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialbank.SocialbankApplication;
import org.socialbank.support.Api;
import org.socialbank.support.TestStores;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A production node (not demo mode) without a pepper does not start, and says what to set. */
class OtpPepperIntegrationTests {

    @Test
    void outsideDemoModeRefusesToStartWithoutAPepper(@TempDir Path dir) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SocialbankApplication.class)
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=" + TestStores.h2Url(dir),
                                "--socialbank.demo.enabled=false",
                                "--socialbank.api.token=" + Api.TOKEN,
                                "--socialbank.otp.pepper=")
                        .close())
                .hasStackTraceContaining("No one-time-code pepper is configured")
                .hasStackTraceContaining("SOCIALBANK_OTP_PEPPER (socialbank.otp.pepper)");
    }
}
