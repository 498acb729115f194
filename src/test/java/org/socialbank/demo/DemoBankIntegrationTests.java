package org.socialbank.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.socialbank.SocialbankApplication;
import org.socialbank.support.Api;
import org.socialbank.support.TestStores;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The demo bank, as an engineer meets it: a fresh start, a restart, and the generated token. */
@ExtendWith(OutputCaptureExtension.class)
class DemoBankIntegrationTests {

    static final Pattern TOKEN = Pattern.compile("API token for this run is (sb_demo_[A-Za-z0-9_-]+)");

    @Test
    void seedsOnceWithAGeneratedTokenAndNothingTwiceOnRestart(@TempDir Path dir, CapturedOutput output) {
        String url = TestStores.h2Url(dir);
        long accounts;
        long transfers;
        try (ConfigurableApplicationContext first = start(url)) {
            Matcher token = TOKEN.matcher(output.getOut());
            assertThat(token.find()).as("the generated token is printed").isTrue();
            Api api = new Api("http://127.0.0.1:" + port(first), token.group(1));
            JsonNode customers = api.get("/api/v1/demo/customers").json().path("customers");
            assertThat(customers.size()).isEqualTo(5);
            List<String> languages = customers
                    .valueStream()
                    .map(c -> c.path("language").asString())
                    .toList();
            assertThat(languages).containsExactlyInAnyOrder("en", "fr", "ru", "fa", "zh");
            JsonNode alice = customers.get(0).path("accounts").get(0);
            assertThat(alice.path("currency").asString()).isEqualTo("EUR");
            assertThat(alice.path("balanceMinor").asLong()).isEqualTo(50_000);
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            accounts =
                    jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single();
            transfers =
                    jdbc.sql("SELECT COUNT(*) FROM transfers").query(Long.class).single();
            // the demo bank's 4 accounts and the payments' escrow and settlement ones per currency, and 8 wallets
            // (and the cards' settlement and income accounts per currency and Alice's and Wang's credit cards)
            assertThat(accounts).isEqualTo(5 * 4 + 5 * 2 + 8 + 5 * 2 + 2);
            // the 8 openings (and 6 purchases on each of the two credit cards)
            assertThat(transfers).isEqualTo(8 + 2 * 6);
        }
        assertThat(dir.resolve("socialbank.mv.db.running"))
                .as("a clean stop, noted once the pool and H2 have closed (docs/adr/0017)")
                .doesNotExist();
        try (ConfigurableApplicationContext second = start(url)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM accounts")
                            .query(Long.class)
                            .single())
                    .isEqualTo(accounts);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM transfers")
                            .query(Long.class)
                            .single())
                    .isEqualTo(transfers);
            assertThat(output.getOut()).contains("Demo bank already seeded");
            assertThat(output.getOut()).doesNotContain("did not stop cleanly");
        }
    }

    @Test
    void outsideDemoModeRefusesToStartWithoutAToken(@TempDir Path dir) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SocialbankApplication.class)
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=" + TestStores.h2Url(dir),
                                "--socialbank.demo.enabled=false")
                        .close())
                .hasStackTraceContaining("No API token is configured");
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(SocialbankApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + url, "--socialbank.demo.enabled=true");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
