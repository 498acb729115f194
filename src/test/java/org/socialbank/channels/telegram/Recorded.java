package org.socialbank.channels.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The recorded updates in {@code src/test/resources/telegram/}, in the Bot API's own format. */
final class Recorded {

    private Recorded() {}

    static ObjectNode update(String name) {
        try (InputStream in = Recorded.class.getResourceAsStream("/telegram/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded update " + name);
            }
            return (ObjectNode) FakeTelegramApi.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded update with another update id, sender and chat, so that tests do not meet. */
    static ObjectNode update(String name, long updateId, long userId) {
        ObjectNode update = update(name);
        update.put("update_id", updateId);
        for (String kind : new String[] {"message", "edited_message", "callback_query", "my_chat_member"}) {
            if (update.has(kind)) {
                ObjectNode body = (ObjectNode) update.get(kind);
                ((ObjectNode) body.get("from")).put("id", userId);
                JsonNode chat = body.has("chat")
                        ? body.get("chat")
                        : body.path("message").get("chat");
                if (chat instanceof ObjectNode c && c.path("type").asString().equals("private")) {
                    c.put("id", userId);
                }
                if (body.path("contact").path("user_id").asLong() == 522031) {
                    ((ObjectNode) body.get("contact")).put("user_id", userId);
                }
            }
        }
        return update;
    }

    static byte[] bytes(JsonNode update) {
        return FakeTelegramApi.JSON.writeValueAsBytes(update);
    }
}
