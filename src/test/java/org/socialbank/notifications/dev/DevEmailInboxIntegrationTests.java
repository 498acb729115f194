package org.socialbank.notifications.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.notifications.DeliveryStatus;
import org.socialbank.notifications.EmailDelivery;
import org.socialbank.notifications.EmailGateway;
import org.socialbank.notifications.EmailMessage;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The developer e-mail inbox of a demo node, over real HTTP. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "socialbank.notifications.dev-inbox-max=5")
class DevEmailInboxIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    EmailGateway gateway;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("socialbank.demo.enabled", () -> "true"); // after TestStores, which turns it off
    }

    @Test
    void theEmbeddedGatewayKeepsEmailsAndListsThemNewestFirst() {
        String to = "claimant-" + UUID.randomUUID() + "@example.fr";
        EmailDelivery first =
                gateway.send(new EmailMessage(to, "Votre code socialbank", "Votre code est 111111", Locale.FRENCH));
        gateway.send(new EmailMessage(to, "Votre code socialbank", "Votre code est 222222", Locale.FRENCH));
        assertThat(gateway).isInstanceOf(DevEmailInbox.class);
        assertThat(first.status()).isEqualTo(DeliveryStatus.SUCCEEDED);

        Api api = new Api(port);
        Response json = api.get("/dev/email.json?to=" + to.toUpperCase(Locale.ROOT));
        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        List<JsonNode> messages = json.json().path("messages").valueStream().toList();
        assertThat(messages)
                .extracting(m -> m.path("body").asString())
                .containsExactly("Votre code est 222222", "Votre code est 111111");
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.path("to").asString()).isEqualTo(to);
            assertThat(m.path("subject").asString()).isEqualTo("Votre code socialbank");
            assertThat(m.path("language").asString()).isEqualTo("fr");
        });
        assertThat(api.get("/dev/email.json?limit=1").json().path("messages").size())
                .isOne();

        Response page = api.get("/dev/email?to=" + to);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Votre code est 222222", to);
    }

    @Test
    void refusesAFilterThatIsNoAddressAndALimitOutOfBounds() {
        Api api = new Api(port);
        for (String query : List.of("to=nobody", "limit=0", "limit=" + (DevEmailInbox.READ_MAX + 1))) {
            Response refused = api.get("/dev/email.json?" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
        }
        assertThat(api.get("/dev/email?to=nobody").body()).contains("Not an e-mail address");
    }

    @Test
    void keepsOnlyTheNewestMessages() {
        for (int i = 0; i < 8; i++) {
            gateway.send(new EmailMessage("many@example.com", "Code", "Code " + i, Locale.ENGLISH));
        }
        assertThat(new Api(port)
                        .get("/dev/email.json?limit=500")
                        .json()
                        .path("messages")
                        .size())
                .isEqualTo(5);
    }
}
