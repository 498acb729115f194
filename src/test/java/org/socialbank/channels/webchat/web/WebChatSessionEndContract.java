package org.socialbank.channels.webchat.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.channels.webchat.WebChatMessages;
import org.socialbank.conversation.ChannelSender;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.SendOutcome;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.LinkSignIn;
import org.socialbank.shared.Network;
import org.socialbank.shared.jdbc.Timestamps;
import org.socialbank.support.Api;
import org.socialbank.support.Await;
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

    @Autowired
    ChatFeed feed;

    @Autowired
    List<ChannelSender> senders;

    @Autowired
    WebChatMessages messages;

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

    @Test
    @DisplayName(
            "review 2026-12-07 webchat follow-up: an open stream ends with its session (unlink) and shows nothing after")
    void anOpenStreamEndsWithItsSession() throws Exception {
        Browser a = signedIn();
        ChannelIdentity identity = identityOf(a);
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> stream = openStream(a, identity, lines, "fr");
        assertThat(bankSays(identity, "before the end")).isInstanceOf(SendOutcome.Sent.class);
        Await.until(() -> shows(lines, "before the end"), "the bank's message before the end arrives");
        Api api = new Api(port);
        String one = "/api/v1/customers/" + customer.value() + "/identities/"
                + identity.id().value();
        assertThat(api.send(api.request(one).DELETE().build()).status()).isEqualTo(204);
        bankSays(identity, "after the end");
        assertThatCode(() -> stream.get(10, TimeUnit.SECONDS))
                .as("the stream ends within a few seconds of its session")
                .doesNotThrowAnyException();
        assertThat(shows(lines, "after the end")).as("nothing after the end").isFalse();
        assertThat(lines).contains("event: ended");
        assertThat(lines.get(lines.size() - 2))
                .as("the page is told why, in the visitor's language")
                .contains("session_ended", "Votre session de chat est terminée");
    }

    @Test
    @DisplayName("review 2026-12-07 webchat follow-up: an open stream ends when another node ends its session")
    void anOpenStreamEndsWhenAnotherNodeEndsItsSession() throws Exception {
        // what another node's unlink or janitor leaves in the store, with no signal to this node
        assertStreamEnds("UPDATE webchat_sessions SET ended_at = ? WHERE visitor = ?", clock.instant());
    }

    @Test
    @DisplayName(
            "review 2026-12-07 webchat follow-up: an open stream ends when its session expires, unchecked by any request")
    void anOpenStreamEndsWhenItsSessionExpires() throws Exception {
        // idle past linked-idle-timeout, and neither a request nor the janitor has ended it yet
        assertStreamEnds(
                "UPDATE webchat_sessions SET last_seen_at = ? WHERE visitor = ?",
                clock.instant().minus(Duration.ofMinutes(31)));
    }

    private void assertStreamEnds(String update, java.time.Instant at) throws Exception {
        Browser a = signedIn();
        ChannelIdentity identity = identityOf(a);
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> stream = openStream(a, identity, lines, "en");
        assertThat(jdbc.sql(update)
                        .params(Timestamps.utc(at), identity.externalId())
                        .update())
                .isEqualTo(1);
        bankSays(identity, "after the end");
        assertThatCode(() -> stream.get(10, TimeUnit.SECONDS)).doesNotThrowAnyException();
        assertThat(shows(lines, "after the end")).isFalse();
        assertThat(lines).contains("event: ended");
    }

    @Test
    @DisplayName(
            "a stream's catch-up of more than a page, some rows young, skips none of the backlog (review 2026-12-07 webchat follow-up)")
    void theCatchUpReadsTheWholeBacklogPastYoungRows() throws Exception {
        Browser a = signedIn(); // its sign-in lines are young and hold the lowest seqs
        ChannelIdentity identity = identityOf(a);
        String visitor = identity.externalId();
        java.time.Instant old = clock.instant().minus(Duration.ofMinutes(1));
        for (int i = 0; i < 160; i++) {
            assertThat(messages.append(
                            visitor, "backlog-" + i, "bank", "{\"kind\":\"text\",\"text\":\"backlog " + i + "\"}", old))
                    .isTrue();
        }
        List<Long> stored = jdbc.sql("SELECT seq FROM webchat_messages WHERE visitor = ? ORDER BY seq")
                .param(visitor)
                .query(Long.class)
                .list();
        assertThat(stored).hasSizeGreaterThan(160);
        assertThat(messages.after(visitor, 0, clock.instant().minusSeconds(5), 100))
                .as("some rows are young")
                .anyMatch(r -> !r.createdAt().isBefore(clock.instant().minusSeconds(5)));
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> stream = openStream(a, identity, lines, "en");
        Await.until(
                () -> ids(lines).containsAll(stored),
                Await.DEFAULT,
                () -> "every stored row streamed; missing " + missing(stored, ids(lines)));
        jdbc.sql("UPDATE webchat_sessions SET ended_at = ? WHERE visitor = ?")
                .params(Timestamps.utc(clock.instant()), visitor)
                .update();
        assertThatCode(() -> stream.get(10, TimeUnit.SECONDS)).doesNotThrowAnyException();
        assertThat(ids(lines)).as("each row once").doesNotHaveDuplicates();
    }

    private static final java.util.regex.Pattern ROW_ID = java.util.regex.Pattern.compile("^data: \\{\"id\":(\\d+),");

    /** The stored rows' seqs the stream sent (its data's {@code id}; the event id is the stream's cursor). */
    private static List<Long> ids(List<String> lines) {
        synchronized (lines) {
            return lines.stream()
                    .map(ROW_ID::matcher)
                    .filter(java.util.regex.Matcher::find)
                    .map(m -> Long.parseLong(m.group(1)))
                    .toList();
        }
    }

    private static List<Long> missing(List<Long> stored, List<Long> streamed) {
        List<Long> missing = new ArrayList<>(stored);
        missing.removeAll(streamed);
        return missing;
    }

    @Test
    @DisplayName(
            "an ended session's cookie reads nothing after linked-lifetime, and the bank stores nothing more for it (review 2026-12-07 webchat follow-up)")
    void anEndedCookieReadsNothingLaterOnASharedComputer() {
        Browser a = signedIn();
        ChannelIdentity identity = identityOf(a);
        assertThat(a.send("balance").statusCode()).isEqualTo(202);
        assertThat(a.send("unlink").statusCode()).isEqualTo(202);
        assertThat(bankSays(identity, "a late reply for her"))
                .as("the sender refuses an ended visitor for good")
                .isEqualTo(new SendOutcome.Failed(false, "webchat session ended"));
        clock.advance(Duration.ofHours(3)); // past the tests' linked-lifetime (2h)
        sessions.expire();
        assertThat(sessions.check(identity.externalId())).isEqualTo(WebChatSessions.State.ENDED);
        HttpResponse<String> history = a.get("/chat/history");
        assertThat(history.statusCode())
                .as("the tombstone still refuses the old cookie")
                .isEqualTo(401);
        assertThat(history.body()).doesNotContain("balance", "a late reply");
        assertThat(storedUnder(identity.externalId()))
                .as("nothing under the old visitor id")
                .isZero();
    }

    private int storedUnder(String visitor) {
        return jdbc.sql("SELECT COUNT(*) FROM webchat_messages WHERE visitor = ?")
                .param(visitor)
                .query(Integer.class)
                .single();
    }

    @Test
    @DisplayName(
            "a sign-in leaves the old visitor a tombstone: a reply queued before it is refused, the old cookie reads nothing (reread 2026-12-08 webchat)")
    void aSignInLeavesTheOldVisitorATombstone() {
        Browser a = signedIn();
        ChannelIdentity identity = identityOf(a);
        String old = visitors.visitor(a.previousCookie).orElseThrow();
        assertThat(identity.externalId()).as("rotated").isNotEqualTo(old);
        assertThat(sessions.check(old)).isEqualTo(WebChatSessions.State.ENDED);
        assertThat(sessions.streamStates(List.of(old))).containsEntry(old, WebChatSessions.State.ENDED);
        // a reply queued under the old id before the sign-in, relayed after it
        assertThat(bankSays(identity, old, "queued before sign-in"))
                .isEqualTo(new SendOutcome.Failed(false, "webchat session ended"));
        assertThat(storedUnder(old)).as("nothing under the old visitor id").isZero();
        Browser copied = new Browser();
        copied.cookies.put(Visitors.PLAIN_COOKIE, a.previousCookie);
        HttpResponse<String> history = copied.get("/chat/history");
        assertThat(history.statusCode()).as("the copied old cookie is refused").isEqualTo(401);
        assertThat(history.body()).contains("session_ended").doesNotContain("queued before sign-in", "help");
        assertThat(a.history()).as("the new cookie reads the chat").contains("help");
        assertThat(identities.linkedCustomer(identity.id())).contains(customer);
    }

    @Test
    @DisplayName("review 2026-12-07 webchat follow-up: no_visitor and bad_message_id speak the visitor's language")
    void theCookieAndIdRefusalsAreLocalized() {
        Browser none = new Browser();
        HttpResponse<String> history = none.get("/chat/history", "Accept-Language", "ru");
        assertThat(history.statusCode()).isEqualTo(400);
        assertThat(history.body()).contains("no_visitor", "Сначала откройте страницу чата");
        StreamAnswer stream = none.openStream("/chat/stream", "Accept-Language", "zh");
        assertThat(stream.status()).isEqualTo(400);
        assertThat(stream.body()).contains("no_visitor", "请先打开聊天页面");
        Browser a = new Browser();
        a.open("/chat");
        for (String[] expected : new String[][] {
            {"en", "This message could not be sent"},
            {"fr", "Ce message n’a pas pu être envoyé"},
            {"ru", "Не удалось отправить сообщение"},
            {"fa", "این پیام فرستاده نشد"},
            {"zh", "此消息未能发送"}
        }) {
            HttpResponse<String> refused = a.sendWithId("not-a-uuid", "help", expected[0]);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("bad_message_id", expected[1]);
        }
    }

    /** Opens the visitor's stream after the newest message she has, and waits until the feed holds it. */
    private CompletableFuture<Void> openStream(
            Browser a, ChannelIdentity identity, List<String> lines, String language) {
        CompletableFuture<Void> stream = a.readStream("/chat/stream", lines, "Accept-Language", language);
        Await.until(
                () -> feed.streams(identity.externalId()) > 0 || stream.isDone(),
                "the visitor's stream is subscribed to the feed");
        assertThat(stream).isNotDone();
        return stream;
    }

    /** The bank answers the chat as its outbox does, through the web chat's sender; says what it said. */
    private SendOutcome bankSays(ChannelIdentity identity, String text) {
        return bankSays(identity, identity.externalId(), text);
    }

    /** As above, to the visitor id the outbox row was queued for (the chat's id before a sign-in). */
    private SendOutcome bankSays(ChannelIdentity identity, String recipient, String text) {
        ChannelSender sender = senders.stream()
                .filter(s -> s.network() == Network.WEBCHAT)
                .findFirst()
                .orElseThrow();
        UUID id = UUID.randomUUID();
        return sender.send(
                new OutboundMessage(id, identity.id(), Network.WEBCHAT, recipient, new Outbound.Text(text)),
                id.toString());
    }

    private static boolean shows(List<String> lines, String text) {
        synchronized (lines) {
            return lines.stream().anyMatch(l -> l.startsWith("data: ") && l.contains(text));
        }
    }

    private String language() {
        return jdbc.sql("SELECT language FROM customers WHERE id = ?")
                .param(customer.value())
                .query(String.class)
                .single();
    }
}
