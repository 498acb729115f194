package org.socialbank.branches;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.DirectoryResult;
import org.socialbank.directory.KycLevel;
import org.socialbank.directory.NewCustomer;
import org.socialbank.shared.Language;
import org.socialbank.support.FakeSms;
import org.socialbank.support.WebChatBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16 s5 end to end over the bank's own web chat, as a browser uses it: the visitor links
 * the chat (sign-in and SMS code on the bank's page), asks for an appointment in French or in
 * Chinese, gets the free times as buttons in the chat's history, presses one and reads the
 * confirmation with the booking code. The clock is the tests' Wednesday morning: tomorrow is a
 * working day.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"socialbank.web.secure-cookies=false", "socialbank.services.appointments.reminders-enabled=false"
        })
@Import(AppointmentTestClock.class)
class AppointmentWebChatIntegrationTests extends AppointmentTestBase {

    static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;

    @Autowired
    FakeSms sms;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "FR|lier mon compte|je voudrais prendre rendez-vous à l’agence de Paris demain matin pour un prêt immobilier"
                        + "|C’est réservé",
                "ZH|绑定账户|帮我预约明天上午巴黎网点办理房贷|预约成功"
            })
    void aLinkedVisitorBooksFromTheButtonsInTheChat(Language language, String link, String ask, String booked) {
        fixtures.parisBranch(5);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String phone = "+33612" + String.format("%06d", Math.abs(suffix.hashCode()) % 1_000_000);
        CustomerId customer = new CustomerId(UUID.randomUUID());
        assertThat(directory.register(new NewCustomer(
                        customer,
                        "Web Visitor",
                        language,
                        KycLevel.FULL,
                        "web" + suffix,
                        PASSWORD,
                        List.of(new CustomerView.AliasEntry(Alias.parse(AliasType.PHONE, null, phone, null), true)))))
                .isInstanceOf(DirectoryResult.Done.class);
        WebChatBrowser browser = new WebChatBrowser(port);
        browser.open("/chat");
        browser.post("/chat/messages", "id", UUID.randomUUID().toString(), "text", link);
        String url = browser.await(m -> m.path("kind").asString().equals("link"))
                .path("url")
                .asString();
        String page = url.substring(url.indexOf('/', "http://".length()));
        browser.open(page);
        browser.post(page, "username", "web" + suffix, "password", PASSWORD);
        browser.post(page + "/code", "code", sms.lastCode(phone));

        browser.post("/chat/messages", "id", UUID.randomUUID().toString(), "text", ask);
        JsonNode offer = browser.await(m -> m.path("kind").asString().equals("buttons"));
        JsonNode first = offer.path("buttons").get(0);
        browser.post(
                "/chat/messages",
                "id",
                UUID.randomUUID().toString(),
                "button",
                first.path("reference").asString(),
                "label",
                first.path("label").asString());
        String confirmation = browser.await(m -> m.path("text").asString().startsWith(booked))
                .path("text")
                .asString();
        List<Appointment> mine = appointments.upcoming(customer);
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).channel()).isEqualTo("webchat");
        assertThat(mine.get(0).start()).isEqualTo(java.time.Instant.parse("2026-12-03T08:00:00Z")); // 9:00 in Paris
        assertThat(confirmation).contains(mine.get(0).code());
    }
}
