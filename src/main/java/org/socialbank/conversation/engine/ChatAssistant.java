package org.socialbank.conversation.engine;

import java.util.Optional;
import java.util.UUID;
import org.slf4j.LoggerFactory;
import org.socialbank.assistant.Assistant;
import org.socialbank.assistant.Classification;
import org.socialbank.assistant.FeedbackResult;
import org.socialbank.assistant.KnowledgeBase;
import org.socialbank.conversation.dialogue.Bank;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/**
 * The assistant as one chat message asks it: its guess at the text, its answers and the
 * customer's feedback on them. The assistant helps; it is never a reason to refuse a message.
 */
final class ChatAssistant {

    private final Assistant assistant;
    private final Network channel;

    ChatAssistant(Assistant assistant, Network channel) {
        this.assistant = assistant;
        this.channel = channel;
    }

    Optional<Bank.Guess> classify(String text) {
        if (!assistant.ready()) {
            return Optional.empty(); // still training (a first start): the hint, never a wait in the transaction
        }
        try {
            if (assistant.classify(text, null) instanceof Classification c) {
                return Language.fromTag(c.language())
                        .map(language -> new Bank.Guess(
                                language,
                                c.intent(),
                                c.sure(),
                                c.alternatives().stream()
                                        .map(Classification.Alternative::intent)
                                        .toList()));
            }
            return Optional.empty(); // refused: blank or too long
        } catch (RuntimeException e) { // the assistant is a help, never a reason to refuse a message
            LoggerFactory.getLogger(ChatBank.class).warn("assistant failed; the hint answers", e);
            return Optional.empty();
        }
    }

    boolean feedback(UUID answerId, String intent, Language language, String answerHash, boolean helpful) {
        return assistant.recordFeedback(answerId, intent, language.tag(), answerHash, helpful, channel.wireName())
                instanceof FeedbackResult.Counted;
    }

    Optional<KnowledgeBase.Answer> knowledge(Language language, String intent) {
        return assistant.knowledge().answer(intent, language.tag());
    }
}
