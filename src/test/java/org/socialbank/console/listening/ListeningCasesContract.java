package org.socialbank.console.listening;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.channels.telegram.FakeTelegramApi;
import org.socialbank.console.ConsoleStaff;
import org.socialbank.console.Role;
import org.socialbank.console.StaffId;
import org.socialbank.console.StaffMember;
import org.socialbank.console.audit.AuditLog;
import org.socialbank.console.staff.StaffAccounts;
import org.socialbank.listening.Mention;
import org.socialbank.listening.MentionFilter;
import org.socialbank.listening.Mentions;
import org.socialbank.listening.NewMention;
import org.socialbank.listening.Sentiment;
import org.socialbank.listening.Topic;
import org.socialbank.listening.cases.Case;
import org.socialbank.listening.cases.CaseKind;
import org.socialbank.listening.cases.CaseResult;
import org.socialbank.listening.cases.CaseStatus;
import org.socialbank.listening.cases.Cases;
import org.socialbank.listening.cases.SpikeAlert;
import org.socialbank.listening.cases.SpikeAlerts;
import org.socialbank.support.Await;
import org.socialbank.support.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Social care in the console over real HTTP on H2 and PostgreSQL (the twins {@code
 * H2ListeningCasesIntegrationTests}, {@code PostgresListeningCasesIntegrationTests}; issue 20 s3-s4): who may read and act; the
 * end to end of the issue's "Done means" (a tweet from the X webhook is classified, a case is
 * opened from it and answered in public through the outbox to X; a seeded burst raises a spike
 * alert that reaches the staff's Telegram group once, however often the scan runs).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ListeningCasesContract {

    static final String BOT_TOKEN = "777000:listening-cases";
    static final String STAFF_CHAT = "-1009876543210";
    static final String X_SECRET = "listening-cases-consumer-secret";
    static final String BANK_ID = "1500000000000000001";
    static final String BANK_NAME = "SocialBankFr";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Clock clock;

    @Autowired
    Mentions mentions;

    @Autowired
    SpikeAlerts alerts;

    @Autowired
    AuditLog audit;

    @Autowired
    Cases cases;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** This store's own fakes (each twin has its own, so one's calls never show in the other's). */
    abstract FakeTelegramApi telegram();

    abstract TweetsFake x();

    /** The settings both twins share, after their store. */
    static void settings(DynamicPropertyRegistry registry, FakeTelegramApi telegram, TweetsFake x) {
        registry.add("spring.datasource.hikari.idle-timeout", () -> "600000");
        registry.add("socialbank.web.secure-cookies", () -> "false");
        registry.add("socialbank.conversation.relay-interval", () -> "200ms");
        registry.add("socialbank.listening.cases.alerts-enabled", () -> "false"); // the test runs the scan itself
        registry.add("socialbank.listening.staff-chat.network", () -> "telegram");
        registry.add("socialbank.listening.staff-chat.chat-id", () -> STAFF_CHAT);
        registry.add("socialbank.channels.telegram.bots.bank.token", () -> BOT_TOKEN);
        registry.add("socialbank.channels.telegram.bots.bank.secret-token", () -> "listening-cases-secret");
        registry.add("socialbank.channels.telegram.bots.bank.api-base-url", telegram::baseUrl);
        registry.add("socialbank.listening.keywords[0]", () -> "SocialBank");
        registry.add("socialbank.listening.keywords[1]", () -> "社交银行");
        registry.add("socialbank.channels.x.consumer-secret", () -> X_SECRET);
        registry.add("socialbank.channels.x.bearer-token", () -> "listening-cases-bearer");
        registry.add("socialbank.channels.x.user-id", () -> BANK_ID);
        registry.add("socialbank.channels.x.screen-name", () -> BANK_NAME);
        registry.add("socialbank.channels.x.api-base-url", x::baseUrl);
    }

    /** A member of staff with these roles in these teams, signed in. */
    FormClient signedIn(List<String> teams, Role first, Role... more) {
        String username = first.wireName().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        StaffMember member = new StaffMember(
                StaffId.random(), username, "Test " + username, EnumSet.of(first, more), teams, List.of("en"));
        accounts.create(member, ConsoleStaff.PASSWORD, ConsoleStaff.SECRET);
        FormClient client = new FormClient(port);
        FormClient.Page home = new ConsoleStaff(accounts, clock).signIn(client, member);
        assertThat(home.status()).isEqualTo(200);
        return client;
    }

    Mention seeded(String text, String author, Instant at) {
        return seeded(text, author, at, null);
    }

    Mention seeded(String text, String author, Instant at, Long reach) {
        return mentions.record(new NewMention("news", UUID.randomUUID().toString(), text, author, at, reach))
                .mention();
    }

    /** A news mention the bank received at {@code receivedAt} (its row set so, as if it came then). */
    Mention receivedAt(String text, Instant receivedAt) {
        Mention m = seeded(text, null, receivedAt);
        jdbc.sql("UPDATE listening_mentions SET received_at = ? WHERE id = ?")
                .params(receivedAt.atOffset(java.time.ZoneOffset.UTC), m.id().value())
                .update();
        return m;
    }

    Case opened(Mention m, CaseKind kind) {
        return ((CaseResult.Done) cases.open(m.id(), kind, "agent-deadlines")).value();
    }

    @Test
    @DisplayName("a case's deadline runs from when the bank received the mention, not from when staff opened the "
            + "case (review 2026-12-07 listening follow-up)")
    void theDeadlineRunsFromWhenTheMentionWasReceived() {
        // a complaint received on Monday 2 November 2026, its case opened later (today): 15 business
        // days after that Monday (UTC, weekends only) is Monday 23 November, due at its end
        Instant monday = Instant.parse("2026-11-02T09:30:00Z");
        Case complaint =
                opened(receivedAt("Charged twice for one transfer, I want my money back", monday), CaseKind.COMPLAINT);
        assertThat(complaint.deadline()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(complaint.overdue(cases.now())).isTrue();

        Instant now = cases.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Case late = opened(
                receivedAt("The app logs me out every minute", now.minus(Duration.ofHours(2))),
                CaseKind.PUBLIC_MENTION);
        assertThat(late.deadline()).isEqualTo(now.minus(Duration.ofHours(1)));
        assertThat(late.overdue(cases.now()))
                .as("opened two hours late: overdue at once")
                .isTrue();
    }

    @Test
    @DisplayName("a complaint stays due after a first reply (a holding line, a reply to post by hand) and is listed "
            + "overdue past its deadline until it is closed (review 2026-12-07 listening follow-up)")
    void aComplaintStaysDueAfterAFirstReplyUntilItIsClosed() {
        Mention m = receivedAt(
                "Your fees are a scandal, this is a formal complaint",
                cases.now().minus(Duration.ofDays(30)));
        Case complaint = opened(m, CaseKind.COMPLAINT);
        CaseResult replied = cases.reply(
                complaint.id(),
                "agent-deadlines",
                UUID.randomUUID().toString(),
                "We are sorry, we are looking into it and will come back to you.");
        Case after = ((CaseResult.Done) replied).value();
        assertThat(after.answeredAt()).isNotNull();
        assertThat(after.overdue(cases.now())).isTrue();
        // the store's UPDATE ... CASE on both stores (review 2026-12-07 PostgreSQL follow-up): the
        // complaint stays open, and a later reply leaves the time of the first
        assertThat(after.status())
                .as("a holding line is not the final response")
                .isEqualTo(CaseStatus.OPEN);
        Case again = ((CaseResult.Done) cases.reply(
                        complaint.id(),
                        "agent-deadlines",
                        UUID.randomUUID().toString(),
                        "We found the double fee and are refunding it."))
                .value();
        assertThat(again.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(again.answeredAt()).isEqualTo(after.answeredAt());
        assertThat(cases.list(CaseStatus.OPEN, Cases.LIST_MAX))
                .anySatisfy(c -> assertThat(c.id()).isEqualTo(complaint.id()));
        String listed = signedIn(List.of("social"), Role.AGENT)
                .get("/console/listening/cases")
                .html();
        assertThat(listed).containsPattern("<tr data-case=\"" + complaint.id().value() + "\" class=\"overdue\"");

        Case publicMention = opened(seeded("Is the app down?", null, cases.now()), CaseKind.PUBLIC_MENTION);
        cases.reply(publicMention.id(), "agent-deadlines", UUID.randomUUID().toString(), "It is back, sorry.");
        assertThat(cases.find(publicMention.id()).orElseThrow().status())
                .as("a public mention's deadline is for the first reply")
                .isEqualTo(CaseStatus.ANSWERED);

        cases.close(complaint.id(), "agent-deadlines");
        assertThat(cases.find(complaint.id()).orElseThrow().overdue(cases.now()))
                .isFalse();
    }

    /** Issue 20 s2: staff name a topic and merge one into another; each change audited, the auditor only reads. */
    @Test
    void staffNameTopicsAndMergeOneIntoAnother() {
        FormClient agent = signedIn(List.of("social"), Role.AGENT);
        FormClient auditor = signedIn(List.of("compliance"), Role.AUDITOR);
        assertThat(auditor.get("/console/listening/topics").status()).isEqualTo(200);
        assertThat(auditor.post("/console/listening/topics/fees/name", "name", "x")
                        .status())
                .isEqualTo(403);
        assertThat(agent.get("/console/listening/topics").status()).isEqualTo(200);
        try {
            assertThat(agent.post("/console/listening/topics/fees/name", "name", "Charges and tariffs")
                            .html())
                    .contains("value=\"Charges and tariffs\"");
            Mention fee = seeded(
                    "Another ridiculous monthly fee on my account",
                    "tariffs",
                    clock.instant().minusSeconds(30));
            assertThat(fee.topic()).isEqualTo(Topic.FEES);
            assertThat(agent.get("/console/listening/mentions?source=news").html())
                    .contains("Charges and tariffs");

            Mention down = seeded(
                    "The app crashes every time I log in",
                    "crashes",
                    clock.instant().minusSeconds(20));
            assertThat(down.topic()).isEqualTo(Topic.APP_DOWN);
            assertThat(agent.post("/console/listening/topics/app_down/merge", "into", "transfer_delay")
                            .html())
                    .contains("data-topic=\"app_down\" data-merged=\"transfer_delay\"");
            assertThat(mentions.find(down.id()).orElseThrow().topic())
                    .as("moved")
                    .isEqualTo(Topic.TRANSFER_DELAY);
            assertThat(seeded("The app crashes again when I open it", "crashes", clock.instant())
                            .topic())
                    .as("filed under the merged-into topic")
                    .isEqualTo(Topic.TRANSFER_DELAY);
            assertThat(agent.post("/console/listening/topics/transfer_delay/merge", "into", "fees")
                            .html())
                    .contains("data-code=\"has_merged_topics\"");
            assertThat(agent.post("/console/listening/topics/fees/merge", "into", "app_down")
                            .html())
                    .contains("data-code=\"target_merged\"");

            assertThat(agent.post("/console/listening/topics/app_down/unmerge").html())
                    .doesNotContain("data-merged=\"transfer_delay\"");
            assertThat(seeded("The app crashes at login once more", "crashes", clock.instant())
                            .topic())
                    .isEqualTo(Topic.APP_DOWN);
            List<String> actions = new ArrayList<>();
            audit.forEach(row -> actions.add(row.what() + " " + row.subject() + " " + row.why()));
            assertThat(actions)
                    .contains(
                            "listening.topic.named topic:fees Charges and tariffs",
                            "listening.topic.unmerged topic:app_down ");
            assertThat(actions)
                    .anyMatch(
                            a -> a.matches(
                                    "listening\\.topic\\.merged topic:app_down into transfer_delay, [1-9][0-9]* mentions moved"));
        } finally {
            agent.post("/console/listening/topics/app_down/unmerge");
            agent.post("/console/listening/topics/fees/name", "name", "");
        }
    }

    @Test
    void readersReadActorsActAndOthersAreRefused() {
        Mention m = seeded(
                "The fees went up again, this is a scandal",
                "reporter",
                clock.instant().minusSeconds(60));
        String[] pages = {
            "/console/listening",
            "/console/listening/mentions?sentiment=negative&language=en",
            "/console/listening/cases",
            "/console/listening/spikes",
            "/console/listening/dashboard",
            "/console/listening/dashboard.csv"
        };
        FormClient agent = signedIn(List.of("social"), Role.AGENT);
        FormClient supervisor = signedIn(List.of("social"), Role.SUPERVISOR);
        FormClient auditor = signedIn(List.of("compliance"), Role.AUDITOR);
        FormClient campaigns = signedIn(List.of("social"), Role.CAMPAIGN_MANAGER);
        FormClient admin = signedIn(List.of("operations"), Role.ADMIN);
        FormClient cardsAgent = signedIn(List.of("cards"), Role.AGENT);
        for (String page : pages) {
            assertThat(agent.get(page).status()).as(page).isEqualTo(200);
            assertThat(supervisor.get(page).status()).as(page).isEqualTo(200);
            assertThat(auditor.get(page).status()).as(page).isEqualTo(200);
            for (FormClient refused : List.of(campaigns, admin, cardsAgent)) {
                FormClient.Page answer = refused.get(page);
                assertThat(answer.status()).as(page).isEqualTo(403);
                assertThat(answer.html()).contains("\"code\":\"forbidden\"");
            }
        }
        String open = "/console/listening/mentions/" + m.id() + "/case";
        auditor.get("/console/listening/mentions");
        assertThat(auditor.post(open, "kind", "public_mention").status()).isEqualTo(403);
        cardsAgent.get("/console");
        assertThat(cardsAgent.post(open, "kind", "public_mention").status()).isEqualTo(403);
        assertThat(new FormClient(port).get("/console/listening/cases").html()).doesNotContain("listening");
        supervisor.get("/console/listening/mentions");
        FormClient.Page opened = supervisor.post(open, "kind", "complaint");
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.html())
                .contains("data-status=\"open\"")
                .contains("The fees went up again")
                .contains("someone posts it by hand");
        String caseUrl = caseUrl(opened.html());
        assertThat(supervisor
                        .post(
                                caseUrl + "/reply",
                                "clientId",
                                UUID.randomUUID().toString(),
                                "text",
                                "We hear you and are reviewing our fees.")
                        .html())
                .as(
                        "a complaint stays open after a holding reply, until closed (review 2026-12-07 listening follow-up)")
                .contains("data-status=\"open\"")
                .contains("data-state=\"TO_POST\"");
        assertThat(supervisor
                        .post(caseUrl + "/close", "reason", "answered in public")
                        .html())
                .contains("data-status=\"closed\"");
        assertThat(auditor.get(caseUrl).status()).isEqualTo(200);
        assertThat(auditor.post(caseUrl + "/take").status()).isEqualTo(403);
        assertThat(supervisor.get("/console/listening/cases?status=closed").html())
                .contains(caseUrl);
        assertThat(supervisor.get("/console/listening/cases/not-a-case").status())
                .isEqualTo(404);
        assertThat(supervisor.get("/console/listening/mentions?sentiment=angry").html())
                .contains("\"code\":\"invalid_request\"");
        assertThat(supervisor.get("/console/listening/dashboard.csv").html())
                .startsWith("\"section\",\"day\",\"key\"")
                .contains("\"day_source\",")
                .contains("\"news\"");
    }

    @Test
    void aTweetBecomesACaseAndIsAnsweredInPublicOnX() {
        String author = "1400000000000000" + (100 + (int) (Math.random() * 800));
        String tweetId = Long.toString(1_870_000_000_000_000_000L + (long) (Math.random() * 1e15));
        tweet(
                tweetId,
                author,
                "customer_" + author.substring(16),
                "@" + BANK_NAME + " your app is down again, I cannot log in, terrible service");
        Mention m = fromX(tweetId);
        assertThat(m.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(m.language()).isEqualTo("en");

        FormClient agent = signedIn(List.of("social"), Role.AGENT);
        assertThat(agent.get("/console/listening/mentions?source=x").html()).contains("your app is down again");
        FormClient.Page page = agent.post("/console/listening/mentions/" + m.id() + "/case", "kind", "public_mention");
        assertThat(page.html()).contains("data-status=\"open\"").contains("posted under the mention on X");
        String caseUrl = caseUrl(page.html());

        FormClient.Page refused = agent.post(
                caseUrl + "/reply",
                "clientId",
                UUID.randomUUID().toString(),
                "text",
                "Please send your card 4970 1012 3456 7890");
        assertThat(refused.html()).contains("data-code=\"card_number\"").contains("must not contain a card number");
        agent.post(caseUrl + "/take");
        agent.post(caseUrl + "/note", "text", "Known incident, see status page");
        String reply = "Sorry for the trouble, the app is back. Write to us in private if it still fails.";
        FormClient.Page answered =
                agent.post(caseUrl + "/reply", "clientId", UUID.randomUUID().toString(), "text", reply);
        assertThat(answered.html())
                .contains("data-status=\"answered\"")
                .contains("data-state=\"QUEUED\"")
                .contains("Known incident");
        assertThat(x().awaitReply(tweetId)).isEqualTo(reply);

        List<String> actions = new ArrayList<>();
        audit.forEach(row -> actions.add(row.what() + " " + row.subject()));
        String caseId = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);
        assertThat(actions)
                .contains(
                        "listening.case.opened case:" + caseId + " mention:" + m.id(),
                        "listening.case.taken case:" + caseId,
                        "listening.case.noted case:" + caseId,
                        "listening.case.replied case:" + caseId);
    }

    @Test
    void anUnlinkedAuthorOnXIsWrittenToByDirectMessageWithNothingPersonalAndANewsAuthorNotAtAll() {
        String author = "1400000000000001" + (100 + (int) (Math.random() * 800));
        String tweetId = Long.toString(1_880_000_000_000_000_000L + (long) (Math.random() * 1e15));
        tweet(tweetId, author, "dm_" + author.substring(16), "@" + BANK_NAME + " my transfer is stuck since Monday");
        Mention m = fromX(tweetId);
        assertThat(m.reach()).isEqualTo(12L); // the tweet's user.followers_count
        FormClient agent = signedIn(List.of("social"), Role.AGENT);
        seeded("The fees are a scandal", "big_paper", clock.instant().minusSeconds(40), 90_000L);
        FormClient.Page dashboard = agent.get("/console/listening/dashboard");
        assertThat(dashboard.html())
                .contains("id=\"reach-authors\"")
                .contains("data-reach=\"90000\"")
                .contains("data-reach=\"12\"");
        assertThat(dashboard.html().indexOf("data-reach=\"90000\""))
                .isLessThan(dashboard.html().indexOf("data-reach=\"12\""));
        assertThat(agent.get("/console/listening/dashboard.csv").html())
                .contains("\"author_reach\"")
                .contains("\"news:big_paper\",\"1\",\"0\",\"\",\"\",\"\",\"90000\"");
        agent.get("/console/listening/mentions?source=x");
        FormClient.Page page = agent.post("/console/listening/mentions/" + m.id() + "/case", "kind", "public_mention");
        assertThat(page.html())
                .contains("data-network=\"x\"")
                .contains("data-linked=\"false\"")
                .contains("rules of a public reply apply");
        String caseUrl = caseUrl(page.html());
        assertThat(agent.post(
                                caseUrl + "/message",
                                "clientId",
                                UUID.randomUUID().toString(),
                                "text",
                                "Your balance is fine, the transfer is pending")
                        .html())
                .contains("data-code=\"balance\"");
        String dm = "Sorry for the wait. Could you tell us here when you sent it? We will look at once.";
        FormClient.Page sent =
                agent.post(caseUrl + "/message", "clientId", UUID.randomUUID().toString(), "text", dm);
        assertThat(sent.html()).contains("data-status=\"answered\"").contains("<li data-network=\"x\"");
        assertThat(x().awaitDirectMessage(author, dm)).isEqualTo(dm);

        Mention news = seeded(
                "Bank X raises its fees for students",
                "journalist",
                clock.instant().minusSeconds(30));
        FormClient.Page newsCase =
                agent.post("/console/listening/mentions/" + news.id() + "/case", "kind", "public_mention");
        assertThat(newsCase.html()).contains("no private way to this author");
        assertThat(agent.post(
                                caseUrl(newsCase.html()) + "/message",
                                "clientId",
                                UUID.randomUUID().toString(),
                                "text",
                                "Hello")
                        .html())
                .contains("data-code=\"no_private_channel\"");
        List<String> actions = new ArrayList<>();
        audit.forEach(row -> actions.add(row.what() + " " + row.subject()));
        assertThat(actions)
                .contains("listening.case.messaged " + caseUrl.replace("/console/listening/cases/", "case:"));
    }

    /**
     * Issues 19 (2.7) and 20 (3.7): a listening case handed to a person opens a conversation in the
     * console's queue of the social-care team, with the mention at the head of its transcript; the
     * case links it, is handed over once, and closes when the agent resolves the conversation.
     */
    @Test
    void aCaseHandedToAPersonOpensAConversationInTheQueueAndClosesWithIt() {
        String author = "1400000000000002" + (100 + (int) (Math.random() * 800));
        String tweetId = Long.toString(1_881_000_000_000_000_000L + (long) (Math.random() * 1e15));
        String text = "@" + BANK_NAME + " someone took money from my card last night, nobody answers the phone";
        tweet(tweetId, author, "ho_" + author.substring(16), text);
        Mention m = fromX(tweetId);
        FormClient agent = signedIn(List.of("social"), Role.AGENT);
        FormClient.Page page = agent.post("/console/listening/mentions/" + m.id() + "/case", "kind", "public_mention");
        String caseUrl = caseUrl(page.html());
        assertThat(page.html()).contains("id=\"hand-over\"").doesNotContain("id=\"handoff\"");

        FormClient.Page handed = agent.post(caseUrl + "/handoff");
        Matcher link =
                Pattern.compile("id=\"handoff\" data-case=\"([0-9a-f-]{36})\"").matcher(handed.html());
        assertThat(link.find())
                .as("the conversation linked on the case: " + handed.html())
                .isTrue();
        String conversation = "/console/conversations/" + link.group(1);
        assertThat(handed.html()).doesNotContain("id=\"hand-over\"").contains("data-status=\"open\"");
        assertThat(agent.post(caseUrl + "/handoff").html()).contains("data-code=\"handed_over\"");

        assertThat(agent.get("/console/conversations").html()).contains(link.group(1));
        FormClient.Page transcript = agent.get(conversation + "?lang=en");
        assertThat(transcript.html())
                .contains("From social listening")
                .contains("someone took money from my card")
                .contains(caseUrl);
        agent.post(conversation + "/take");
        agent.post(conversation + "/resolve");
        assertThat(agent.get(caseUrl).html()).contains("data-status=\"closed\"").contains(link.group(1));

        Mention news = seeded(
                "Bank X is hiding a fraud wave", "journalist", clock.instant().minusSeconds(30));
        String newsCase =
                caseUrl(agent.post("/console/listening/mentions/" + news.id() + "/case", "kind", "public_mention")
                        .html());
        assertThat(agent.post(newsCase + "/handoff").html()).contains("data-code=\"no_handover_chat\"");
        List<String> actions = new ArrayList<>();
        audit.forEach(row -> actions.add(row.what() + " " + row.subject()));
        assertThat(actions)
                .contains("listening.case.handed-over " + caseUrl.replace("/console/listening/cases/", "case:")
                        + " conversation:" + link.group(1));
    }

    @Test
    void aTelegramGroupPostNamingTheBankBecomesAMentionAndIsAnsweredInTheGroup() {
        String group = "-100" + (1_000_000_000L + (long) (Math.random() * 8e9));
        long user = 500_000_000L + (long) (Math.random() * 1e8);
        long first = 10 + (long) (Math.random() * 1e6);
        telegram().members(group, 5_400);
        groupPost(group, user, first, "Lunch at noon anyone?");
        groupPost(group, user, first + 1, "SocialBank froze my card again, worst bank ever");
        groupPost(group, user + 1, first + 2, "@bank_bot где мой перевод? уже три дня жду, ужасно");
        groupPost(group, user + 2, first + 3, "我的卡又被社交银行冻结了，太差了");
        groupPost(group, user + 3, first + 4, "socialbanking is a buzzword"); // not the bank's name as a word
        List<Mention> kept = mentions
                .list(new MentionFilter(
                        clock.instant().minus(Duration.ofDays(1)),
                        clock.instant().plusSeconds(60),
                        "telegram",
                        null,
                        null,
                        null,
                        500))
                .stream()
                .filter(x -> x.sourceId().startsWith(group + ":"))
                .toList();
        assertThat(kept)
                .extracting(Mention::sourceId)
                .containsExactlyInAnyOrder(
                        group + ":" + (first + 1), group + ":" + (first + 2), group + ":" + (first + 3));
        Mention card = kept.stream()
                .filter(x -> x.sourceId().endsWith(":" + (first + 1)))
                .findFirst()
                .orElseThrow();
        assertThat(card.author()).isEqualTo(Long.toString(user));
        assertThat(card.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(kept).extracting(Mention::language).contains("en", "ru", "zh");
        // a group author's reach is the group's audience, asked of the Bot API once for the five posts
        assertThat(kept).extracting(Mention::reach).containsOnly(5_400L);
        assertThat(telegram().calls(BOT_TOKEN, "getChatMemberCount").stream()
                        .filter(c -> c.body().path("chat_id").asString("").equals(group)))
                .hasSize(1);

        FormClient agent = signedIn(List.of("social"), Role.AGENT);
        agent.get("/console/listening/mentions?source=telegram");
        FormClient.Page page =
                agent.post("/console/listening/mentions/" + card.id() + "/case", "kind", "public_mention");
        assertThat(page.html()).contains("data-sender=\"group\"").contains("posted in the group");
        String caseUrl = caseUrl(page.html());
        assertThat(agent.post(
                                caseUrl + "/reply",
                                "clientId",
                                UUID.randomUUID().toString(),
                                "text",
                                "Call us on +44 20 7946 0000")
                        .html())
                .contains("data-code=\"phone_number\"");
        // review of the public group replies: amounts a group once saw, and any number, are refused
        assertThat(agent.post(
                                caseUrl + "/reply",
                                "clientId",
                                UUID.randomUUID().toString(),
                                "text",
                                "We refunded 500,000 rials to you")
                        .html())
                .contains("data-code=\"amount\"");
        assertThat(agent.post(
                                caseUrl + "/reply",
                                "clientId",
                                UUID.randomUUID().toString(),
                                "text",
                                "your ۴۵۰۰ refund is on its way")
                        .html())
                .contains("data-code=\"number\"")
                .contains("must not contain any number");
        String reply = "Sorry about your card. Please write to us in private and we will look at it.";
        assertThat(agent.post(caseUrl + "/reply", "clientId", UUID.randomUUID().toString(), "text", reply)
                        .html())
                .contains("data-state=\"QUEUED\"");
        telegram()
                .await(
                        calls -> telegram().sent(BOT_TOKEN, group).stream()
                                .anyMatch(c -> c.text().equals(reply)),
                        Duration.ofSeconds(30));
        FakeTelegramApi.Call answer = telegram().sent(BOT_TOKEN, group).stream()
                .filter(c -> c.text().equals(reply))
                .findFirst()
                .orElseThrow();
        assertThat(answer.body().path("reply_to_message_id").asLong()).isEqualTo(first + 1);
        assertThat(telegram().sent(BOT_TOKEN, group))
                .noneMatch(c -> c.text().contains("Call us")
                        || c.text().contains("rials")
                        || c.text().contains("refund"));
    }

    /** Posts a Telegram update to the bank's bot webhook: a person's text in a supergroup. */
    void groupPost(String group, long user, long messageId, String text) {
        ObjectNode update = JSON.createObjectNode().put("update_id", messageId + 7_000_000_000L);
        ObjectNode message = update.putObject("message")
                .put("message_id", messageId)
                .put("date", clock.instant().minusSeconds(20).getEpochSecond())
                .put("text", text);
        message.putObject("from")
                .put("id", user)
                .put("is_bot", false)
                .put("first_name", "Member")
                .put("username", "member" + user);
        message.putObject("chat")
                .put("id", Long.parseLong(group))
                .put("type", "supergroup")
                .put("title", "Expats");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/telegram/bank"))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", "listening-cases-secret")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(update)))
                .build();
        postedOk(request);
    }

    @Test
    void aSeededBurstRaisesOneSpikeAlertInTheStaffChatHoweverOftenTheScanRuns() {
        Instant now = clock.instant();
        String[] burst = {
            "Card blocked again at the shop, what a disaster",
            "my card got blocked for no reason, awful",
            "Blocked card, third time this week. Useless bank",
            "why is my card blocked?? terrible",
            "card blocked abroad, can't pay anything, horrible",
            "They blocked my card again, I am furious",
            "card blocked, support does not answer, worst bank",
            "my debit card is blocked, this is a nightmare"
        };
        for (int i = 0; i < burst.length; i++) {
            seeded(burst[i], "burst" + i, now.minusSeconds(60L * (i + 1)));
        }
        List<SpikeAlert> first = alerts.raise();
        List<SpikeAlert> second = alerts.raise();
        assertThat(first).anyMatch(a -> a.topic() == Topic.CARD_BLOCKED);
        assertThat(second).isEmpty();
        SpikeAlert alert = first.stream()
                .filter(a -> a.topic() == Topic.CARD_BLOCKED)
                .findFirst()
                .orElseThrow();
        assertThat(alert.words()).isNotEmpty();
        assertThat(alert.examples()).isNotEmpty();

        telegram()
                .await(calls -> telegram().sent(BOT_TOKEN, STAFF_CHAT).size() >= first.size(), Duration.ofSeconds(30));
        // every alert row was written before: once none waits for the relay, a second delivery would have come
        Await.until(
                () -> jdbc.sql("SELECT COUNT(*) FROM outbox_messages WHERE recipient = ? AND status = 'PENDING'")
                                .param(STAFF_CHAT)
                                .query(Long.class)
                                .single()
                        == 0,
                "the relay has nothing left for the staff chat");
        List<FakeTelegramApi.Call> sent = telegram().sent(BOT_TOKEN, STAFF_CHAT);
        assertThat(sent).hasSize(first.size());
        assertThat(sent).anyMatch(c -> c.text().startsWith("Spike alert: card blocked"));

        FormClient agent = signedIn(List.of("social"), Role.AGENT);
        FormClient.Page spikes = agent.get("/console/listening/spikes");
        assertThat(spikes.html()).contains("data-alert=\"" + alert.id() + "\"").contains("card blocked");
        FormClient.Page acknowledged = agent.post("/console/listening/spikes/" + alert.id() + "/acknowledge");
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.html()).doesNotContain("data-alert=\"" + alert.id() + "\"");
        assertThat(agent.post("/console/listening/spikes/" + alert.id() + "/acknowledge")
                        .status())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("review 2026-12-07 console #2: a card number and a PIN in a mention never reach the listening pages")
    void aCardNumberAndAPinInAMentionNeverReachTheListeningPages() {
        String author = "1400000000000003" + (100 + (int) (Math.random() * 800));
        String tweetId = Long.toString(1_882_000_000_000_000_000L + (long) (Math.random() * 1e15));
        tweet(
                tweetId,
                author,
                "pin_" + author.substring(16),
                "@" + BANK_NAME + " my card 4111 1111 1111 1111 PIN 4821 got blocked again, terrible bank");
        Mention m = fromX(tweetId);
        assertThat(m.text())
                .doesNotContain("4111 1111 1111")
                .doesNotContain("4821")
                .contains("1111 PIN ••••");
        // listening still reads the screened text: the words around the secrets carry it
        assertThat(m.topic()).isEqualTo(Topic.CARD_BLOCKED);
        assertThat(m.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(jdbc.sql("SELECT body FROM listening_mentions WHERE id = ?")
                        .param(m.id().value())
                        .query(String.class)
                        .single())
                .as("stored screened")
                .doesNotContain("4821");

        // a mention and a spike alert stored before the screening, as they are in the table
        String raw = "Blocked again, card 4970 1012 3456 7893 and my pin 7305";
        UUID old = UUID.randomUUID();
        jdbc.sql("INSERT INTO listening_mentions (id, source, source_id, body, text_key, author, language, sentiment, "
                        + "score_milli, topic, corrected, created_at, received_at) "
                        + "VALUES (?, 'news', ?, ?, 'k', 'old', 'en', 'negative', -800, 'card_blocked', FALSE, ?, ?)")
                .params(
                        old,
                        old.toString(),
                        raw,
                        clock.instant().minusSeconds(50).atOffset(java.time.ZoneOffset.UTC),
                        clock.instant().minusSeconds(50).atOffset(java.time.ZoneOffset.UTC))
                .update();
        UUID alert = UUID.randomUUID();
        Instant raised = clock.instant().minus(Duration.ofHours(3));
        jdbc.sql("INSERT INTO listening_spike_alerts (id, topic, kind, bucket_start, window_start, window_end, "
                        + "mention_count, baseline_milli, severity, words, examples, raised_at) "
                        + "VALUES (?, 'other', 'NEGATIVITY', ?, ?, ?, 9, 1000, 4, '4970101234567893 blocked', ?, ?)")
                .params(
                        alert,
                        raised.atOffset(java.time.ZoneOffset.UTC),
                        raised.minus(Duration.ofHours(1)).atOffset(java.time.ZoneOffset.UTC),
                        raised.atOffset(java.time.ZoneOffset.UTC),
                        old + "\tnews\t" + raw,
                        raised.atOffset(java.time.ZoneOffset.UTC))
                .update();

        FormClient agent = signedIn(List.of("social"), Role.AGENT);
        FormClient.Page list = agent.get("/console/listening/mentions");
        assertThat(list.html()).contains("got blocked again").contains("Blocked again, card");
        FormClient.Page opened =
                agent.post("/console/listening/mentions/" + m.id() + "/case", "kind", "public_mention");
        FormClient.Page oldCase = agent.post("/console/listening/mentions/" + old + "/case", "kind", "complaint");
        FormClient.Page spikes = agent.get("/console/listening/spikes");
        assertThat(spikes.html()).contains("data-alert=\"" + alert + "\"");
        for (FormClient.Page page : List.of(list, opened, oldCase, spikes)) {
            assertThat(page.html())
                    .doesNotContain("4111 1111 1111")
                    .doesNotContain("4821")
                    .doesNotContain("4970 1012 3456")
                    .doesNotContain("4970101234567893")
                    .doesNotContain("7305");
        }
        assertThat(opened.html()).contains("got blocked again");
        assertThat(oldCase.html()).contains("7893 and my pin ••••");
        assertThat(spikes.html()).contains("7893 and my pin ••••");
    }

    /** The mention a tweet posted to the X webhook became, once it is there. */
    Mention fromX(String tweetId) {
        return await(
                () -> mentions
                        .list(new MentionFilter(
                                clock.instant().minus(Duration.ofDays(1)),
                                clock.instant().plusSeconds(60),
                                "x",
                                null,
                                null,
                                null,
                                100))
                        .stream()
                        .filter(x -> x.sourceId().equals(tweetId))
                        .findFirst()
                        .orElse(null),
                "the tweet as a mention");
    }

    static String caseUrl(String html) {
        Matcher m = Pattern.compile("/console/listening/cases/([0-9a-f-]{36})/reply")
                .matcher(html);
        assertThat(m.find()).as("a case page").isTrue();
        return "/console/listening/cases/" + m.group(1);
    }

    /** Posts a signed Account Activity event: a public tweet that mentions the bank. */
    void tweet(String tweetId, String userId, String handle, String text) {
        ObjectNode payload = JSON.createObjectNode().put("for_user_id", BANK_ID);
        ObjectNode tweet = payload.putArray("tweet_create_events").addObject();
        tweet.put(
                        "created_at",
                        java.time.format.DateTimeFormatter.ofPattern(
                                        "EEE MMM dd HH:mm:ss Z yyyy", java.util.Locale.ENGLISH)
                                .format(clock.instant().minusSeconds(30).atZone(java.time.ZoneOffset.UTC)))
                .put("id_str", tweetId)
                .put("text", text)
                .put("truncated", false)
                .put("is_quote_status", false);
        tweet.putObject("user")
                .put("id_str", userId)
                .put("screen_name", handle)
                .put("name", handle)
                .put("followers_count", 12);
        ObjectNode entities = tweet.putObject("entities");
        entities.putArray("hashtags");
        entities.putArray("urls");
        entities.putArray("user_mentions")
                .addObject()
                .put("screen_name", BANK_NAME)
                .put("id_str", BANK_ID);
        byte[] body = JSON.writeValueAsBytes(payload);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/x"))
                .header("Content-Type", "application/json")
                .header("x-twitter-webhooks-signature", "sha256=" + hmac(X_SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        postedOk(request);
    }

    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T await(java.util.function.Supplier<T> value, String what) {
        return Await.until(value, v -> v != null, Await.DEFAULT, v -> what);
    }

    /** X's API as far as public replies go: records {@code POST /2/tweets}, accepts DMs, knows no user. */
    static final class TweetsFake implements AutoCloseable {

        record Reply(String inReplyTo, String text) {}

        record DirectMessage(String to, String text) {}

        private final HttpServer server;
        private final List<Reply> replies = new CopyOnWriteArrayList<>();
        private final List<DirectMessage> directMessages = new CopyOnWriteArrayList<>();

        TweetsFake() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    String path = exchange.getRequestURI().getPath();
                    byte[] raw = in.readAllBytes();
                    String answer;
                    int status = 201;
                    if ("POST".equals(exchange.getRequestMethod()) && path.equals("/2/tweets")) {
                        var body = JSON.readTree(raw);
                        replies.add(new Reply(
                                body.path("reply").path("in_reply_to_tweet_id").asString(""),
                                body.path("text").asString("")));
                        answer = "{\"data\":{\"id\":\"1\",\"text\":\"ok\"}}";
                    } else if ("POST".equals(exchange.getRequestMethod()) && path.startsWith("/2/dm_conversations/")) {
                        String to = path.replaceAll("^/2/dm_conversations/with/([^/]+)/messages$", "$1");
                        directMessages.add(new DirectMessage(
                                to, JSON.readTree(raw).path("text").asString("")));
                        answer = "{\"data\":{\"dm_conversation_id\":\"1-2\",\"dm_event_id\":\"3\"}}";
                    } else {
                        status = 404;
                        answer = "{\"title\":\"Not Found Error\"}";
                    }
                    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(status, bytes.length);
                    exchange.getResponseBody().write(bytes);
                } finally {
                    exchange.close();
                }
            });
            server.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        /** The text of the bank's reply to this tweet that is not the engine's own answer, once it came. */
        String awaitReply(String tweetId) {
            return await(
                    () -> replies.stream()
                            .filter(r -> r.inReplyTo().equals(tweetId))
                            .map(Reply::text)
                            .filter(t -> t.startsWith("Sorry for the trouble"))
                            .findFirst()
                            .orElse(null),
                    "the public reply to " + tweetId);
        }

        /** The bank's direct message with this text to this user, once it came. */
        String awaitDirectMessage(String userId, String text) {
            return await(
                    () -> directMessages.stream()
                            .filter(d -> d.to().equals(userId) && d.text().equals(text))
                            .map(DirectMessage::text)
                            .findFirst()
                            .orElse(null),
                    "a direct message to " + userId);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Sends a webhook and expects the platform's 200 (one place for both channels' posts). */
    private static void postedOk(HttpRequest request) {
        try {
            assertThat(HttpClient.newHttpClient()
                            .send(request, HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
