package org.socialbank.channels.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Outbound;
import tools.jackson.databind.JsonNode;

/** The engine's replies as Bot API calls: plain text, inline and reply keyboards. */
class TelegramRepliesUnitTests {

    private static JsonNode render(Outbound content) {
        TelegramReplies.Call call = TelegramReplies.render(content, "522031");
        assertThat(call.method()).isEqualTo("sendMessage");
        assertThat(call.parameters().path("chat_id").asString()).isEqualTo("522031");
        assertThat(call.parameters().has("parse_mode"))
                .as("plain text: nothing is read as markup")
                .isFalse();
        return call.parameters();
    }

    @Test
    void buttonsAreAnInlineKeyboardWithTheReferencesAsCallbackData() {
        JsonNode p = render(new Outbound.Buttons(
                "Pay €5.00 to Camille D.?",
                List.of(
                        new Outbound.Button("Confirm", "r".repeat(22)),
                        new Outbound.Button("Cancel", "c".repeat(22)))));
        JsonNode row = p.path("reply_markup").path("inline_keyboard").path(0);
        assertThat(row.path(0).path("text").asString()).isEqualTo("Confirm");
        assertThat(row.path(0).path("callback_data").asString()).isEqualTo("r".repeat(22));
        assertThat(row.path(1).path("callback_data").asString()).isEqualTo("c".repeat(22));
    }

    @Test
    void aReferenceOverSixtyFourBytesIsRefused() {
        assertThatThrownBy(() -> TelegramReplies.render(
                        new Outbound.Buttons("x", List.of(new Outbound.Button("ok", "é".repeat(40)))), "1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linksAreUrlButtonsWhenPublicAndTextOtherwise() {
        JsonNode https = render(new Outbound.Link("Link first", "Link my account", "https://bank.example/link/abc"));
        assertThat(https.path("reply_markup")
                        .path("inline_keyboard")
                        .path(0)
                        .path(0)
                        .path("url")
                        .asString())
                .isEqualTo("https://bank.example/link/abc");
        JsonNode local = render(new Outbound.Link("Link first", "Link my account", "http://localhost:8080/link/abc"));
        assertThat(local.path("text").asString()).isEqualTo("Link first\nhttp://localhost:8080/link/abc");
        assertThat(local.has("reply_markup")).isFalse();
    }

    @Test
    void receiptsPlacesAndThePhoneButton() {
        assertThat(render(new Outbound.Receipt("Paid", List.of("Amount: €5.00", "To: Camille D.")))
                        .path("text")
                        .asString())
                .isEqualTo("Paid\n\nAmount: €5.00\nTo: Camille D.");
        JsonNode places = render(new Outbound.Places(
                "Nearest branches", List.of(new Outbound.Place("Opéra", "12 rue Auber", 48.8719, 2.3316))));
        assertThat(places.path("text").asString()).contains("Opéra", "12 rue Auber");
        assertThat(places.path("reply_markup")
                        .path("inline_keyboard")
                        .path(0)
                        .path(0)
                        .path("url")
                        .asString())
                .contains("mlat=48.871900");
        JsonNode ask = render(new Outbound.AskPhone("Share your number?", "Share my phone"));
        JsonNode button = ask.path("reply_markup").path("keyboard").path(0).path(0);
        assertThat(button.path("request_contact").asBoolean()).isTrue();
        assertThat(button.path("text").asString()).isEqualTo("Share my phone");
        assertThat(ask.path("reply_markup").path("one_time_keyboard").asBoolean())
                .isTrue();
    }

    /** Review of the public group replies: the sender refuses what listening should have refused (the second lock). */
    @Test
    void aGroupAnswerIsATextWithNoNumberAndNoMoney() {
        String recipient = "reply:-1001234567890:42";
        JsonNode neutral = TelegramReplies.render(new Outbound.Text("We have sent you a private message"), recipient)
                .parameters();
        assertThat(neutral.path("chat_id").asString()).isEqualTo("-1001234567890");
        assertThat(neutral.path("reply_to_message_id").asLong()).isEqualTo(42);
        for (String text : List.of("We refunded 500,000 rials to you", "Rs two thousand was returned", "退款500元")) {
            assertThatThrownBy(() -> TelegramReplies.render(new Outbound.Text(text), recipient))
                    .as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining(text);
        }
        assertThatThrownBy(() -> TelegramReplies.render(new Outbound.Receipt("Paid", List.of("Camille D.")), recipient))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textsAreCutToTelegramsLimit() {
        assertThat(render(new Outbound.Text("a".repeat(5000))).path("text").asString())
                .hasSize(4096);
    }
}
