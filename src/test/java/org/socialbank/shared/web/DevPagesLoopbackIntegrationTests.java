package org.socialbank.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.Filter;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialbank.SocialbankApplication;
import org.socialbank.support.TestStores;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The demo bank's {@code /dev/**} pages publish one-time codes and mint credits; the server listens
 * on every interface, so they answer only a loopback caller, and others get the 404 of a node
 * outside demo mode.
 */
class DevPagesLoopbackIntegrationTests {

    private static final String[] PAGES = {
        "/dev/sms", "/dev/sms.json", "/dev/email.json", "/dev/payouts.json", "/dev/incoming-credits.json"
    };

    @Test
    @DisplayName("the /dev pages answer only a loopback caller (review 2026-12-07 docs follow-up)")
    void theDevPagesAnswerOnlyALoopbackCaller(@TempDir Path dir) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SocialbankApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + TestStores.h2Url(dir),
                        "--socialbank.demo.enabled=true")) {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
                    .addFilters(
                            context.getBean(DevPagesLoopbackFilter.class),
                            context.getBean("springSecurityFilterChain", Filter.class))
                    .build();
            for (String page : PAGES) {
                assertThat(status(mvc, get(page), "127.0.0.1")).as(page).isEqualTo(200);
                assertThat(status(mvc, get(page), "::1")).as(page).isEqualTo(200);
                assertThat(status(mvc, get(page), "192.168.1.20")).as(page).isEqualTo(404);
                assertThat(status(mvc, get(page), "10.0.0.7")).as(page).isEqualTo(404);
                // the path as the dispatcher decodes it, not as typed: "/%64ev/sms" is "/dev/sms" (reread)
                java.net.URI escaped = java.net.URI.create(page.replaceFirst("^/dev", "/%64ev"));
                assertThat(status(mvc, get(escaped), "10.0.0.7"))
                        .as(escaped.toString())
                        .isEqualTo(404);
            }
            assertThat(status(mvc, post("/dev/incoming-credits"), "192.168.1.20"))
                    .as("no minting from the LAN")
                    .isEqualTo(404);
            assertThat(status(mvc, get("/api/v1/nlu/parse"), "192.168.1.20"))
                    .as("other paths are not this filter's")
                    .isNotEqualTo(404);
        }
    }

    @Test
    void aRemoteAddressIsLoopbackOnlyAsALiteral() {
        for (String local : new String[] {"127.0.0.1", "127.1.2.3", "::1", "[::1]", "0:0:0:0:0:0:0:1"}) {
            assertThat(DevPagesLoopbackFilter.loopback(local)).as(local).isTrue();
        }
        for (String remote : new String[] {"192.168.1.20", "10.0.0.1", "::ffff:10.0.0.1", "localhost", "", "x y"}) {
            assertThat(DevPagesLoopbackFilter.loopback(remote)).as(remote).isFalse();
        }
        assertThat(DevPagesLoopbackFilter.loopback(null)).isFalse();
    }

    private static int status(MockMvc mvc, MockHttpServletRequestBuilder request, String remoteAddress)
            throws Exception {
        return mvc.perform(request.with(r -> {
                    r.setRemoteAddr(remoteAddress);
                    return r;
                }))
                .andReturn()
                .getResponse()
                .getStatus();
    }
}
