package org.socialbank.conversation.engine;

import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.DialogueState;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of dialogue states, button actions and outbox payloads; our own mapper, not the web's. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    public static String state(DialogueState state) {
        return MAPPER.writeValueAsString(state);
    }

    public static DialogueState state(String json) {
        return MAPPER.readValue(json, DialogueState.class);
    }

    public static String outbound(Outbound content) {
        return MAPPER.writerFor(Outbound.class).writeValueAsString(content);
    }

    public static Outbound outbound(String json) {
        return MAPPER.readValue(json, Outbound.class);
    }

    public static String action(String action) {
        return MAPPER.writeValueAsString(java.util.Map.of("action", action));
    }

    public static String actionOf(String json) {
        return MAPPER.readTree(json).get("action").asString();
    }
}
