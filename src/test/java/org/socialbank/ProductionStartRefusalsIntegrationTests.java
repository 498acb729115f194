package org.socialbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.socialbank.support.Api;
import org.socialbank.support.TestStores;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real start outside demo mode refuses what would fool customers or move no money: the embedded
 * sandboxes (a payout "settled" at the sandbox rail) unless a staging node allows them, and a
 * loopback public address in one-time links.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartRefusalsIntegrationTests {

    @Test
    @DisplayName("outside demo mode the sandboxes refuse the start unless allowed (review 2026-12-07 docs follow-up)")
    void outsideDemoModeTheSandboxesRefuseTheStartUnlessAllowed(@TempDir Path dir, CapturedOutput output) {
        assertThatThrownBy(() -> start(
                                dir,
                                "--socialbank.sandboxes-allowed=false",
                                "--socialbank.applications.auto-decide=true")
                        .close())
                .hasStackTraceContaining("Outside demo mode these SPIs have no real implementation")
                .hasStackTraceContaining("InterbankRail (org.socialbank.payouts.InterbankRail")
                .hasStackTraceContaining("OpenBanking (")
                .hasStackTraceContaining("EmailGateway (")
                .hasStackTraceContaining("SmsGateway (org.socialbank.notifications.SmsGateway: ")
                .hasStackTraceContaining("Underwriting (org.socialbank.applications.Underwriting: ")
                .hasStackTraceContaining("socialbank.sandboxes-allowed=true");
        assertThatThrownBy(
                        () -> start(dir, "--socialbank.sandboxes-allowed=false").close())
                .as("staff deciding every application is a bank's manual underwriting, not a sandbox in use")
                .hasStackTraceContaining("InterbankRail (")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("Underwriting ("));
        try (ConfigurableApplicationContext staging = start(dir, "--socialbank.sandboxes-allowed=true")) {
            assertThat(staging.isRunning()).isTrue();
            assertThat(output.getOut())
                    .as("a staging node still says so")
                    .contains("No interbank rail is configured")
                    .contains("No SMS gateway is configured")
                    .contains("No underwriting is configured");
        }
    }

    @Test
    @DisplayName("outside demo mode a loopback public address refuses the start (review 2026-12-07 docs follow-up)")
    void outsideDemoModeALoopbackPublicAddressRefusesTheStart(@TempDir Path dir) {
        assertThatThrownBy(() -> start(
                                dir,
                                "--socialbank.directory.loopback-base-url-allowed=false",
                                "--socialbank.directory.public-base-url=http://localhost:8080")
                        .close())
                .hasStackTraceContaining("socialbank.directory.public-base-url=http://localhost:8080 outside demo mode")
                .hasStackTraceContaining("SOCIALBANK_DIRECTORY_PUBLIC_BASE_URL");
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static ConfigurableApplicationContext start(Path dir, String... more) {
        String[] arguments = new String[4 + more.length];
        arguments[0] = "--server.port=0";
        arguments[1] = "--spring.datasource.url=" + TestStores.h2Url(dir);
        arguments[2] = "--socialbank.demo.enabled=false";
        arguments[3] = "--socialbank.api.token=" + Api.TOKEN;
        System.arraycopy(more, 0, arguments, 4, more.length);
        return new SpringApplicationBuilder(SocialbankApplication.class).run(arguments);
    }
}
