package org.socialbank.channels.x;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Outbound;
import org.socialbank.shared.Language;
import tools.jackson.databind.node.ObjectNode;

/** What may be posted publicly, and how replies look in a direct message. */
class XRepliesUnitTests {

    @Test
    void theEnginesNeutralNoteMayBePublicInEveryLanguage() {
        for (String note : List.of(
                "I have answered you in our private chat.",
                "در گفتگوی خصوصی به شما پاسخ دادم.",
                "Je vous ai répondu dans notre conversation privée.",
                "Я ответил вам в личном чате.",
                "我已在私聊中回复您。")) {
            assertThat(XReplies.publicText(new Outbound.Text("@alice_2024 " + note), 200))
                    .contains("@alice_2024 " + note);
        }
    }

    @Test
    void amountsLinksAndRichRepliesNeverGoPublic() {
        for (String text : List.of(
                "Pay €10.00 to Camille D.?",
                "Your balance: 500",
                "۵۰ هزار تومان",
                "五十元",
                "Sign in: https://bank.example/link/abc",
                "see bank.example/claim/x",
                "Pay 10 EUR",
                "100%",
                "a\nb",
                "x".repeat(201))) {
            assertThat(XReplies.publicText(new Outbound.Text(text), 200))
                    .as(text)
                    .isEmpty();
        }
        assertThat(XReplies.publicText(new Outbound.Receipt("Receipt", List.of("Paid")), 200))
                .isEmpty();
        assertThat(XReplies.publicText(
                        new Outbound.Buttons("Confirm?", List.of(new Outbound.Button("Yes", "r1"))), 200))
                .isEmpty();
        assertThat(XReplies.publicText(new Outbound.Link("Sign in", "Open", "https://bank.example/link/x"), 200))
                .isEmpty();
    }

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: buttons are numbered choices in the text, never a quick_reply")
    void buttonsAreNumberedChoicesInTheText() {
        ObjectNode body = XReplies.directMessage(
                new Outbound.Buttons(
                        "Pay €10.00 to Camille D.?",
                        List.of(
                                new Outbound.Button("Confirm", "ref-confirm"),
                                new Outbound.Button("Cancel", "ref-cancel"))),
                "Reply with the number of your choice.");
        assertThat(body.size()).isEqualTo(1);
        assertThat(body.has("text")).isTrue();
        assertThat(body.path("text").asString())
                .isEqualTo(
                        "Pay €10.00 to Camille D.?\n\n1 · Confirm\n2 · Cancel\n\nReply with the number of your choice.");
        assertThat(body.toString()).doesNotContain("ref-confirm", "quick_reply");
    }

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: a pushed set is numbered after the choices still open")
    void aPushedSetIsNumberedAfterTheOpenChoices() {
        ObjectNode body = XReplies.directMessage(
                new Outbound.Buttons(
                        "Eve asks you for €80.00.",
                        List.of(new Outbound.Button("Pay", "ref-pay"), new Outbound.Button("Decline", "ref-decline"))),
                XReplies.ChoiceStyle.ascii("Reply with the number of your choice."),
                3);
        assertThat(body.path("text").asString())
                .isEqualTo("Eve asks you for €80.00.\n\n3 · Pay\n4 · Decline\n\nReply with the number of your choice.");
    }

