package org.socialbank.notifications.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.socialbank.notifications.BudgetedSms;
import org.socialbank.notifications.SmsDelivery;
import org.socialbank.notifications.SmsGateway;
import org.socialbank.notifications.SmsMessage;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A gateway defined by the application, as a {@code @Bean}, replaces the developer inbox. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DevSmsInboxReplacedIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    SmsGateway gateway;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("socialbank.demo.enabled", () -> "true");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class RealGateway {

        static final List<SmsMessage> SENT = new CopyOnWriteArrayList<>();

        @Bean
        SmsGateway recordingGateway() {
            return new SmsGateway() {
                @Override
                public SmsDelivery send(SmsMessage message) {
                    SENT.add(message);
                    return SmsDelivery.pending("gw-" + SENT.size());
                }
                // no status(): a deployer's gateway written before delivery reports still compiles
            };
        }
    }

    @Test
    void theInboxStepsAsideAndItsPagesAnswer404() {
        assertThat(context.getBeansOfType(SmsGateway.class).values())
                .as("the provider's, and the budgets in front")
                .hasSize(2)
                .hasAtLeastOneElementOfType(BudgetedSms.class);
        assertThat(context.getBeansOfType(DevSmsInbox.class)).isEmpty();
        assertThat(gateway.send(new SmsMessage("+33612345678", "hello")).id()).startsWith("gw-");
        Response page = new Api(port).get("/dev/sms.json");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.json().path("detail").asString()).contains("real gateway");
    }
}
