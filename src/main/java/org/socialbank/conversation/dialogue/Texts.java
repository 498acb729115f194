package org.socialbank.conversation.dialogue;

import org.socialbank.shared.Language;

/** The customer-facing sentences, by key of the application's message bundles. */
public interface Texts {

    String text(Language language, String key, Object... args);
}
