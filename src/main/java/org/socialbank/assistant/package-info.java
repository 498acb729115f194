/**
 * The assistant: classifies a customer's free question into a banking intent (BANKING77's 77, in
 * English from BANKING77's training split, in French, Russian, Persian and Chinese from the phrase
 * sets the project writes) with models trained in-process from the data the project ships (word
 * and character TF-IDF models, blended with an encoder's head for English and French, MiniLM, and
 * Chinese, bge-small-zh), and says when it is not sure. See {@code docs/assistant.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assistant", allowedDependencies = "shared")
package org.socialbank.assistant;
