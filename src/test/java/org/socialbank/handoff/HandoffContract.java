package org.socialbank.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Conversations;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.Received;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.IdentityId;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 19 on a real store: while a person (or the queue) owns a conversation the bot says
 * nothing, counted in outbox rows; requests for a person in five languages; agents' replies once
 * per client id, within the channels' reply windows; fair order and capacity; ratings.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"socialbank.conversation.relay-enabled=false", "socialbank.handoff.customer-lines-cap=100"})
@Import(HandoffContract.Fakes.class)
abstract class HandoffContract {

    @Autowired
    Conversations conversations;

    @Autowired
    Handoffs handoffs;

    @Autowired
    AgentReplies replies;

    @Autowired
    Keywords keywords;

    @Autowired
    HandoffViews views;

    @Autowired
    JdbcHandoffs store;

    @Autowired
    QueueJanitor janitor;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    @Autowired
    ChannelIdentities identities;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    AgentId agent;
    String team;

    @BeforeEach
    void anAgent() {
        // a team of its own per test: the cases of other tests never reach this agent
        team = "t" + UUID.randomUUID().toString().substring(0, 8);
        agent = new AgentId("agent-" + UUID.randomUUID());
        // not available for new cases (only where a test says so); a takeover is the agent's own choice
        assertThat(handoffs.saveAgent(
                        agent,
                        "Dana",
                        3,
                        false,
                        Set.of(team, "support"),
                        Set.of(Language.EN, Language.FR, Language.RU, Language.FA, Language.ZH)))
                .isEmpty();
    }

    @Test
    @DisplayName("issue 19 (Done means): during a takeover 100 customer messages produce zero bot replies")
    void aHundredMessagesDuringATakeoverGetNoBotReply() {
        String chat = "tg-" + UUID.randomUUID();
        assertThat(say(Network.TELEGRAM, chat, new Inbound.Text("help"))).hasSize(1);
        IdentityId identity = identity(Network.TELEGRAM, chat);
        HandoffResult taken = handoffs.takeOver(agent, identity);
        assertThat(taken).isInstanceOf(HandoffResult.Done.class);
        CaseId id = ((HandoffResult.Done) taken).caseId();
        assertThat(handoffs.owner(identity)).isEqualTo(new Owner.Agent(id, agent));
        long before = outboxRows(identity);
        List<Inbound> kinds = List.of(
                new Inbound.Text("balance"),
                new Inbound.Text("help"),
                new Inbound.Text("pay @bob 10"),
                new Inbound.Text("qwzx plorf"),
                new Inbound.Text("talk to a human"),
                new Inbound.Start(),
                new Inbound.Location(48.85, 2.35),
                new Inbound.Text("language fr"),
                new Inbound.Button("stale-reference-0000000"),
                new Inbound.Text("история"));
        for (int i = 0; i < 100; i++) {
            Received received = from(Network.TELEGRAM, chat, kinds.get(i % kinds.size()));
            assertThat(received).isInstanceOf(Received.Handled.class);
            assertThat(((Received.Handled) received).replies())
                    .as("replies to message %d", i)
                    .isEmpty();
        }
        assertThat(outboxRows(identity)).isEqualTo(before);
        assertThat(views.transcript(agent, id).orElseThrow().stream()
                        .filter(l -> l.author().equals("CUSTOMER")))
                .hasSize(100);

        assertThat(handoffs.handBack(agent, id)).isInstanceOf(HandoffResult.Done.class);
        assertThat(outboxRows(identity)).isEqualTo(before + 1); // "you are back with the assistant"
        assertThat(handoffs.owner(identity)).isEqualTo(new Owner.Bot());
        assertThat(text(say(Network.TELEGRAM, chat, new Inbound.Text("help")).get(0)))
                .contains("balance");
    }

    @Test
    @DisplayName("issue 19: a request for a person in each of five languages queues the conversation, told its place")
    void askingForAPersonInFiveLanguages() {
        List<String> asks = List.of(
                "I want to talk to a human please",
                "Je voudrais parler à un conseiller",
                "Соедините с оператором",
                "می‌خواهم با اپراتور صحبت کنم",
                "我要转人工");
        List<String> told = List.of("number", "numéro", "очереди", "نوبت", "队列");
        for (int i = 0; i < asks.size(); i++) {
            String chat = "tg-" + UUID.randomUUID();
            List<Outbound> answer = say(Network.TELEGRAM, chat, new Inbound.Text(asks.get(i)));
            assertThat(answer).as(asks.get(i)).hasSize(1);
            assertThat(text(answer.get(0))).as(asks.get(i)).contains(told.get(i));
            assertThat(handoffs.owner(identity(Network.TELEGRAM, chat))).isInstanceOf(Owner.Queue.class);
            assertThat(say(Network.TELEGRAM, chat, new Inbound.Text("balance"))).isEmpty(); // the bot is quiet
        }
    }

