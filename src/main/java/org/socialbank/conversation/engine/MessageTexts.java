package org.socialbank.conversation.engine;

import org.socialbank.conversation.dialogue.Texts;
import org.socialbank.directory.Language;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The dialogues' sentences from the application's message bundles. */
@Component
public class MessageTexts implements Texts {

    private final MessageSource messages;

    MessageTexts(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public String text(Language language, String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, language.locale());
    }
}
