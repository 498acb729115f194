package org.socialbank.channels.webchat.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.LinkSignIn;
import org.socialbank.shared.Network;
import org.socialbank.shared.jdbc.Timestamps;
import org.socialbank.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The end of a web-chat session (review 2026-12-07, channels), on each store: an unlink ends it at
 * once, its refusal speaks the visitor's language, a sign-in links and rotates in one transaction
 * and the janitor ends a linked chat that has no session, a link from another site does not
 * change the customer's language, and the stream refuses an ended session.
 */
abstract class WebChatSessionEndContract extends WebChatSessionTestBase {

    @Autowired
    WebChatSessions sessions;

    @Autowired
    LinkSignIn signIn;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: typing \"unlink\" ends the session, its history is gone")
    void typingUnlinkEndsTheSession() {
        Browser a = signedIn();
        ChannelIdentity identity = identityOf(a);
        assertThat(a.send("balance").statusCode()).isEqualTo(202);
        assertThat(a.history()).contains("balance");
        assertThat(a.send("unlink").statusCode()).isEqualTo(202);
        assertThat(identities.linkedCustomer(identity.id())).isEmpty();
        assertEnded(a);
    }

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: the customer's API unlink ends the web chat's session")
    void theApiUnlinkEndsTheSession() {
        Browser a = signedIn();
        ChannelIdentity identity = identityOf(a);
        assertThat(a.send("balance").statusCode()).isEqualTo(202);
        assertThat(a.history()).contains("balance");
        Api api = new Api(port);
        String one = "/api/v1/customers/" + customer.value() + "/identities/"
                + identity.id().value();
        assertThat(api.send(api.request(one).DELETE().build()).status()).isEqualTo(204);
        assertEnded(a);
    }

    private void assertEnded(Browser a) {
        HttpResponse<String> history = a.get("/chat/history");
        assertThat(history.statusCode()).isEqualTo(401);
        assertThat(history.body()).contains("session_ended").doesNotContain("balance");
        String old = a.cookie();
        a.open("/chat");
        assertThat(a.cookie()).as("a new visitor").isNotEqualTo(old);
        assertThat(a.history()).doesNotContain("balance");
    }

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: an ended session is refused in the visitor's language")
    void theEndedRefusalIsLocalized() {
        Browser a = signedIn();
        clock.advance(Duration.ofMinutes(31));
        HttpResponse<String> refused = a.send("help", "fa");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("session_ended", "نشست گفت\u200cوگوی شما به پایان رسیده است");
        assertThat(a.get("/chat/history", "Accept-Language", "zh").body()).contains("您的聊天会话已结束");
        Browser fresh = new Browser();
        fresh.open("/chat");
        HttpResponse<String> bad = fresh.send(" ", "ru");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("bad_message", "Отправьте текст длиной от 1 до 4096 символов");
    }

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: /chat/stream refuses an ended session's cookie (401)")
    void theStreamRefusesAnEndedSession() {
        Browser a = signedIn();
        assertThat(a.send("unlink").statusCode()).isEqualTo(202);
        StreamAnswer stream = a.openStream("/chat/stream", "Accept-Language", "fr");
        assertThat(stream.status()).isEqualTo(401);
        assertThat(stream.contentType()).startsWith("application/problem+json");
        assertThat(stream.body()).contains("session_ended", "Votre session de chat est terminée");
    }

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: a rotation that fails leaves the chat unlinked")
    void aFailedRotationLeavesNothingLinked() {
        Browser a = new Browser();
        a.open("/chat");
        a.send("help");
        String path = path(linking.offerLink(identityOf(a).id()).url());
        a.open(path);
        assertThat(a.form(path, "username", username, "password", PASSWORD).body())
                .contains("6-digit code");
        String old = visitors.visitor(a.cookie()).orElseThrow();
        String rotated = visitors.mint().visitor();
        // the fault: the new visitor's session row is there already, so the rotation's insert fails
        jdbc.sql("INSERT INTO webchat_sessions (visitor, linked_at, last_seen_at) VALUES (?, ?, ?)")
                .params(rotated, Timestamps.utc(clock.instant()), Timestamps.utc(clock.instant()))
                .update();
        String token = path.substring("/chat/link/".length());
        String code = sms.lastCode(phone);
        assertThatThrownBy(() -> sessions.signIn(
                        old,
                        rotated,
                        () -> signIn.enterCode(token, LinkSignIn.Browser.webChat(old, rotated), code, Locale.ENGLISH)))
                .isInstanceOf(DataAccessException.class);
        assertThat(identities.identity(Network.WEBCHAT, rotated)).isEmpty();
        assertThat(identities.identity(Network.WEBCHAT, old).orElseThrow().linked())
                .isFalse();
        assertThat(a.form(path + "/code", "code", code).body())
                .as("the code still works: nothing was used up")
                .contains("is linked");
    }

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: the janitor unlinks a linked web chat without a session")
    void theJanitorEndsALinkedChatWithoutASession() {
        Browser live = signedIn();
        ChannelIdentity orphan =
                identities.identify(Network.WEBCHAT, visitors.mint().visitor(), null, null);
        jdbc.sql("UPDATE channel_identities SET customer_id = ?, linked_at = ? WHERE id = ?")
                .params(
                        customer.value(),
                        Timestamps.utc(clock.instant()),
                        orphan.id().value())
                .update();
        for (int run = 0; run < 20 && identities.linkedCustomer(orphan.id()).isPresent(); run++) {
            sessions.expire();
        }
        assertThat(identities.linkedCustomer(orphan.id())).isEmpty();
        assertThat(sessions.check(orphan.externalId())).isEqualTo(WebChatSessions.State.ENDED);
        assertThat(identities.linkedCustomer(identityOf(live).id()))
                .as("a live session is left alone")
                .contains(customer);
        assertThat(live.history()).contains("help");
    }

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: /chat?lang= from another site does not save the language")
    void aCrossSiteLanguageIsNotSaved() {
        Browser a = signedIn();
        HttpResponse<String> page = a.get("/chat?lang=fr", "Sec-Fetch-Site", "cross-site");
        assertThat(page.body()).as("shown in French").contains("lang=\"fr\"");
        assertThat(language()).isEqualTo("en");
        a.get("/chat?lang=ru", "Sec-Fetch-Site", "same-site");
        assertThat(language()).isEqualTo("en");
        a.get("/chat?lang=fr", "Sec-Fetch-Site", "same-origin");
        assertThat(language()).as("chosen on the page's own language bar").isEqualTo("fr");
    }

    private String language() {
        return jdbc.sql("SELECT language FROM customers WHERE id = ?")
                .param(customer.value())
                .query(String.class)
                .single();
    }
}