    @Test
    @DisplayName("issue 19: an agent's reply goes to the customer's channel once per client id")
    void anAgentsReplyIsSentOncePerClientId() {
        String chat = "tg-" + UUID.randomUUID();
        say(Network.TELEGRAM, chat, new Inbound.Text("hello"));
        IdentityId identity = identity(Network.TELEGRAM, chat);
        CaseId id = ((HandoffResult.Done) handoffs.takeOver(agent, identity)).caseId();
        long before = outboxRows(identity);
        HandoffResult first = replies.reply(agent, id, "client-1", "Hello, I am looking at it.");
        HandoffResult again = replies.reply(agent, id, "client-1", "Hello, I am looking at it.");
        assertThat(first).isInstanceOf(HandoffResult.Done.class);
        assertThat(again).isEqualTo(new HandoffResult.Done(id, ((HandoffResult.Done) first).outboxId(), true));
        assertThat(outboxRows(identity)).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT channel, recipient FROM outbox_messages WHERE id = ?")
                        .param(((HandoffResult.Done) first).outboxId().orElseThrow())
                        .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2))
                        .single())
                .isEqualTo("telegram/" + chat);
        assertThat(views.find(id).orElseThrow().firstResponseAt()).isPresent();

        AgentId other = new AgentId("other-" + UUID.randomUUID());
        handoffs.saveAgent(other, "Eli", 3, true, Set.of(team), Set.of(Language.EN));
        assertThat(replies.reply(other, id, "client-2", "Me too"))
                .isEqualTo(new HandoffResult.Refused(HandoffRefusal.NOT_YOURS));
    }

    @Test
    @DisplayName("review of agents' replies: a card number or a code in a reply is refused, nothing sent or kept")
    void anAgentsReplyWithASecretIsRefused() {
        String chat = "tg-" + UUID.randomUUID();
        CaseId id = takenOver(Network.TELEGRAM, chat);
        IdentityId identity = identity(Network.TELEGRAM, chat);
        long before = outboxRows(identity);
        int lines = views.transcript(agent, id).orElseThrow().size();
        for (String text : List.of("Is this your card 4111 1111 1111 1111?", "your code is 123456")) {
            assertThat(replies.reply(agent, id, "secret-1", text))
                    .as(text)
                    .isEqualTo(new HandoffResult.Refused(HandoffRefusal.SECRET));
        }
        assertThat(outboxRows(identity)).isEqualTo(before);
        assertThat(views.transcript(agent, id).orElseThrow()).hasSize(lines);
        assertThat(views.find(id).orElseThrow().firstResponseAt()).isEmpty();

        // the same click's id may carry the corrected text: nothing was kept under it
        assertThat(replies.reply(agent, id, "secret-1", "Thank you, I am checking your card now."))
                .isInstanceOf(HandoffResult.Done.class);
        assertThat(outboxRows(identity)).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("issue 19: eight concurrent sends of one client id write one reply")
    void concurrentSendsOfOneClientIdWriteOneReply() throws Exception {
        String chat = "tg-" + UUID.randomUUID();
        say(Network.TELEGRAM, chat, new Inbound.Text("hello"));
        IdentityId identity = identity(Network.TELEGRAM, chat);
        CaseId id = ((HandoffResult.Done) handoffs.takeOver(agent, identity)).caseId();
        long before = outboxRows(identity);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<HandoffResult>> sends = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sends.add(pool.submit(() -> {
                    start.await();
                    return replies.reply(agent, id, "same-click", "One moment please.");
                }));
            }
            start.countDown();
            java.util.Set<java.util.Optional<UUID>> outboxIds = new java.util.HashSet<>();
            for (java.util.concurrent.Future<HandoffResult> send : sends) {
                outboxIds.add(((HandoffResult.Done) send.get(30, java.util.concurrent.TimeUnit.SECONDS)).outboxId());
            }
            assertThat(outboxIds).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(outboxRows(identity)).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("issue 19: outside WhatsApp's 24-hour window free text is refused, a template goes")
    void whatsAppsReplyWindow() {
        String chat = "wa-" + UUID.randomUUID();
        say(Network.WHATSAPP, chat, new Inbound.Text("hello"));
        IdentityId identity = identity(Network.WHATSAPP, chat);
        CaseId id = ((HandoffResult.Done) handoffs.takeOver(agent, identity)).caseId();
        assertThat(replies.reply(agent, id, "w-1", "Within the window")).isInstanceOf(HandoffResult.Done.class);
        assertThat(replies.window(id)).isInstanceOf(ReplyWindow.Open.class);
        clock.advance(Duration.ofHours(25));
        assertThat(replies.reply(agent, id, "w-2", "Too late"))
                .isEqualTo(new HandoffResult.Refused(HandoffRefusal.WINDOW_CLOSED));
        assertThat(replies.template(agent, id, "w-3", "follow_up")).isInstanceOf(HandoffResult.Done.class);
        say(Network.WHATSAPP, chat, new Inbound.Text("I am back"));
        assertThat(replies.reply(agent, id, "w-4", "Welcome back")).isInstanceOf(HandoffResult.Done.class);
    }

    @Test
    @DisplayName(
            "issue 19: a card number typed during a takeover is masked in the transcript, answered by a warning only")
    void aSecretDuringATakeover() {
        String chat = "tg-" + UUID.randomUUID();
        CaseId id = takenOver(Network.TELEGRAM, chat);
        List<Outbound> answer = say(Network.TELEGRAM, chat, new Inbound.Text("my card is 4111 1111 1111 1111"));
        assertThat(answer).hasSize(1);
        assertThat(text(answer.get(0))).contains("never send card numbers");
        List<JdbcHandoffs.Line> lines = views.transcript(agent, id).orElseThrow();
        assertThat(lines.get(lines.size() - 1).body()).isEqualTo("my card is •••• •••• •••• 1111");
    }

    @Test
    @DisplayName("a card number in a private note is kept masked, its last four digits kept"
            + " (review 2026-12-07 security follow-up)")
    void aSecretInAPrivateNoteIsMasked() {
        CaseId id = takenOver(Network.TELEGRAM, "tg-" + UUID.randomUUID());
        assertThat(replies.note(agent, id, "  customer read out 4111 1111 1111 1111, pin 4821  "))
                .isInstanceOf(HandoffResult.Done.class);
        List<JdbcHandoffs.Line> lines = views.transcript(agent, id).orElseThrow();
        assertThat(lines.get(lines.size() - 1).body()).isEqualTo("customer read out •••• •••• •••• 1111, pin ••••");
    }

    @Test
    @DisplayName("issue 19: a STOP during a takeover still withdraws marketing and is confirmed")
    void aStopDuringATakeoverIsConfirmed() {
        String chat = "tg-" + UUID.randomUUID();
        say(Network.TELEGRAM, chat, new Inbound.Text("hello"));
        handoffs.takeOver(agent, identity(Network.TELEGRAM, chat));
        assertThat(say(Network.TELEGRAM, chat, new Inbound.Text("STOP"))).hasSize(1);
    }

    @Test
    @DisplayName("issue 19: resolving asks for a one-tap rating, taken once, reported per agent and team")
    void resolvingAsksForARating() {
        Instant since = clock.instant();
        String chat = "tg-" + UUID.randomUUID();
        say(Network.TELEGRAM, chat, new Inbound.Text("hello"));
        IdentityId identity = identity(Network.TELEGRAM, chat);
        CaseId id = ((HandoffResult.Done) handoffs.takeOver(agent, identity)).caseId();
        assertThat(handoffs.resolve(agent, id)).isInstanceOf(HandoffResult.Done.class);
        assertThat(handoffs.resolve(agent, id)).isEqualTo(new HandoffResult.Refused(HandoffRefusal.CLOSED));
        String press = "hcsat:" + id.value() + ":5";
        assertThat(text(say(Network.TELEGRAM, chat, new Inbound.Button(press)).get(0)))
                .contains("Thank you");
        assertThat(text(say(Network.TELEGRAM, chat, new Inbound.Button(press)).get(0)))
                .contains("out of date");
        assertThat(views.ratings(false, since)).contains(new JdbcHandoffs.Ratings(agent.value(), 1, 5));
    }

    @Test
    @DisplayName("issue 19: action links and payment forms go only to the bank's own pages, and only to linked chats")
    void actionLinksOnlyToTheBanksPagesAndLinkedChats() {
        String chat = "tg-" + UUID.randomUUID();
        CaseId id = takenOver(Network.TELEGRAM, chat);
        assertThat(replies.actionLink(
                        agent,
                        id,
                        "l1-" + id.value(),
                        AgentReplies.Action.CARD_LOCK,
                        java.net.URI.create("https://bank.example.evil/cards")))
                .isEqualTo(new HandoffResult.Refused(HandoffRefusal.FOREIGN_LINK));
        assertThat(replies.actionLink(
                        agent,
                        id,
                        "l2-" + id.value(),
                        AgentReplies.Action.PAGE,
                        replies.payFormPage("$bob", 100, "EUR")))
                .isEqualTo(new HandoffResult.Refused(HandoffRefusal.NOT_LINKED));
        assertThat(replies.payForm(agent, id, "l3-" + id.value(), "$bob", 100, "EUR"))
                .isEqualTo(new HandoffResult.Refused(HandoffRefusal.NOT_LINKED));
        assertThat(replies.payForm(agent, id, "l4-" + id.value(), "$bob", 0, "EUR"))
                .isEqualTo(new HandoffResult.Refused(HandoffRefusal.INVALID));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pay_form_links")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    @DisplayName(
            "issues 19 and 20: a web-chat rating's comment becomes a listening mention of source webchat, secrets masked")
    void aWebChatRatingsCommentBecomesAMention() {
        String chat = "wc-" + UUID.randomUUID();
        CaseId id = takenOver(Network.WEBCHAT, chat);
        assertThat(handoffs.resolve(agent, id)).isInstanceOf(HandoffResult.Done.class);
        assertThat(text(say(Network.WEBCHAT, chat, new Inbound.Button("hcsat:" + id.value() + ":2"))
                        .get(0)))
                .contains("tell us more");
        List<Outbound> answer = say(
                Network.WEBCHAT,
                chat,
                new Inbound.Text("The agent was slow and the fee is still on my card 4111 1111 1111 1111, terrible"));
        assertThat(answer).hasSize(1);
        assertThat(text(answer.get(0))).contains("passed your comment on");
        var mention = jdbc.sql("SELECT body, sentiment, author FROM listening_mentions WHERE source = 'webchat' "
                        + "AND source_id = ?")
                .param("rating:" + id.value() + ":2")
                .query()
                .singleRow();
        assertThat((String) mention.get("body"))
                .contains("the fee is still on my card")
                .endsWith("1111, terrible")
                .doesNotContain("4111 1111 1111 1111");
        assertThat(mention.get("sentiment")).isEqualTo("negative");
        assertThat(mention.get("author")).isEqualTo(chat);
        // one comment per rating: the next text is the bot's again, and a Telegram rating asks for none
        assertThat(say(Network.WEBCHAT, chat, new Inbound.Text("what is my balance")).stream()
                        .map(HandoffContract::text))
                .noneMatch(t -> t.contains("passed your comment on"));
        String telegram = "tg-" + UUID.randomUUID();
        CaseId other = takenOver(Network.TELEGRAM, telegram);
        handoffs.resolve(agent, other);
        assertThat(text(say(Network.TELEGRAM, telegram, new Inbound.Button("hcsat:" + other.value() + ":4"))
                        .get(0)))
                .contains("Thank you")
                .doesNotContain("tell us more");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM listening_mentions WHERE source_id LIKE ?")
                        .param("rating:" + other.value() + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    @DisplayName(
            "issue 19: a fraud keyword goes before older cases; an agent at capacity gets the next when one closes")
    void fraudFirstWithinCapacity() {
        assertThat(keywords.set(agent, Set.of(team), new Keywords.Keyword("Fraud", team, true)))
                .isEmpty();
        handoffs.saveAgent(agent, "Dana", 1, false, Set.of(team), Set.of(Language.EN));
        String first = open(team);
        String second = open(team);
        String fraud = "tg-" + UUID.randomUUID();
        assertThat(say(Network.TELEGRAM, fraud, new Inbound.Text("I think this is fraud!")))
                .hasSize(1);
        HandoffCase fraudCase = views.find(caseOf(fraud)).orElseThrow();
        assertThat(fraudCase.priority()).isEqualTo(1);
        assertThat(fraudCase.team()).isEqualTo(team);

        handoffs.setAvailable(agent, true); // room for one: the fraud case, though it came last
        assertThat(views.find(caseOf(fraud)).orElseThrow().agent()).contains(agent);
        assertThat(views.find(caseOf(first)).orElseThrow().status()).isEqualTo(HandoffCase.Status.QUEUED);
        handoffs.resolve(agent, caseOf(fraud));
        assertThat(views.find(caseOf(first)).orElseThrow().agent()).contains(agent); // then the oldest
        assertThat(views.find(caseOf(second)).orElseThrow().status()).isEqualTo(HandoffCase.Status.QUEUED);
        keywords.remove("fraud");
    }

    @Test
    @DisplayName(
            "issue 19: answers the assistant was unsure of, twice in a row, hand the conversation to a person on duty")
    void unsureAnswersHandOver() {
        String chat = "tg-" + UUID.randomUUID();
        assertThat(say(Network.TELEGRAM, chat, new Inbound.Text("qwzx plorf"))).hasSize(1);
        assertThat(say(Network.TELEGRAM, chat, new Inbound.Text("blorp zing")))
                .as("nobody on duty")
                .hasSize(1);
        assertThat(handoffs.owner(identity(Network.TELEGRAM, chat))).isEqualTo(new Owner.Bot());
        handoffs.saveAgent(agent, "Dana", 0, true, Set.of("support"), Set.of(Language.EN)); // on duty, but full
        assertThat(say(Network.TELEGRAM, chat, new Inbound.Text("qwzx plorf"))).hasSize(1);
        handoffs.saveAgent(agent, "Dana", 3, false, Set.of(team), Set.of(Language.EN)); // room, in another team
        AgentId onDuty = new AgentId("duty-" + UUID.randomUUID());
        handoffs.saveAgent(onDuty, "Gil", 50, true, Set.of("support"), Set.of(Language.EN));
        assertThat(say(Network.TELEGRAM, chat, new Inbound.Text("qwzx plorf")))
                .hasSize(2); // at once: the streak is kept
        assertThat(handoffs.owner(identity(Network.TELEGRAM, chat))).isInstanceOf(Owner.Agent.class);
        handoffs.setAvailable(onDuty, false);
    }

    @Test
    @DisplayName(
            "review 2026-12-07 conversation follow-up: a question read as pay that gets \"not sure\" counts toward the handoff")
    void anUnsureQuestionReadAsPayCountsTowardTheHandoff(@Autowired org.socialbank.assistant.Assistant assistant) {
        assistant.awaitReady(); // the TF-IDF models the tests train
        // questions the parser reads as "pay" (session 17): the first the models are not sure of
        String question = java.util.stream.Stream.of(
                        "why is my transfer taking so long",
                        "I sent money to my brother yesterday and it still shows pending",
                        "I did a transfer but it is still pending",
                        "my transfer to my landlord is still not there, what is going on")
                .filter(t ->
                        assistant.classify(t, null) instanceof org.socialbank.assistant.Classification c && !c.sure())
                .findFirst()
                .orElseThrow();
        AgentId onDuty = new AgentId("duty-" + UUID.randomUUID());
        handoffs.saveAgent(onDuty, "Gil", 50, true, Set.of("support"), Set.of(Language.EN));
        try {
            String chat = "tg-" + UUID.randomUUID();
            assertThat(say(Network.TELEGRAM, chat, new Inbound.Text("qwzx plorf")))
                    .hasSize(1);
            assertThat(handoffs.owner(identity(Network.TELEGRAM, chat))).isEqualTo(new Owner.Bot());
            List<Outbound> notSure = say(Network.TELEGRAM, chat, new Inbound.Text(question));
            assertThat(text(notSure.get(0))).as(question).startsWith("I'm not sure I understood");
            assertThat(((Outbound.Buttons) notSure.get(0)).buttons())
                    .extracting(Outbound.Button::label)
                    .as("no payment form: the command one tap away")
                    .contains("Pay someone");
            assertThat(handoffs.owner(identity(Network.TELEGRAM, chat)))
                    .as("two unsure answers in a row (unsure-max 2): a person on duty takes it")
                    .isInstanceOf(Owner.Agent.class);
        } finally {
            handoffs.setAvailable(onDuty, false);
        }
    }

    @Test
    @DisplayName(
            "a sure but wrong answer between two \"not it\" does not reset the count: a person takes it (review 2026-12-07 assistant follow-up)")
    void aSureAnswerBetweenTwoNotItsHandsOver(@Autowired org.socialbank.assistant.Assistant assistant) {
        assistant.awaitReady();
        String question = java.util.stream.Stream.of(
                        "my card still hasn't arrived",
                        "where is my new card",
                        "how long does it take for my card to arrive",
                        "I lost my card")
                .filter(t ->
                        assistant.classify(t, null) instanceof org.socialbank.assistant.Classification c && c.sure())
                .findFirst()
                .orElseThrow();
        AgentId onDuty = new AgentId("duty-" + UUID.randomUUID());
        handoffs.saveAgent(onDuty, "Noor", 50, true, Set.of("support"), Set.of(Language.EN));
        try {
            String chat = "tg-" + UUID.randomUUID();
            for (String text : List.of(question, "no, that's not it", question)) {
                say(Network.TELEGRAM, chat, new Inbound.Text(text));
                assertThat(handoffs.owner(identity(Network.TELEGRAM, chat)))
                        .as(text)
                        .isEqualTo(new Owner.Bot());
            }
            say(Network.TELEGRAM, chat, new Inbound.Text("no, that's not it"));
            assertThat(handoffs.owner(identity(Network.TELEGRAM, chat))).isInstanceOf(Owner.Agent.class);
        } finally {
            handoffs.setAvailable(onDuty, false);
        }
    }

    @Test
    @DisplayName(
            "a payment that names a manager or an agent is a payment, not a request for a person (review 2026-12-07 assistant follow-up)")
    void aPaymentNamingAnAgentIsNoRequestForAPerson() {
        AgentId onDuty = new AgentId("duty-" + UUID.randomUUID());
        handoffs.saveAgent(onDuty, "Noor", 50, true, Set.of("support"), Set.of(Language.EN, Language.RU));
        try {
            for (String text : List.of("переведи менеджеру пятьсот", "pay the agent 20 for rent")) {
                String chat = "tg-" + UUID.randomUUID();
                say(Network.TELEGRAM, chat, new Inbound.Text(text));
                assertThat(handoffs.owner(identity(Network.TELEGRAM, chat)))
                        .as(text)
                        .isEqualTo(new Owner.Bot());
            }
        } finally {
            handoffs.setAvailable(onDuty, false);
        }
    }

    @Test
    @DisplayName(
            "issue 18: \"no, that's not it\" twice in a row, in French or Chinese, hands the conversation to a person")
    void notItTwiceHandsOver() {
        AgentId onDuty = new AgentId("duty-" + UUID.randomUUID());
        handoffs.saveAgent(
                onDuty,
                "Noor",
                50,
                true,
                Set.of("support"),
                Set.of(Language.EN, Language.FR, Language.RU, Language.FA, Language.ZH));
        for (String[] twice :
                new String[][] {{"non, c'est pas ça", "ce n'est pas ça", "Reformulez"}, {"不是这个", "答非所问", "换个说法"}}) {
            String chat = "tg-" + UUID.randomUUID();
            List<Outbound> first = say(Network.TELEGRAM, chat, new Inbound.Text(twice[0]));
            assertThat(first).hasSize(1);
            assertThat(text(first.get(0)))
                    .as("the assistant's \"not it\", not a guess")
                    .contains(twice[2]);
            assertThat(handoffs.owner(identity(Network.TELEGRAM, chat))).isEqualTo(new Owner.Bot());
            say(Network.TELEGRAM, chat, new Inbound.Text(twice[1]));
            assertThat(handoffs.owner(identity(Network.TELEGRAM, chat)))
                    .as(twice[1])
                    .isInstanceOf(Owner.Agent.class);
        }
        handoffs.setAvailable(onDuty, false);
    }

    @Test
    @DisplayName("issue 19: a case nobody took within queue-wait-max goes back to the bot, and the customer is told")
    void aCaseWaitingTooLongGoesBackToTheBot() {
        String chat = "tg-" + UUID.randomUUID();
        List<Outbound> queued = say(Network.TELEGRAM, chat, new Inbound.Text("operator"));
        assertThat(text(queued.get(0))).contains("nobody is available");
        IdentityId identity = identity(Network.TELEGRAM, chat);
        long before = outboxRows(identity);
        clock.advance(Duration.ofHours(5));
        assertThat(janitor.run()).isPositive();
        assertThat(handoffs.owner(identity)).isEqualTo(new Owner.Bot());
        assertThat(outboxRows(identity)).isEqualTo(before + 1);
        assertThat(text(say(Network.TELEGRAM, chat, new Inbound.Text("help")).get(0)))
                .contains("balance");
    }

    @Test
    @DisplayName("issue 19: a chat account the network asks to forget loses its case and what it wrote there")
    void aForgottenChatAccount() {
        String chat = "tg-" + UUID.randomUUID();
        say(Network.TELEGRAM, chat, new Inbound.Text("hello"));
        IdentityId identity = identity(Network.TELEGRAM, chat);
        CaseId id = ((HandoffResult.Done) handoffs.takeOver(agent, identity)).caseId();
        say(Network.TELEGRAM, chat, new Inbound.Text("my address is 1 Rue de la Paix"));
        new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                .executeWithoutResult(s -> events.publishEvent(
                        new org.socialbank.directory.IdentityForgotten(identity, Network.TELEGRAM)));
        assertThat(handoffs.owner(identity)).isEqualTo(new Owner.Bot());
        assertThat(views.find(id).orElseThrow().status()).isEqualTo(HandoffCase.Status.HANDED_BACK);
        assertThat(views.transcript(agent, id).orElseThrow())
                .noneMatch(l -> l.body().contains("Rue de la Paix"));
    }

    @Test
    @DisplayName("issue 19: a transfer to a team keeps the case's place; a supervisor reassigns over capacity")
    void transferAndReassign() {
        String chat = "tg-" + UUID.randomUUID();
        say(Network.TELEGRAM, chat, new Inbound.Text("hello"));
        IdentityId identity = identity(Network.TELEGRAM, chat);
        CaseId id = ((HandoffResult.Done) handoffs.takeOver(agent, identity)).caseId();
        Instant queuedAt = views.find(id).orElseThrow().queuedAt();
        String other = "o" + UUID.randomUUID().toString().substring(0, 8);
        AgentId busy = new AgentId("busy-" + UUID.randomUUID());
        handoffs.saveAgent(busy, "Fay", 0, false, Set.of(other), Set.of(Language.EN));
        assertThat(handoffs.transferToTeam(agent, id, other)).isInstanceOf(HandoffResult.Done.class);
        HandoffCase moved = views.find(id).orElseThrow();
        assertThat(moved.team()).isEqualTo(other);
        assertThat(moved.queuedAt()).isEqualTo(queuedAt);
        assertThat(handoffs.owner(identity)).isInstanceOf(Owner.Queue.class);
        assertThat(handoffs.reassign(new AgentId("supervisor"), id, busy)).isInstanceOf(HandoffResult.Done.class);
        assertThat(handoffs.owner(identity)).isEqualTo(new Owner.Agent(id, busy));
        assertThat(handoffs.snooze(busy, id, Duration.ofMinutes(30))).isInstanceOf(HandoffResult.Done.class);
        say(Network.TELEGRAM, chat, new Inbound.Text("anyone there?")); // wakes it
        assertThat(views.find(id).orElseThrow().status()).isEqualTo(HandoffCase.Status.ASSIGNED);
    }

    @Test
    @DisplayName("review 2026-12-07 console #6: a refused reassignment writes nothing in the transcript and pulls "
            + "nothing")
    void aRefusedReassignmentLeavesNoRecord() {
        String chat = "tg-" + UUID.randomUUID();
        CaseId id = takenOver(Network.TELEGRAM, chat);
        CaseId waiting = caseOf(open(team));
        store.setAvailable(agent, true); // room and on duty: a pull would give them the waiting case
        AgentId chinese = new AgentId("zh-" + UUID.randomUUID());
        handoffs.saveAgent(chinese, "Lin", 3, false, Set.of(team), Set.of(Language.ZH));
        int lines = views.transcript(agent, id).orElseThrow().size();

        assertThat(handoffs.reassign(new AgentId("supervisor"), id, chinese))
                .isEqualTo(new HandoffResult.Refused(HandoffRefusal.NOT_IN_TEAM));

        assertThat(views.transcript(agent, id).orElseThrow())
                .hasSize(lines)
                .noneMatch(l -> l.body().contains("reassigned by"));
        assertThat(handoffs.owner(identity(Network.TELEGRAM, chat))).isEqualTo(new Owner.Agent(id, agent));
        assertThat(views.find(waiting).orElseThrow().status()).isEqualTo(HandoffCase.Status.QUEUED);
        store.setAvailable(agent, false);
    }

    @Test
    @DisplayName("a transfer to a team nobody of which is available tells the customer her place (not \"Dana is "
            + "with you\" still); a transfer to a team no agent belongs to is refused, the case stays (review "
            + "2026-12-07 handoff follow-up)")
    void aTransferTellsTheCustomerHerPlaceAndAnUnknownTeamIsRefused() {
        String chat = "tg-" + UUID.randomUUID();
        CaseId id = takenOver(Network.TELEGRAM, chat);
        IdentityId identity = identity(Network.TELEGRAM, chat);
        String cards = "c" + UUID.randomUUID().toString().substring(0, 8);
        handoffs.saveAgent(
                new AgentId("away-" + UUID.randomUUID()), "Lu", 3, false, Set.of(cards), Set.of(Language.EN));
        long told = outboxRows(identity);

        assertThat(handoffs.transferToTeam(
                        agent, id, "c" + UUID.randomUUID().toString().substring(0, 8)))
                .isEqualTo(new HandoffResult.Refused(HandoffRefusal.UNKNOWN_TEAM));
        assertThat(handoffs.owner(identity)).isEqualTo(new Owner.Agent(id, agent));
        assertThat(outboxRows(identity)).isEqualTo(told);

        HandoffResult moved = handoffs.transferToTeam(agent, id, cards);
        assertThat(moved).isInstanceOf(HandoffResult.Done.class);
        assertThat(((HandoffResult.Done) moved).outboxId())
                .as("told, in the outbox")
                .isPresent();
        assertThat(outboxRows(identity)).isEqualTo(told + 1);
        assertThat(lastOutboxText(identity)).contains("You are number").contains("nobody is available right now");
    }

    @Test
    @DisplayName("the transcript reads the newest lines, oldest of them first; a case keeps its newest customer lines "
            + "only, agents' lines stay (review 2026-12-07 handoff follow-up)")
    void theNewestLinesAreReadAndCustomerLinesAreBounded() {
        CaseId id = takenOver(Network.TELEGRAM, "tg-" + UUID.randomUUID());
        for (int i = 1; i <= 5; i++) {
            store.append(id, "CUSTOMER", null, null, "c" + i, null, clock.instant());
        }
        store.append(id, "AGENT", agent, null, "a1", null, clock.instant());
        store.append(id, "CUSTOMER", null, null, "c6", null, clock.instant());

        // before: the oldest two, "queued" and "assigned"
        assertThat(store.transcript(id, 2)).extracting(JdbcHandoffs.Line::body).containsExactly("a1", "c6");
        long lines = store.transcriptLines(id);
        assertThat(store.customerLines(id))
                .as("the cap counts her lines only (reread)")
                .isEqualTo(6);
        assertThat(views.olderLines(id)).isEqualTo(Math.max(0, lines - HandoffViews.LINES_MAX));

        assertThat(store.keepNewestCustomerLines(id, 3)).isEqualTo(3);
        assertThat(store.transcript(id, 100).stream()
                        .filter(l -> !l.author().equals("BANK"))
                        .map(JdbcHandoffs.Line::body))
                .containsExactly("c4", "c5", "a1", "c6");
        assertThat(store.transcriptLines(id)).isEqualTo(lines - 3);
        assertThat(store.customerLines(id)).isEqualTo(3);
        assertThat(store.keepNewestCustomerLines(id, 3)).isZero();
    }

    @Test
    @DisplayName("the customer-lines cap (socialbank.handoff.customer-lines-cap, 100 here) is kept as her messages "
            + "arrive through the chat while the case is open: at the cap nothing goes, past it her oldest lines go, "
            + "her newest, the agent's and the bank's stay (review 2026-12-07 handoff follow-up)")
    void theCustomerLinesCapHoldsAsHerMessagesArrive() {
        String chat = "tg-" + UUID.randomUUID();
        CaseId id = takenOver(Network.TELEGRAM, chat);
        long bank = bodies(id, "BANK").size();
        for (int i = 1; i <= 100; i++) {
            assertThat(from(Network.TELEGRAM, chat, new Inbound.Text("m" + i))).isInstanceOf(Received.Handled.class);
            if (i == 50) {
                assertThat(replies.reply(agent, id, "cap-" + id.value(), "looking into it"))
                        .isInstanceOf(HandoffResult.Done.class);
            }
        }
        assertThat(store.customerLines(id)).as("at the cap").isEqualTo(100);
        assertThat(bodies(id, "CUSTOMER").get(0)).isEqualTo("m1");

        for (int i = 101; i <= 103; i++) {
            say(Network.TELEGRAM, chat, new Inbound.Text("m" + i));
        }
        List<String> hers = bodies(id, "CUSTOMER");
        assertThat(hers).hasSize(100).startsWith("m4", "m5").endsWith("m102", "m103");
        assertThat(store.customerLines(id)).isEqualTo(100);
        assertThat(bodies(id, "AGENT")).containsExactly("looking into it");
        assertThat(bodies(id, "BANK")).hasSize((int) bank);
    }

    /** The bodies of the case's lines by this author, oldest first. */
    private List<String> bodies(CaseId id, String author) {
        return store.transcript(id, HandoffViews.LINES_MAX).stream()
                .filter(l -> l.author().equals(author))
                .map(JdbcHandoffs.Line::body)
                .toList();
    }

    private String lastOutboxText(IdentityId identity) {
        return jdbc.sql("SELECT body FROM handoff_transcript t JOIN handoff_cases c ON c.id = t.case_id "
                        + "WHERE c.identity_id = ? AND t.author = 'BANK' AND t.outbox_id IS NOT NULL "
                        + "ORDER BY t.created_at DESC, t.seq DESC FETCH FIRST 1 ROWS ONLY")
                .param(identity.value())
                .query(String.class)
                .single();
    }

    private String open(String queueTeam) {
        String chat = "tg-" + UUID.randomUUID();
        say(Network.TELEGRAM, chat, new Inbound.Text("hello"));
        assertThat(handoffs.open(identity(Network.TELEGRAM, chat), queueTeam, false))
                .isInstanceOf(HandoffResult.Done.class);
        clock.advance(Duration.ofSeconds(1));
        return chat;
    }

    private CaseId caseOf(String chat) {
        return store.owner(identity(Network.TELEGRAM, chat))
                .orElseThrow()
                .openCase()
                .or(() -> store.casesOf(identity(Network.TELEGRAM, chat), 1).stream()
                        .map(HandoffCase::id)
                        .findFirst())
                .orElseThrow();
    }

    long outboxRows(IdentityId identity) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_messages WHERE identity_id = ?")
                .param(identity.value())
                .query(Long.class)
                .single();
    }

    Received from(Network network, String chat, Inbound content) {
        return conversations.receive(new InboundMessage(network, "m-" + UUID.randomUUID(), chat, null, null, content));
    }

    List<Outbound> say(Network network, String chat, Inbound content) {
        Received received = from(network, chat, content);
        assertThat(received).isInstanceOf(Received.Handled.class);
        return ((Received.Handled) received)
                .replies().stream().map(OutboundMessage::content).toList();
    }

    /** The customer says hello in the chat and the agent takes the conversation over: its case. */
    CaseId takenOver(Network network, String chat) {
        say(network, chat, new Inbound.Text("hello"));
        return ((HandoffResult.Done) handoffs.takeOver(agent, identity(network, chat))).caseId();
    }

    IdentityId identity(Network network, String chat) {
        return identities.identify(network, chat, null, null).id();
    }

    static String text(Outbound outbound) {
        return outbound instanceof Outbound.Text t
                ? t.text()
                : outbound instanceof Outbound.Buttons b ? b.text() : outbound.toString();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Fakes {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now()
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    .plusNanos(500_999));
        }
    }
}
