package org.socialbank.channels.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.shared.Network;
import tools.jackson.databind.node.ObjectNode;

/** The recorded updates as the engine gets them. */
class TelegramUpdatesUnitTests {

    private static TelegramUpdates.Update read(String name) {
        return TelegramUpdates.read(
                Recorded.update(name), Network.TELEGRAM, "main", () -> Optional.of("socialbankbot"));
    }

    private static InboundMessage message(String name) {
        return read(name).message().orElseThrow();
    }

    @Test
    void aPrivateTextIsATextFromTheUserWithAnIdPerBotAndUpdate() {
        InboundMessage m = message("private-text");
        assertThat(m.channel()).isEqualTo(Network.TELEGRAM);
        assertThat(m.externalMessageId()).isEqualTo("main:815230001");
        assertThat(m.externalUserId()).isEqualTo("522031");
        assertThat(m.handle()).isEqualTo("anna_k");
        assertThat(m.groupId()).isNull();
        assertThat(m.content()).isEqualTo(new Inbound.Text("help"));
        assertThat(read("private-text").chatId()).isEqualTo("522031");
        assertThat(read("private-text").chatType()).isEqualTo("private");
    }

    @Test
    void commandsAreTheEngineOwnOrWords() {
        assertThat(message("command").content()).isEqualTo(new Inbound.Start());
        assertThat(TelegramUpdates.text("/stop", null)).contains(new Inbound.Stop());
        assertThat(TelegramUpdates.text("/pay@SocialBankBot @camille 5", "socialbankbot"))
                .contains(new Inbound.Text("pay @camille 5"));
        assertThat(TelegramUpdates.text("/Balance", null)).contains(new Inbound.Text("balance"));
        assertThat(TelegramUpdates.text("/help@otherbot", "socialbankbot"))
                .as("another bot's command")
                .isEmpty();
        assertThat(TelegramUpdates.text("   ", null)).isEmpty();
        assertThat(TelegramUpdates.text("/", null)).isEmpty();
    }

    @Test
    @DisplayName(
            "regression 085f6db (review fix): in a group only mentions of the bot's whole name and commands are read")
    void inAGroupOnlyMentionsAndCommandsAreRead() {
        TelegramUpdates.Update mention = read("group-mention");
        InboundMessage m = mention.message().orElseThrow();
        assertThat(m.groupId()).isEqualTo("-1001987654321");
        assertThat(m.externalUserId()).isEqualTo("522031");
        assertThat(m.content()).isEqualTo(new Inbound.Text("help"));
        assertThat(mention.chatId()).isEqualTo("-1001987654321");
        assertThat(mention.chatType())
                .as("recorded with the chat: the sender locks what it says there")
                .isEqualTo("supergroup");
        assertThat(read("group-chatter").message()).isEmpty();
        ObjectNode fans = Recorded.update("group-mention");
        ((ObjectNode) fans.get("message")).put("text", "@SocialBankBot_fans meet up tonight");
        assertThat(TelegramUpdates.read(fans, Network.TELEGRAM, "main", () -> Optional.of("socialbankbot"))
                        .message())
                .as("another account whose name starts like the bot's")
                .isEmpty();
    }

    @Test
    void aPressedButtonCarriesItsReferenceAndIsAnswered() {
        TelegramUpdates.Update u = read("callback-query");
        assertThat(u.callbackQueryId()).isEqualTo("4382910384756112233");
        assertThat(u.message().orElseThrow().content()).isEqualTo(new Inbound.Button("Qm9vdHN0cmFwUmVmZXJlbmNl"));
        assertThat(u.chatId()).isEqualTo("522031");
        assertThat(u.chatType()).isEqualTo("private");
        ObjectNode inGroup = Recorded.update("callback-query");
        ((ObjectNode) inGroup.path("callback_query").path("message").path("chat"))
                .put("id", -1001987654321L)
                .put("type", "supergroup");
        TelegramUpdates.Update pressedInGroup =
                TelegramUpdates.read(inGroup, Network.BALE, "main", () -> Optional.of("socialbankbot"));
        assertThat(pressedInGroup.chatId()).isEqualTo("-1001987654321");
        assertThat(pressedInGroup.chatType()).isEqualTo("supergroup");
        ((ObjectNode) inGroup.path("callback_query").path("message").path("chat")).put("type", "Not A Type!");
        assertThat(TelegramUpdates.read(inGroup, Network.BALE, "main", Optional::empty)
                        .chatType())
                .as("not a type's shape: unknown, and the id's sign decides")
                .isNull();
    }

    @Test
    void aContactIsOwnOnlyWhenItsUserIsTheSender() {
        InboundMessage own = message("contact-own");
        assertThat(own.content()).isEqualTo(new Inbound.Contact("+919876543210", true));
        assertThat(own.phone()).isEqualTo("+919876543210");
        InboundMessage foreign = message("contact-foreign");
        assertThat(foreign.content()).isEqualTo(new Inbound.Contact("+33612345678", false));
        assertThat(foreign.phone())
                .as("someone else's number is not the sender's phone")
                .isNull();
    }

    @Test
    void aLocationAndABlockedBot() {
        assertThat(message("location").content()).isEqualTo(new Inbound.Location(48.856613, 2.352222));
        InboundMessage blocked = message("my-chat-member-kicked");
        assertThat(blocked.content()).isEqualTo(new Inbound.Blocked());
        assertThat(blocked.externalUserId()).isEqualTo("522031");
    }

    @Test
    void editedMessagesAndUnknownKindsAreNotAnswered() {
        TelegramUpdates.Update edited = read("edited-message");
        assertThat(edited.kind()).isEqualTo("edited_message");
        assertThat(edited.message()).isEmpty();
        var poll = FakeTelegramApi.JSON.createObjectNode().put("update_id", 5);
        poll.putObject("poll").put("id", "1");
        assertThat(TelegramUpdates.read(poll, Network.BALE, "b", Optional::empty)
                        .message())
                .isEmpty();
        assertThat(TelegramUpdates.updateId(
                        FakeTelegramApi.JSON.createObjectNode().put("update_id", "x")))
                .isEmpty();
    }

    @Test
    void messagesFromBotsAreIgnored() {
        var update = Recorded.update("private-text");
        ((tools.jackson.databind.node.ObjectNode) update.get("message").get("from")).put("is_bot", true);
        assertThat(TelegramUpdates.read(update, Network.TELEGRAM, "main", Optional::empty)
                        .message())
                .isEmpty();
    }
}
