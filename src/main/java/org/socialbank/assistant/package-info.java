/**
 * The assistant: classifies a customer's free question into a banking intent (BANKING77's 77 in
 * English, 30 of them in French, Russian, Persian and Chinese) with models trained in-process from
 * the data the project ships, and says when it is not sure. See {@code docs/assistant.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assistant", allowedDependencies = "shared")
package org.socialbank.assistant;
