package org.socialbank.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue;
import org.socialbank.conversation.dialogue.DialogueState;
import org.socialbank.shared.PublicText;

/**
 * What the engine says in a Telegram or Bale group as a fixed sentence passes the public rule
 * ({@link PublicText}) in every language, so the group's sender, which applies it again, posts it
 * as written; the help there is the group's own, since the private help's examples hold amounts.
 */
@DisplayName("review: the engine's group answers pass the public rule the group's sender applies")
class GroupAnswersUnitTests {

    /**
     * The fixed sentences a group may be shown: the group's help, "answered privately", "I can't
     * write to you first: open a private chat with me" (never opened or blocked), the refusal
     * of a claim code, what is not offered, thanks, the language, a message that failed, bills,
     * where to ask for branches, the assistant's "not it" and votes, and the sender's own neutral
     * sentence.
     */
    static final List<String> GROUP_SENTENCES = List.of(
            "conversation.help.group",
            "conversation.group.private",
            "conversation.group.open_private",
            "conversation.claim.public",
            "conversation.not_offered",
            "conversation.thanks",
            "conversation.language.switched",
            "conversation.language.which",
            "conversation.failed",
            "billing.chat.public",
            "conversation.branches.ask_location",
            "conversation.branches.none",
            "assistant.not_it",
            "assistant.feedback.yes",
            "assistant.feedback.no",
            "assistant.feedback.thanks",
            "assistant.feedback.sorry",
            "assistant.feedback.counted",
            "telegram.group.withheld");

    final Dialogue dialogue = new Dialogue(DialogueUnitTests.KEYS, java.time.Duration.ofMinutes(10));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "_fr", "_ru", "_fa", "_zh"})
    void everyFixedGroupSentenceHoldsNoNumberAndNoMoney(String suffix) throws IOException {
        Properties bundle = new Properties();
        try (Reader in = Files.newBufferedReader(
                Path.of("src", "main", "resources", "messages" + suffix + ".properties"), StandardCharsets.UTF_8)) {
            bundle.load(in);
        }
        for (String key : GROUP_SENTENCES) {
            assertThat(bundle.getProperty(key)).as(key).isNotBlank();
            assertThat(PublicText.mayBePosted(bundle.getProperty(key)))
                    .as("%s%s: %s", key, suffix, bundle.getProperty(key))
                    .isTrue();
        }
        assertThat(PublicText.mayBePosted(bundle.getProperty("conversation.help")))
                .as("the private help's examples hold amounts: not for a group")
                .isFalse();
    }

    @Test
    void inATelegramOrBaleGroupTheHelpIsTheGroupsOwn() {
        FakeBank bank = new FakeBank();
        for (var network : List.of(org.socialbank.shared.Network.TELEGRAM, org.socialbank.shared.Network.BALE)) {
            for (Inbound asked : List.of(new Inbound.Text("help"), new Inbound.Start(), new Inbound.Text("aide"))) {
                Dialogue.Step step = dialogue.handle(DialogueState.NEW, network, asked, true, bank);
                assertThat(step.replies()).hasSize(1);
                assertThat(((Outbound.Text) step.replies().get(0)).text())
                        .as("%s %s", network, asked)
                        .endsWith(":conversation.help.group");
                assertThat(step.shareable()).isTrue();
            }
        }
        for (String unread : List.of("blorp wibble", "10.505 EUR", "фывапролдж", "嗯嗯好的吧")) {
            Dialogue.Step step = dialogue.handle(
                    DialogueState.NEW, org.socialbank.shared.Network.TELEGRAM, new Inbound.Text(unread), true, bank);
            assertThat(DialogueUnitTests.text(step.replies()))
                    .as(
                            "a text the engine does not read, in a group: its help, not the hint's example amounts (%s)",
                            unread)
                    .endsWith(":conversation.help.group");
        }
        Dialogue.Step privately = dialogue.handle(
                DialogueState.NEW, org.socialbank.shared.Network.TELEGRAM, new Inbound.Text("help"), false, bank);
        assertThat(DialogueUnitTests.text(privately.replies())).isEqualTo("en:conversation.help");
        Dialogue.Step onX = dialogue.handle(
                DialogueState.NEW, org.socialbank.shared.Network.X, new Inbound.Text("help"), true, bank);
        assertThat(DialogueUnitTests.text(onX.replies()))
                .as("X sends a public answer that is not one neutral line by DM, where the full help fits")
                .isEqualTo("en:conversation.help");
    }
}
