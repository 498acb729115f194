package org.socialbank.notifications.dev;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socialbank.notifications.DeliveryStatus;
import org.socialbank.notifications.SmsGateway;
import org.socialbank.notifications.SmsMessage;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Outside demo mode the inbox still takes messages, but nobody reads its codes over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DevSmsInboxOutsideDemoModeIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    SmsGateway gateway;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry); // demo mode off
    }

    @Test
    void answers404ProblemsWithoutAToken() {
        assertThat(gateway.send(new SmsMessage("+33612345678", "Your code is 123456"))
                        .status())
                .isEqualTo(DeliveryStatus.SUCCEEDED);
        Api anonymous = new Api("http://127.0.0.1:" + port, null);
        for (String path : new String[] {"/dev/sms", "/dev/sms.json", "/dev/sms.json?to=%2B33612345678"}) {
            for (String accept : new String[] {"text/html", "application/json", "*/*"}) {
                Response response = anonymous.send(
                        anonymous.request(path).header("Accept", accept).GET().build());
                assertThat(response.status()).as(path + " " + accept).isEqualTo(404);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.code()).isEqualTo("not_found");
                assertThat(response.body()).doesNotContain("123456");
            }
        }
    }
}
