package org.socialbank.channels.x;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Outbound;
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
    void buttonsBecomeQuickReplyOptionsWithTheReferenceAsMetadata() {
        ObjectNode body = XReplies.directMessage(new Outbound.Buttons(
                "Pay €10.00 to Camille D.?",
                List.of(new Outbound.Button("Confirm", "ref-confirm"), new Outbound.Button("Cancel", "ref-cancel"))));
        assertThat(body.path("text").asString()).isEqualTo("Pay €10.00 to Camille D.?");
        assertThat(body.path("quick_reply").path("type").asString()).isEqualTo("options");
        assertThat(body.path("quick_reply").path("options").get(0).path("label").asString())
                .isEqualTo("Confirm");
        assertThat(body.path("quick_reply")
                        .path("options")
                        .get(0)
                        .path("metadata")
                        .asString())
                .isEqualTo("ref-confirm");
        assertThat(body.path("quick_reply")
                        .path("options")
                        .get(1)
                        .path("metadata")
                        .asString())
                .isEqualTo("ref-cancel");
    }

    @Test
    void linksReceiptsPlacesAndPhoneRequestsAreText() {
        assertThat(XReplies.directMessage(new Outbound.Link("Sign in to link.", "Open", "https://bank.example/link/x"))
                        .path("text")
                        .asString())
                .isEqualTo("Sign in to link.\n\nOpen: https://bank.example/link/x");
        assertThat(XReplies.directMessage(new Outbound.Receipt("Paid", List.of("€10.00", "to Camille D.")))
                        .path("text")
                        .asString())
                .isEqualTo("Paid\n\n€10.00\nto Camille D.");
        String places = XReplies.directMessage(
                        new Outbound.Places("Nearest:", List.of(new Outbound.Place("Opéra", "open 9-17", 48.87, 2.33))))
                .path("text")
                .asString();
        assertThat(places).contains("Opéra", "open 9-17", "openstreetmap.org/?mlat=48.870000&mlon=2.330000");
        assertThat(XReplies.directMessage(new Outbound.AskPhone("Your phone number?", "Share"))
                        .path("text")
                        .asString())
                .isEqualTo("Your phone number?");
        assertThat(XReplies.directMessage(new Outbound.Text("x".repeat(20_000)))
                        .path("text")
                        .asString())
                .hasSize(XReplies.DM_TEXT_MAX);
    }
}