    @Test
    @DisplayName(
            "review 2026-12-07 channels follow-up: a Persian chat's choices are numbered in Persian digits, read back")
    void aPersianChatsChoicesAreNumberedInPersianDigits() {
        Outbound.Buttons buttons = new Outbound.Buttons(
                "پرداخت ۱۰٬۰۰۰ تومان به کامران؟",
                List.of(new Outbound.Button("تأیید", "ref-ok"), new Outbound.Button("لغو", "ref-no")));
        String text = XReplies.directMessage(
                        buttons, new XReplies.ChoiceStyle("عدد گزینه را بفرستید.", Language.FA.locale()), 9)
                .path("text")
                .asString();
        assertThat(text).endsWith("\n\n۹ · تأیید\n۱۰ · لغو\n\nعدد گزینه را بفرستید.");
        assertThat(XChoices.number("۱۰")).hasValue(10);
        for (Language language : Language.values()) {
            XReplies.ChoiceStyle style = new XReplies.ChoiceStyle("", language.locale());
            for (int n = 1; n <= 99; n++) {
                assertThat(XChoices.number(style.number(n)))
                        .as(language + " " + n)
                        .hasValue(n);
            }
            if (language != Language.FA) {
                assertThat(style.number(12)).as(language.name()).isEqualTo("12");
            }
        }
    }

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: a long text is cut so that the choices and the hint still fit")
    void aLongTextKeepsItsChoicesWithinXsLimit() {
        List<Outbound.Button> buttons = new java.util.ArrayList<>();
        for (int i = 1; i <= Outbound.BUTTONS_MAX; i++) {
            buttons.add(new Outbound.Button("Choice\n" + i + " " + "x".repeat(200), "ref-" + i));
        }
        String text = XReplies.directMessage(new Outbound.Buttons("y".repeat(4_000), buttons), "请回复您所选选项的编号。")
                .path("text")
                .asString();
        assertThat(text.length()).isLessThanOrEqualTo(XReplies.DM_TEXT_MAX);
        assertThat(text).contains("\n8 · Choice 8 x").endsWith("\n\n请回复您所选选项的编号。");
        assertThat(text.lines().filter(line -> line.matches("[1-8] · .*")))
                .hasSize(Outbound.BUTTONS_MAX)
                .allMatch(line -> line.length() <= 4 + XReplies.LABEL_MAX);
        String longest = XReplies.choices(
                new Outbound.Buttons("z".repeat(XReplies.DM_TEXT_MAX), List.of(new Outbound.Button("OK", "r"))),
                "Reply with the number.");
        assertThat(longest).hasSize(XReplies.DM_TEXT_MAX).endsWith("…\n\n1 · OK\n\nReply with the number.");
    }

    @Test
    @DisplayName(
            "review 2026-12-07 channels follow-up: X (its fake) refuses a v2 DM body with a quick_reply, takes ours")
    void xRefusesAQuickReplyAndTakesNumberedChoices() {
        try (FakeXApi fake = new FakeXApi()) {
            XApi api = new XApi(
                    java.net.http.HttpClient.newHttpClient(),
                    XPropertiesUnitTests.bind(XPropertiesUnitTests.on("api-base-url", fake.baseUrl())),
                    java.time.Clock.systemUTC());
            Outbound.Buttons buttons = new Outbound.Buttons(
                    "Pay?", List.of(new Outbound.Button("Confirm", "r1"), new Outbound.Button("Cancel", "r2")));
            ObjectNode v1 = XReplies.directMessage(buttons, "Reply with the number.");
            v1.putObject("quick_reply").put("type", "options");
            assertThat(api.directMessage("15", v1)).isInstanceOf(XApi.Refused.class);
            assertThat(((XApi.Refused) api.directMessage("15", v1)).status()).isEqualTo(400);
            assertThat(api.directMessage("15", XReplies.directMessage(buttons, "Reply with the number.")))
                    .isInstanceOf(XApi.Ok.class);
            assertThat(fake.dms("15")).hasSize(1);
            assertThat(fake.refused()).hasSize(2);
        }
    }

    @Test
    void linksReceiptsPlacesAndPhoneRequestsAreText() {
        assertThat(XReplies.directMessage(
                                new Outbound.Link("Sign in to link.", "Open", "https://bank.example/link/x"), "")
                        .path("text")
                        .asString())
                .isEqualTo("Sign in to link.\n\nOpen: https://bank.example/link/x");
        assertThat(XReplies.directMessage(new Outbound.Receipt("Paid", List.of("€10.00", "to Camille D.")), "")
                        .path("text")
                        .asString())
                .isEqualTo("Paid\n\n€10.00\nto Camille D.");
        String places = XReplies.directMessage(
                        new Outbound.Places("Nearest:", List.of(new Outbound.Place("Opéra", "open 9-17", 48.87, 2.33))),
                        "")
                .path("text")
                .asString();
        assertThat(places).contains("Opéra", "open 9-17", "openstreetmap.org/?mlat=48.870000&mlon=2.330000");
        assertThat(XReplies.directMessage(new Outbound.AskPhone("Your phone number?", "Share"), "")
                        .path("text")
                        .asString())
                .isEqualTo("Your phone number?");
        assertThat(XReplies.directMessage(new Outbound.Text("x".repeat(20_000)), "")
                        .path("text")
                        .asString())
                .hasSize(XReplies.DM_TEXT_MAX);
    }
}
