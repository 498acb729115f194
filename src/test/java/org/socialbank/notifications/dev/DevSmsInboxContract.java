package org.socialbank.notifications.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.notifications.BudgetedSms;
import org.socialbank.notifications.DeliveryStatus;
import org.socialbank.notifications.SmsDelivery;
import org.socialbank.notifications.SmsGateway;
import org.socialbank.notifications.SmsMessage;
import org.socialbank.notifications.SmsReport;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The developer inbox of a demo node, over real HTTP; subclasses choose the store. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "socialbank.notifications.dev-inbox-max=" + DevSmsInboxContract.MAX)
abstract class DevSmsInboxContract {

    static final int MAX = 5;

    @LocalServerPort
    int port;

    @Autowired
    SmsGateway gateway;

    @Autowired
    DevSmsInbox inbox;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void theEmbeddedGatewayKeepsMessagesAndServesThemNewestFirstAsJson() {
        String to = number();
        SmsDelivery first = gateway.send(new SmsMessage(to, "Your socialbank code is 111111"));
        gateway.send(new SmsMessage(to, "Your socialbank code is 222222"));
        assertThat(gateway).as("every sender goes through the send budgets").isInstanceOf(BudgetedSms.class);
        assertThat(inbox.newestTo(to, 2)).hasSize(2);
        assertThat(first.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(UUID.fromString(first.id())).isNotNull();

        Response encoded = api.get("/dev/sms.json?to=%2B" + to.substring(1));
        assertThat(encoded.status()).as(encoded.toString()).isEqualTo(200);
        assertThat(encoded.contentType()).startsWith("application/json");
        List<JsonNode> messages = encoded.json().path("messages").valueStream().toList();
        assertThat(messages)
                .extracting(m -> m.path("text").asString())
                .containsExactly("Your socialbank code is 222222", "Your socialbank code is 111111");
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.path("to").asString()).isEqualTo(to);
            assertThat(Instant.parse(m.path("createdAt").asString()))
                    .isBefore(Instant.now().plusSeconds(1));
        });
        assertThat(api.get("/dev/sms.json?to=" + to).json())
                .as("an unencoded + reads as a space, and still means the number")
                .isEqualTo(encoded.json());
        assertThat(api.get("/dev/sms.json?to=%2B" + to.substring(1) + "&limit=1")
                        .json()
                        .path("messages")
                        .size())
                .isOne();
    }

    @Test
    void refusesAFilterThatIsNoNumberAndALimitOutOfBounds() {
        for (String query : List.of("to=abc", "limit=0", "limit=" + (DevSmsInbox.READ_MAX + 1))) {
            Response refused = api.get("/dev/sms.json?" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("invalid_request");
        }
    }

    @Test
    void showsAPageForPhonesWithTheTextEscaped() {
        String to = number();
        gateway.send(new SmsMessage(to, "older message"));
        gateway.send(new SmsMessage(to, "<b>Code</b> 123456 & more"));
        Response page = html("/dev/sms");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body())
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("href=\"/css/dev.css\"")
                .contains("&lt;b&gt;Code&lt;/b&gt; 123456 &amp; more")
                .doesNotContain("<b>Code")
                .contains(to);
        assertThat(page.body().indexOf("123456 &amp; more"))
                .as("newest first")
                .isLessThan(page.body().indexOf("older message"));
        assertThat(html("/dev/sms?to=%2B" + to.substring(1)).body()).contains("older message");
        assertThat(html("/dev/sms?to=nonsense").body())
                .contains("Not a phone number")
                .doesNotContain("older message");
        Response css = api.get("/css/dev.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.contentType()).startsWith("text/css");
    }

    @Test
    void keepsOnlyTheNewestMessages() {
        String to = number();
        for (int i = 1; i <= MAX + 3; i++) {
            gateway.send(new SmsMessage(to, "message " + i));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dev_sms_inbox")
                        .query(Long.class)
                        .single())
                .isEqualTo(MAX);
        List<String> texts = api.get("/dev/sms.json?limit=" + DevSmsInbox.READ_MAX)
                .json()
                .path("messages")
                .valueStream()
                .map(m -> m.path("text").asString())
                .toList();
        assertThat(texts).containsExactly("message 8", "message 7", "message 6", "message 5", "message 4");
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: the developer inbox reports a kept SMS delivered when"
            + " asked, failed (with why) or still pending when a test says so, and one it no longer keeps as an"
            + " unknown id")
    void reportsWhatBecameOfAKeptMessageWhenAsked() {
        String to = number();
        String id = gateway.send(new SmsMessage(to, "Your socialbank code is 333333"))
                .id();
        assertThat(gateway.status(id))
                .as("through the budgets, which take nothing")
                .isEqualTo(SmsReport.delivered());

        assertThat(inbox.report(id, SmsReport.failed("the phone was off past the validity")))
                .isTrue();
        assertThat(gateway.status(id)).isEqualTo(SmsReport.failed("the phone was off past the validity"));
        assertThat(inbox.report(id, SmsReport.stillPending())).isTrue();
        assertThat(gateway.status(id)).isEqualTo(SmsReport.stillPending());
        assertThat(inbox.report(id, SmsReport.delivered())).isTrue();
        assertThat(gateway.status(id)).isEqualTo(SmsReport.delivered());

        assertThat(gateway.status(UUID.randomUUID().toString())).isEqualTo(SmsReport.unknownId());
        assertThat(gateway.status("gw-42")).isEqualTo(SmsReport.unknownId());
        assertThat(inbox.report(UUID.randomUUID().toString(), SmsReport.stillPending()))
                .as("no such message")
                .isFalse();
        assertThatThrownBy(() -> inbox.report(id, SmsReport.unknownId())).isInstanceOf(IllegalArgumentException.class);
        for (int i = 0; i < MAX; i++) {
            gateway.send(new SmsMessage(to, "newer " + i));
        }
        assertThat(gateway.status(id)).as("trimmed beyond the inbox's bound").isEqualTo(SmsReport.unknownId());
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: with dev-inbox-reports-later the inbox answers an SMS"
            + " PENDING, as a real gateway would, and reports it delivered when asked")
    void anInboxThatReportsLaterAnswersPendingThenDelivered() {
        DevSmsInbox later = new DevSmsInbox(jdbc, java.time.Clock.systemUTC(), MAX, true);
        SmsDelivery accepted = later.send(new SmsMessage(number(), "Your socialbank code is 444444"));
        assertThat(accepted.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(later.status(accepted.id())).isEqualTo(SmsReport.delivered());
    }

    Response html(String path) {
        return api.send(api.request(path).header("Accept", "text/html").GET().build());
    }

    static String number() {
        return "+3361" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }
}
