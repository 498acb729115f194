package org.socialbank.channels.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.shared.PublicText;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.JsonNode;

/**
 * The second lock on what the bot says in a Telegram or Bale group, supergroup or channel
 * (review: the engine's own group answers were not checked again by the sender, only listening's
 * {@code reply:} recipients were): what the group would read passes the public rule, or a neutral
 * sentence goes instead, in the chat's language, logged without the text and counted.
 */
@DisplayName("review: every text the bot sends into a group passes the public rule at the sender")
class GroupLockUnitTests {

    static final String GROUP = "-1001987654321";
    static final String PERSON = "522031";
    static final String STAFF = "-1009876543210";

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Map<IdentityId, Language> chosen = new HashMap<>();
    final GroupLock lock = new GroupLock(
            Network.TELEGRAM, Set.of(STAFF), messages(), identity -> Optional.ofNullable(chosen.get(identity)), meters);

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    static OutboundMessage message(IdentityId identity, String chat, Outbound content) {
        return new OutboundMessage(UUID.randomUUID(), identity, Network.TELEGRAM, chat, content);
    }

    /** The call the sender makes for this content in this chat of this type. */
    JsonNode sent(IdentityId identity, String chat, String type, Outbound content) {
        TelegramReplies.Call call = TelegramReplies.render(content, chat);
        return lock.guard(message(identity, chat, content), chat, type, call).parameters();
    }

    JsonNode sent(String chat, String type, Outbound content) {
        return sent(new IdentityId(UUID.randomUUID()), chat, type, content);
    }

    double withheld() {
        return meters.get(GroupLock.COUNTER)
                .tag("network", "telegram")
                .counter()
                .count();
    }

    @Test
    void aGroupTextWithABalanceIsReplacedByTheNeutralSentence() {
        JsonNode p = sent(GROUP, "supergroup", new Outbound.Text("Your balance: €1,250.00 on FR76 3000 6000 0112"));
        assertThat(p.path("chat_id").asString()).isEqualTo(GROUP);
        assertThat(p.path("text").asString())
                .isEqualTo(messages().getMessage(GroupLock.WITHHELD, null, Language.EN.locale()));
        assertThat(p.has("reply_markup")).isFalse();
        assertThat(withheld()).isEqualTo(1.0);
    }

    @Test
    void aPrivateChatTextWithAnAmountIsSentUnchanged() {
        String balance = "Your balance: €1,250.00";
        assertThat(sent(PERSON, "private", new Outbound.Text(balance))
                        .path("text")
                        .asString())
                .isEqualTo(balance);
        assertThat(sent(PERSON, null, new Outbound.Text(balance)).path("text").asString())
                .as("a chat remembered before its type was: a person's id is positive")
                .isEqualTo(balance);
        assertThat(withheld()).isZero();
    }

    @Test
    void aGroupTextWithoutNumbersIsUnchanged() {
        String help = "In this group I answer general questions about the bank: mention me and ask.";
        assertThat(sent(GROUP, "supergroup", new Outbound.Text(help))
                        .path("text")
                        .asString())
                .isEqualTo(help);
        assertThat(withheld()).isZero();
    }

    @Test
    void anAtUsernameWithDigitsIsANameNotANumber() {
        String note = "@anna_k92 I have answered you in our private chat.";
        assertThat(sent(GROUP, "group", new Outbound.Text(note)).path("text").asString())
                .isEqualTo(note);
        assertThat(sent(GROUP, "group", new Outbound.Text("Write to support92@bank.example"))
                        .path("text")
                        .asString())
                .as("an e-mail address is not a mention")
                .doesNotContain("92");
    }

    @Test
    void aUrlButtonSurvivesAndItsLabelAndTheTextAreChecked() {
        JsonNode link = sent(
                GROUP,
                "supergroup",
                new Outbound.Link("Open the bank's page", "Open", "https://bank.example/claim/7K3Q9X2024"));
        assertThat(link.path("text").asString()).isEqualTo("Open the bank's page");
        assertThat(link.path("reply_markup")
                        .path("inline_keyboard")
                        .path(0)
                        .path(0)
                        .path("url")
                        .asString())
                .as("a URL is not text the group reads")
                .isEqualTo("https://bank.example/claim/7K3Q9X2024");
        JsonNode buttons = sent(
                GROUP,
                "supergroup",
                new Outbound.Buttons("Did this help?", List.of(new Outbound.Button("Pay €5", "ref-without-digits"))));
        assertThat(buttons.has("reply_markup"))
                .as("a label is read by everyone")
                .isFalse();
        JsonNode receipt = sent(GROUP, "supergroup", new Outbound.Receipt("Paid", List.of("Amount: €5.00")));
        assertThat(receipt.path("text").asString()).doesNotContain("5");
        assertThat(withheld()).isEqualTo(2.0);
    }

