package org.socialbank.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Security review #9: never-linked chat accounts are deleted once idle, with their rows; linked ones stay. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class IdentityRetentionContract {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ForgetIdleIdentities retention;

    static final Instant NOW = Instant.now();
    static final Instant OLD = NOW.minus(Duration.ofDays(60));

    @Test
    @DisplayName("security review #9: idle never-linked identities and their conversations go, linked ones stay")
    void deletesIdleUnlinkedIdentitiesAndKeepsTheRest() {
        UUID customer = UUID.randomUUID();
        jdbc.sql("INSERT INTO customers (id, display_name, language, kyc_level, status, created_at) "
                        + "VALUES (?, 'Ana A.', 'en', 'basic', 'active', ?)")
                .params(customer, Timestamps.utc(OLD))
                .update();
        UUID idle = identity("webchat", null, null, OLD);
        UUID idleToo = identity("telegram", null, null, OLD);
        UUID recentlyActive = identity("webchat", null, null, OLD);
        UUID linked = identity("telegram", customer, OLD, OLD);
        UUID linkedOnce = identity("x", null, OLD, OLD);
        UUID young = identity("webchat", null, null, NOW.minus(Duration.ofDays(1)));
        conversation(idle, OLD);
        conversation(recentlyActive, OLD);
        inbox(idle, OLD);
        inbox(recentlyActive, NOW.minus(Duration.ofDays(1)));
        outbox(idle, OLD);
        jdbc.sql("INSERT INTO button_refs (reference, identity_id, action, form_version, expires_at) "
                        + "VALUES (?, ?, '{}', 1, ?)")
                .params(UUID.randomUUID().toString(), idle, Timestamps.utc(OLD))
                .update();
        jdbc.sql("INSERT INTO link_tokens (token_hash, purpose, identity_id, state, expires_at, created_at) "
                        + "VALUES (?, 'link', ?, 'issued', ?, ?)")
                .params(UUID.randomUUID().toString().replace("-", ""), idle, Timestamps.utc(OLD), Timestamps.utc(OLD))
                .update();
        String visitor = externalId(idle);
        jdbc.sql("INSERT INTO webchat_messages (visitor, message_key, sender, payload, created_at) "
                        + "VALUES (?, 'in:1', 'visitor', '{}', ?)")
                .params(visitor, Timestamps.utc(OLD))
                .update();

        assertThat(retention.run()).isEqualTo(2);

        assertThat(exists(idle)).isFalse();
        assertThat(exists(idleToo)).isFalse();
        assertThat(exists(recentlyActive)).as("a message yesterday").isTrue();
        assertThat(exists(linked)).as("linked").isTrue();
        assertThat(exists(linkedOnce))
                .as("linked once, unlinked since: the audit stays")
                .isTrue();
        assertThat(exists(young)).isTrue();
        for (String table :
                new String[] {"conversations", "inbox_messages", "outbox_messages", "button_refs", "link_tokens"}) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE identity_id = ?")
                            .param(idle)
                            .query(Long.class)
                            .single())
                    .as(table)
                    .isZero();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webchat_messages WHERE visitor = ?")
                        .param(visitor)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM conversations WHERE identity_id = ?")
                        .param(recentlyActive)
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(retention.run()).as("nothing more").isZero();
    }

    @Test
    void aLinkIsRememberedAfterAnUnlink() {
        UUID id = identity("bale", null, null, OLD);
        retention.on(new IdentityLinked(new IdentityId(id), Network.BALE, null, Language.EN, "https://x/unlink/y"));
        assertThat(jdbc.sql("SELECT first_linked_at FROM channel_identities WHERE id = ?")
                        .param(id)
                        .query(java.time.OffsetDateTime.class)
                        .single())
                .isNotNull();
        retention.run();
        assertThat(exists(id)).isTrue();
    }

    private UUID identity(String channel, UUID customer, Instant linkedAt, Instant createdAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO channel_identities (id, channel, external_id, customer_id, linked_at, first_linked_at, "
                        + "reachable, created_at) VALUES (?, ?, ?, ?, ?, ?, TRUE, ?)")
                .params(
                        id,
                        channel,
                        "ext-" + id,
                        customer,
                        customer == null ? null : Timestamps.utc(linkedAt),
                        Timestamps.utc(linkedAt),
                        Timestamps.utc(createdAt))
                .update();
        return id;
    }

    private void conversation(UUID identity, Instant updatedAt) {
        jdbc.sql("INSERT INTO conversations (identity_id, channel, recipient, state, version, updated_at) "
                        + "VALUES (?, 'webchat', 'r', '{}', 1, ?)")
                .params(identity, Timestamps.utc(updatedAt))
                .update();
    }

    private void inbox(UUID identity, Instant at) {
        jdbc.sql("INSERT INTO inbox_messages (channel, external_message_id, identity_id, kind, received_at) "
                        + "VALUES ('webchat', ?, ?, 'text', ?)")
                .params(UUID.randomUUID().toString(), identity, Timestamps.utc(at))
                .update();
    }

    private void outbox(UUID identity, Instant at) {
        jdbc.sql("INSERT INTO outbox_messages (id, identity_id, channel, recipient, payload, status, attempts, "
                        + "next_attempt_at, created_at) VALUES (?, ?, 'webchat', 'r', '{}', 'SUCCEEDED', 1, ?, ?)")
                .params(UUID.randomUUID(), identity, Timestamps.utc(at), Timestamps.utc(at))
                .update();
    }

    private String externalId(UUID identity) {
        return jdbc.sql("SELECT external_id FROM channel_identities WHERE id = ?")
                .param(identity)
                .query(String.class)
                .single();
    }

    private boolean exists(UUID identity) {
        return jdbc.sql("SELECT COUNT(*) FROM channel_identities WHERE id = ?")
                        .param(identity)
                        .query(Long.class)
                        .single()
                == 1;
    }
}
