package org.socialbank.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.socialbank.conversation.InboundMessage.PrivateChat.NOT_OPEN;
import static org.socialbank.conversation.InboundMessage.PrivateChat.OPEN;
import static org.socialbank.conversation.InboundMessage.PrivateChat.UNSAID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.shared.Network;

/**
 * Where the answer to a message goes. The defect: in a Telegram or Bale group the private answer
 * went to a private chat the member never opened (or had blocked), the Bot API refused it, and the
 * group had been told "I have answered you in our private chat".
 */
@DisplayName("a group's private answer goes to the member's private chat only when it can arrive there")
class AnswerRouteUnitTests {

    @Test
    void aPrivateChatsMessageIsAnsweredThere() {
        assertThat(AnswerRoute.of(false, UNSAID, false, true)).isEqualTo(AnswerRoute.PRIVATE_CHAT);
        assertThat(AnswerRoute.of(false, OPEN, true, true)).isEqualTo(AnswerRoute.PRIVATE_CHAT);
    }

    @Test
    void aShareableAnswerGoesToTheGroupWhateverThePrivateChat() {
        for (var privateChat : InboundMessage.PrivateChat.values()) {
            assertThat(AnswerRoute.of(true, privateChat, true, true))
                    .as("%s", privateChat)
                    .isEqualTo(AnswerRoute.GROUP);
        }
    }

    @Test
    void aPrivateAnswerGoesPrivatelyWhenThePrivateChatIsOpenOrTheChannelDoesNotSay() {
        assertThat(AnswerRoute.of(true, OPEN, false, true)).isEqualTo(AnswerRoute.PRIVATELY_NOTED);
        assertThat(AnswerRoute.of(true, UNSAID, false, true))
                .as("X, WeChat, web chat, WhatsApp: as before")
                .isEqualTo(AnswerRoute.PRIVATELY_NOTED);
    }

    @Test
    @DisplayName("never opened or blocked: no private answer is written, the group hears how to open the chat")
    void aPrivateAnswerToAMemberWhosePrivateChatIsNotOpenIsWithheld() {
        assertThat(AnswerRoute.of(true, NOT_OPEN, false, true)).isEqualTo(AnswerRoute.WITHHELD);
    }

    @Test
    void nothingSaidIsNothingWritten() {
        for (var privateChat : InboundMessage.PrivateChat.values()) {
            for (boolean shareable : new boolean[] {false, true}) {
                assertThat(AnswerRoute.of(true, privateChat, shareable, false)).isEqualTo(AnswerRoute.NONE);
            }
        }
        assertThat(AnswerRoute.of(false, UNSAID, false, false)).isEqualTo(AnswerRoute.NONE);
    }

    @Test
    void aNoticeThatIsNotTheDialoguesIsWrittenOnlyWhereItCanArrive() {
        assertThat(AnswerRoute.privateChatTakes(false, UNSAID)).isTrue();
        assertThat(AnswerRoute.privateChatTakes(true, UNSAID)).isTrue();
        assertThat(AnswerRoute.privateChatTakes(true, OPEN)).isTrue();
        assertThat(AnswerRoute.privateChatTakes(true, NOT_OPEN)).isFalse();
    }

    @Test
    void aChannelThatDoesNotSaySaysUnsaidAndAPrivateMessageCannotComeFromAClosedChat() {
        var inGroup = new InboundMessage(Network.X, "m", "u", null, null, new Inbound.Text("hi"), "g");
        assertThat(inGroup.privateChat()).isEqualTo(UNSAID);
        assertThat(inGroup.withPrivateChat(NOT_OPEN).privateChat()).isEqualTo(NOT_OPEN);
        assertThat(new InboundMessage(Network.TELEGRAM, "m", "u", null, null, new Inbound.Text("hi")).privateChat())
                .isEqualTo(UNSAID);
        assertThatThrownBy(() -> new InboundMessage(
                        Network.TELEGRAM, "m", "u", null, null, new Inbound.Text("hi"), null, NOT_OPEN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
