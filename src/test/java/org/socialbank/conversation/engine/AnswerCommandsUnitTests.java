package org.socialbank.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.assistant.KnowledgeBase;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.dialogue.Dialogue;
import org.socialbank.conversation.dialogue.DialogueState;
import org.socialbank.handoff.PersonRequests;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/**
 * Issue 18: what an answer of the knowledge base tells the customer to type ("type "my limits"",
 * « conseiller », “人工”) is something the chat does: in a linked private chat in the answer's
 * language, the quoted text is read as a command (the assistant is never asked about it, and the
 * help text is not the reply) or asks for a person (the handoff's words). A customer copies them.
 */
class AnswerCommandsUnitTests {

    /** A quotation: "…" in English, « … » in French, «…» in Russian and Persian, “…” in Chinese. */
    private static final Pattern QUOTED = Pattern.compile("[\"“«]\\s*([^\"”»]{1,60}?)\\s*[\"”»]");

    private final Dialogue dialogue = new Dialogue(DialogueUnitTests.KEYS, java.time.Duration.ofMinutes(10));

    static List<String> quoted(String language, String intent) throws IOException {
        String resource = "/assistant/answers/" + language + "/" + intent.replace("?", "") + ".md";
        try (InputStream in = AnswerCommandsUnitTests.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Matcher m = QUOTED.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<String> found = new ArrayList<>();
            while (m.find()) {
                found.add(m.group(1));
            }
            return found;
        }
    }

    /** Whether the chat does something with the text: a command, or a request for a person. */
    boolean understood(Language language, String text) {
        if (PersonRequests.asks(text).isPresent()) {
            return true;
        }
        FakeBank bank = new FakeBank().linkedIn(language);
        Dialogue.Step step = dialogue.handle(DialogueState.NEW, Network.TELEGRAM, new Inbound.Text(text), false, bank);
        String reply = step.replies().isEmpty() ? "" : step.replies().get(0).toString();
        return bank.guessed.isEmpty() && !reply.contains(":conversation.help");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "ru", "fa", "zh"})
    void everyCommandAnAnswerQuotesIsOneTheChatDoes(String tag) throws IOException {
        Language language = Language.fromTag(tag).orElseThrow();
        List<String> notUnderstood = new ArrayList<>();
        int checked = 0;
        for (String intent : KnowledgeBase.ANSWERED) {
            for (String text : quoted(tag, intent)) {
                checked++;
                if (!understood(language, text)) {
                    notUnderstood.add(intent + ": " + text);
                }
            }
        }
        assertThat(checked).as("the answers quote commands").isGreaterThanOrEqualTo(10);
        assertThat(notUnderstood).isEmpty();
    }
}
