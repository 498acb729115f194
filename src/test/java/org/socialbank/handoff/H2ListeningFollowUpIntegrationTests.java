package org.socialbank.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.console.Role;
import org.socialbank.directory.Directory;
import org.socialbank.directory.IdentityId;
import org.socialbank.ledger.Ledger;
import org.socialbank.listening.Listening;
import org.socialbank.listening.Mention;
import org.socialbank.listening.Mentions;
import org.socialbank.listening.NewMention;
import org.socialbank.listening.Spike;
import org.socialbank.listening.Topic;
import org.socialbank.shared.Network;
import org.socialbank.shared.jdbc.Timestamps;
import org.socialbank.support.Customers;
import org.socialbank.support.FormClient;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Review 2026-12-07 console follow-up (listening and handoff), over real HTTP on H2: one author's
 * cases handed over share one conversation and close with it; a case's public reply and private
 * message are sent once per client id; a conversation the queue gave back to the bot frees its
 * listening case; a spike is found however many baseline mentions the scan limit would read.
 */
class H2ListeningFollowUpIntegrationTests extends ConsolePagesFixture {

    static final int SCAN_MAX = 100;
    static final Pattern CASE = Pattern.compile("/console/listening/cases/([0-9a-f-]{36})/reply");
    static final Pattern HANDOFF = Pattern.compile("id=\"handoff\" data-case=\"([0-9a-f-]{36})\"");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("socialbank.listening.cases.alerts-enabled", () -> "false");
        registry.add("socialbank.listening.scan-max", () -> Integer.toString(SCAN_MAX));
    }

    @Autowired
    Mentions mentions;

    @Autowired
    Listening listening;

    @Autowired
    QueueJanitor janitor;

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    @Test
    @DisplayName(
            "review 2026-12-07 console follow-up: two cases of one author handed over close with their one conversation")
    void twoCasesOfOneAuthorHandedOverCloseWithTheirOneConversation() {
        String chat = linkedCustomerChat();
        FormClient agent = signedIn(member(Role.AGENT, "social"));
        String first = openCase(agent, telegramMention(chat, "Someone took money from my card last night"));
        String second = openCase(agent, telegramMention(chat, "Still nobody answers about the stolen money"));

        String conversation = handOver(agent, first);
        assertThat(handOver(agent, second))
                .as("the author's one open conversation")
                .isEqualTo(conversation);

        FormClient.Page taken = agent.post("/console/conversations/" + conversation + "/take");
        assertThat(taken.status()).isEqualTo(200);
        FormClient.Page resolved = agent.post("/console/conversations/" + conversation + "/resolve");
        assertThat(resolved.status()).as(resolved.html()).isEqualTo(200);
        assertThat(handoffStatus(conversation)).isEqualTo("RESOLVED");
        assertThat(agent.get(first).html()).contains("data-status=\"closed\"");
        assertThat(agent.get(second).html()).contains("data-status=\"closed\"");
    }

    @Test
    @DisplayName("review 2026-12-07 console follow-up: a public reply and a private message go once per client id")
    void aPublicReplyAndAPrivateMessageGoOncePerClientId() {
        String group = "-100" + (100_000 + (int) (Math.random() * 800_000));
        Mention post = mentions.record(new NewMention(
                        "telegram",
                        group + ":42",
                        "SocialBank the app logs me out all the time",
                        "501",
                        clock.instant().minusSeconds(60)))
                .mention();
        FormClient agent = signedIn(member(Role.AGENT, "social"));
        String kase = openCase(agent, post);
        String clientId = UUID.randomUUID().toString();
        String reply = "Sorry about that, we are looking into it.";
        for (int i = 0; i < 2; i++) {
            FormClient.Page page = agent.post(kase + "/reply", "clientId", clientId, "text", reply);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.html()).contains("data-status=\"answered\"");
        }
        assertThat(rows("listening_case_replies", kase)).isEqualTo(1);
        assertThat(outboxRows(identities
                        .identity(Network.TELEGRAM, group)
                        .orElseThrow()
                        .id()))
                .isEqualTo(1);
        agent.post(kase + "/reply", "clientId", UUID.randomUUID().toString(), "text", reply);
        assertThat(rows("listening_case_replies", kase))
                .as("another press is another reply")
                .isEqualTo(2);

        String chat = linkedCustomerChat();
        IdentityId customer =
                identities.identity(Network.TELEGRAM, chat).orElseThrow().id();
        String privateCase = openCase(agent, telegramMention(chat, "My transfer is stuck since Monday"));
        long before = outboxRows(customer);
        String message = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            FormClient.Page page =
                    agent.post(privateCase + "/message", "clientId", message, "text", "We are on it, one moment.");
            assertThat(page.status()).isEqualTo(200);
        }
        assertThat(rows("listening_case_messages", privateCase)).isEqualTo(1);
        assertThat(outboxRows(customer) - before).isEqualTo(1);
        assertThat(agent.post(privateCase + "/message", "text", "No client id").status())
                .isEqualTo(400);
    }

    @Test
    @DisplayName(
            "review 2026-12-07 console follow-up: a case whose conversation waited too long can be handed over again")
    void aCaseWhoseConversationWaitedTooLongCanBeHandedOverAgain() {
        String chat = linkedCustomerChat();
        FormClient agent = signedIn(member(Role.AGENT, "social"));
        String kase = openCase(agent, telegramMention(chat, "My card was charged twice for one coffee"));
        String conversation = handOver(agent, kase);
        assertThat(handoffStatus(conversation)).isEqualTo("QUEUED");
        java.time.OffsetDateTime fiveHoursAgo = Timestamps.utc(clock.instant().minus(Duration.ofHours(5)));
        jdbc.sql("UPDATE handoff_cases SET queued_at = ?, wait_from = ? WHERE id = ?")
                .params(
                        fiveHoursAgo,
                        fiveHoursAgo,
                        org.socialbank.shared.Uuids.parse(conversation).orElseThrow())
                .update();

        assertThat(janitor.run()).isEqualTo(1);

        assertThat(handoffStatus(conversation)).isEqualTo("HANDED_BACK");
        FormClient.Page page = agent.get(kase);
        assertThat(page.html())
                .contains("id=\"hand-over\"")
                .doesNotContain("id=\"handoff\"")
                .contains("data-status=\"open\"");
        String again = handOver(agent, kase);
        assertThat(again).isNotEqualTo(conversation);
        assertThat(handoffStatus(again)).isEqualTo("QUEUED");
    }

    @Test
    @DisplayName("review 2026-12-07 console follow-up: a forgotten chat account frees the listening case handed "
            + "over to its conversation")
    void aForgottenChatAccountFreesTheListeningCaseHandedOverToItsConversation() {
        String chat = linkedCustomerChat();
        IdentityId author =
                identities.identity(Network.TELEGRAM, chat).orElseThrow().id();
        FormClient agent = signedIn(member(Role.AGENT, "social"));
        String kase = openCase(agent, telegramMention(chat, "My card was blocked at the pharmacy"));
        String conversation = handOver(agent, kase);
        assertThat(agent.post("/console/conversations/" + conversation + "/take")
                        .status())
                .isEqualTo(200);
        chats.say(chat, "my address is 1 Rue de la Paix");

        identities.forget(Network.TELEGRAM, chat); // the network asks the bank to forget the account

        assertThat(handoffStatus(conversation)).isEqualTo("HANDED_BACK");
        FormClient.Page page = agent.get(kase);
        assertThat(page.html())
                .as("no longer with a person")
                .contains("id=\"hand-over\"")
                .doesNotContain("id=\"handoff\"")
                .contains("data-status=\"open\"");
        assertThat(handoffs.owner(author)).isEqualTo(new Owner.Bot());
        assertThat(store.transcript(caseId(conversation), 100))
                .as("what she wrote is erased")
                .isNotEmpty()
                .noneMatch(l -> l.body().contains("Rue de la Paix"));
        assertThat(identities.identity(Network.TELEGRAM, chat).orElseThrow().linked())
                .isFalse();
    }

    @Test
    @DisplayName("review 2026-12-07 console follow-up: a spike is found when the baseline alone fills the scan limit")
    void aSpikeIsFoundWhenTheBaselineAloneFillsTheScanLimit() {
        Instant now = clock.instant();
        for (int i = 0; i < SCAN_MAX; i++) {
            // spread over the 24 baseline hours before the current one
            Instant at = now.minus(Duration.ofHours(1)).minus(Duration.ofMinutes(14L * i + 1));
            mentions.record(new NewMention(
                    "news", UUID.randomUUID().toString(), "The bank opens a new branch downtown " + i, "paper", at));
        }
        for (int i = 0; i < 20; i++) {
            Mention m = mentions.record(new NewMention(
                            "news",
                            UUID.randomUUID().toString(),
                            "My card is blocked again, the card got blocked at the shop " + i,
                            "reader" + i,
                            now.minusSeconds(60L + i)))
                    .mention();
            assertThat(m.topic()).isEqualTo(Topic.CARD_BLOCKED);
        }

        List<Spike> spikes = listening.spikes();

        assertThat(spikes).anySatisfy(s -> {
            assertThat(s.topic()).isEqualTo(Topic.CARD_BLOCKED);
            assertThat(s.kind()).isEqualTo(Spike.Kind.VOLUME);
            assertThat(s.count()).isGreaterThanOrEqualTo(20);
            assertThat(s.examples()).isNotEmpty();
        });
    }

    /** A Telegram chat linked to a new customer, who said hello to the bot; its account id. */
    String linkedCustomerChat() {
        String chat = new Customers(directory, ledger, chats)
                .named("Lena Listening")
                .linkedChat()
                .create()
                .chat();
        chats.say(chat, "hello");
        return chat;
    }

    Mention telegramMention(String chat, String text) {
        return mentions.record(new NewMention(
                        "telegram",
                        UUID.randomUUID().toString(),
                        text,
                        chat,
                        clock.instant().minusSeconds(30)))
                .mention();
    }

    /** Opens the mention's case; the case page's address. */
    String openCase(FormClient agent, Mention mention) {
        agent.get("/console/listening/mentions");
        FormClient.Page page =
                agent.post("/console/listening/mentions/" + mention.id() + "/case", "kind", "public_mention");
        Matcher m = CASE.matcher(page.html());
        assertThat(m.find()).as(page.html()).isTrue();
        return "/console/listening/cases/" + m.group(1);
    }

    /** Hands the case over; the conversation it is linked to. */
    String handOver(FormClient agent, String kase) {
        FormClient.Page page = agent.post(kase + "/handoff");
        Matcher m = HANDOFF.matcher(page.html());
        assertThat(m.find()).as(page.html()).isTrue();
        return m.group(1);
    }

    static CaseId caseId(String conversation) {
        return new CaseId(org.socialbank.shared.Uuids.parse(conversation).orElseThrow());
    }

    String handoffStatus(String conversation) {
        return jdbc.sql("SELECT status FROM handoff_cases WHERE id = ?")
                .param(org.socialbank.shared.Uuids.parse(conversation).orElseThrow())
                .query(String.class)
                .single();
    }

    long rows(String table, String kase) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE case_id = ?")
                .param(org.socialbank.shared.Uuids.parse(kase.substring(kase.lastIndexOf('/') + 1))
                        .orElseThrow())
                .query(Long.class)
                .single();
    }
}