    @Test
    void theChatsTypeAsRecordedDecidesAndANegativeIdIsAGroupAnyway() {
        assertThat(lock.publicChat("4410001", "group"))
                .as("a Bale group with a positive id")
                .isTrue();
        assertThat(lock.publicChat("4410001", "channel")).isTrue();
        assertThat(lock.publicChat("4410001", "some_new_type"))
                .as("unknown: public")
                .isTrue();
        assertThat(lock.publicChat(GROUP, null)).isTrue();
        assertThat(lock.publicChat(GROUP, "private"))
                .as("either signal makes it public")
                .isTrue();
        assertThat(lock.publicChat(PERSON, "private")).isFalse();
        assertThat(lock.publicChat(PERSON, null)).isFalse();
        assertThat(lock.publicChat(STAFF, "supergroup"))
                .as("the bank's staff chat")
                .isFalse();
        String alert = "Spike alert: card blocked, 12 mentions (usually 2)";
        assertThat(sent(STAFF, "supergroup", new Outbound.Text(alert))
                        .path("text")
                        .asString())
                .isEqualTo(alert);
    }

    @Test
    void theNeutralSentenceIsInTheChatsLanguageElseInTheRefusedTextsOne() {
        IdentityId persian = new IdentityId(UUID.randomUUID());
        chosen.put(persian, Language.FA);
        assertThat(sent(persian, GROUP, "group", new Outbound.Text("موجودی: ۱۲۵۰ یورو"))
                        .path("text")
                        .asString())
                .isEqualTo(messages().getMessage(GroupLock.WITHHELD, null, Language.FA.locale()));
        assertThat(sent(GROUP, "group", new Outbound.Text("Ваш баланс: 1 250 €"))
                        .path("text")
                        .asString())
                .isEqualTo(messages().getMessage(GroupLock.WITHHELD, null, Language.RU.locale()));
        assertThat(sent(GROUP, "group", new Outbound.Text("Votre solde : 1 250,00 € à ce jour"))
                        .path("text")
                        .asString())
                .isEqualTo(messages().getMessage(GroupLock.WITHHELD, null, Language.FR.locale()));
        assertThat(GroupLock.writtenIn("余额：一千二百元")).isEqualTo(Language.ZH);
        assertThat(GroupLock.writtenIn("Balance: 12")).isEqualTo(Language.EN);
    }

    @Test
    void theNeutralSentenceHoldsNoDataInAnyLanguageAndFailingLanguagesFallBack() {
        for (Language language : Language.values()) {
            String neutral = messages().getMessage(GroupLock.WITHHELD, null, language.locale());
            assertThat(PublicText.mayBePosted(neutral)).as(neutral).isTrue();
        }
        GroupLock failing = new GroupLock(
                Network.BALE,
                Set.of(),
                messages(),
                identity -> {
                    throw new IllegalStateException("no database");
                },
                meters);
        TelegramReplies.Call call = TelegramReplies.render(new Outbound.Text("Balance 12"), GROUP);
        JsonNode p = failing.guard(
                        message(new IdentityId(UUID.randomUUID()), GROUP, new Outbound.Text("Balance 12")),
                        GROUP,
                        "group",
                        call)
                .parameters();
        assertThat(p.path("text").asString())
                .isEqualTo(messages().getMessage(GroupLock.WITHHELD, null, Language.EN.locale()));
    }

    @Test
    void theRefusalIsLoggedWithoutTheText() {
        Logger logger = (Logger) LoggerFactory.getLogger(GroupLock.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            sent(GROUP, "supergroup", new Outbound.Text("Your balance: €1,250.00"));
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(logged.list).hasSize(1);
        assertThat(logged.list.get(0).getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
        assertThat(logged.list.get(0).getFormattedMessage())
                .contains(GROUP)
                .doesNotContain("1,250")
                .doesNotContain("balance");
    }
}
