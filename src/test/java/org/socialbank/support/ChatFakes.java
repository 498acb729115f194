package org.socialbank.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The chat kit for a full test context: a {@link RecordingSender} stands in for Telegram and
 * {@link Chats} drives chats through the real engine. {@code @Import(ChatFakes.class)}, set
 * {@code socialbank.conversation.relay-enabled=false} and call {@link Chats#drain()} where the
 * test wants the outbox sent. A test that keeps the real Telegram sender imports {@link Chats}
 * alone.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(Chats.class)
public class ChatFakes {

    @Bean
    RecordingSender telegramSender() {
        return new RecordingSender();
    }
}
