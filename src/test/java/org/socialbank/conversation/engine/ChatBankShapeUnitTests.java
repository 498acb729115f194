package org.socialbank.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.shared.Network;

/**
 * Review 2026-12-07 (code health): {@code ChatBank} is the per-turn facade over package-private
 * collaborators, and the ids it gives a message's effects did not change when they moved to
 * {@link ChatIds} (a redelivery of a message sent before the move must find the same row).
 */
class ChatBankShapeUnitTests {

    private static final Path ENGINE = Path.of("src/main/java/org/socialbank/conversation/engine");

    @Test
    @DisplayName("review 2026-12-07 conversation follow-up: ChatBank delegates its features and stays small")
    void chatBankDelegatesItsFeatures() throws IOException {
        // 89 Bank methods at five lines each are most of what is left: the features live beside it
        assertThat(Files.readAllLines(ENGINE.resolve("ChatBank.java")).size())
                .as("lines of ChatBank.java")
                .isLessThan(750);
        for (String part :
                List.of("ChatAssistant", "ChatBilling", "ChatBranches", "ChatCards", "ChatHistory", "ChatPayments")) {
            assertThat(Files.readAllLines(ENGINE.resolve(part + ".java")).size())
                    .as("lines of " + part + ".java")
                    .isLessThan(400);
        }
    }

    @Test
    @DisplayName("review 2026-12-07 conversation follow-up: a message's ids are the same bytes after the move")
    void idsAreTheSameBytes() {
        Network channel = Network.TELEGRAM;
        String message = "telegram-update-4711";
        assertThat(ChatIds.paymentId(channel, message).value()).isEqualTo(old("chat-pay", channel, message));
        assertThat(ChatIds.appointmentId(channel, message).value())
                .isEqualTo(old("chat-appointment", channel, message));
        assertThat(ChatIds.collectionId(channel, message)).isEqualTo(old("chat-collection", channel, message));
        assertThat(ChatIds.billPaymentId(channel, message).value()).isEqualTo(old("chat-bill", channel, message));
        assertThat(ChatIds.topUpId(channel, message).value()).isEqualTo(old("chat-topup", channel, message));
        assertThat(ChatIds.cardQuoteId(channel, message)).isEqualTo(old("chat-card-quote", channel, message));
        assertThat(ChatIds.cardTransferId(channel, message).value()).isEqualTo(old("chat-card", channel, message));
        assertThat(ChatIds.accountBillInquiryId(channel, message))
                .isEqualTo(old("chat-account-bill", channel, message));
    }

    /** The derivation ChatBank used before the move, spelt out. */
    private static UUID old(String purpose, Network channel, String message) {
        return UUID.nameUUIDFromBytes(
                (purpose + "|" + channel.wireName() + "|" + message).getBytes(StandardCharsets.UTF_8));
    }
}
