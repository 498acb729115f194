package org.socialbank.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialbank.SocialbankApplication;
import org.socialbank.shared.DemoMode;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.TestStores;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Security review #8 (issue 12): an H2 file store is a real store, so demo mode (public codes at
 * {@code /dev/sms}, a known pepper, minting at {@code /dev/incoming-credits}) is never implied by it.
 */
class DemoModeOnlyWhenAskedIntegrationTests {

    @Test
    @DisplayName("security review #8: an H2 file URL without socialbank.demo.enabled is not a demo node")
    void anH2FileStoreIsNotADemoNode(@TempDir Path dir) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SocialbankApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + TestStores.h2Url(dir),
                        "--socialbank.api.token=" + Api.TOKEN)) {
            assertThat(context.getBean(DemoMode.class).enabled()).isFalse();
            String base = "http://127.0.0.1:"
                    + ((WebServerApplicationContext) context).getWebServer().getPort();
            Api anonymous = new Api(base, null);
            for (String path : new String[] {
                "/dev/sms", "/dev/sms.json", "/dev/email.json", "/dev/payouts.json", "/dev/incoming-credits.json"
            }) {
                Response response = anonymous.get(path);
                assertThat(response.status()).as(path).isEqualTo(404);
                assertThat(response.body()).as(path).doesNotContain("csrfToken");
            }
            assertThat(new Api(base, Api.TOKEN).get("/api/v1/demo/customers").status())
                    .isEqualTo(404);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM customers")
                            .query(Long.class)
                            .single())
                    .as("no demo customers with public passwords")
                    .isZero();
        }
    }

    @Test
    @DisplayName("security review #8: an H2 file store without a token or a pepper does not start")
    void anH2FileStoreNeedsATokenAndAPepper(@TempDir Path dir) {
        String url = "--spring.datasource.url=" + TestStores.h2Url(dir);
        assertThatThrownBy(() -> new SpringApplicationBuilder(SocialbankApplication.class)
                        .run("--server.port=0", url)
                        .close())
                .hasStackTraceContaining("No API token is configured");
        assertThatThrownBy(() -> new SpringApplicationBuilder(SocialbankApplication.class)
                        .run("--server.port=0", url, "--socialbank.api.token=" + Api.TOKEN, "--socialbank.otp.pepper=")
                        .close())
                .hasStackTraceContaining("No one-time-code pepper is configured");
    }

    @Test
    @DisplayName("security review #8: demo mode refuses a public socialbank.directory.public-base-url")
    void demoModeRefusesAPublicAddress(@TempDir Path dir) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SocialbankApplication.class)
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=" + TestStores.h2Url(dir),
                                "--socialbank.demo.enabled=true",
                                "--socialbank.directory.public-base-url=https://bank.example")
                        .close())
                .hasStackTraceContaining("socialbank.directory.public-base-url=https://bank.example")
                .hasStackTraceContaining("loopback");
    }
}
