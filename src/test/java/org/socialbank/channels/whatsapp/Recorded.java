package org.socialbank.channels.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/** The recorded webhook payloads in {@code src/test/resources/whatsapp/}, in Meta's own format. */
final class Recorded {

    static final String PHONE_NUMBER_ID = "106540352242922";
    static final String SHEENA = "16505551234";

    private Recorded() {}

    static ObjectNode payload(String name) {
        try (InputStream in = Recorded.class.getResourceAsStream("/whatsapp/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded payload " + name);
            }
            return (ObjectNode) WhatsAppApi.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value object of the payload's first change. */
    static ObjectNode value(ObjectNode payload) {
        return (ObjectNode) payload.get("entry").get(0).get("changes").get(0).get("value");
    }

    /** The payload's first message. */
    static ObjectNode message(ObjectNode payload) {
        return (ObjectNode) value(payload).get("messages").get(0);
    }

    static ObjectNode status(ObjectNode payload) {
        return (ObjectNode) value(payload).get("statuses").get(0);
    }

    /** A recorded message, from {@code waId}, with its own id, sent now, to the number {@code phoneNumberId}. */
    static ObjectNode message(String name, String phoneNumberId, String waId, String wamid) {
        ObjectNode payload = payload(name);
        ObjectNode value = value(payload);
        ((ObjectNode) value.get("metadata")).put("phone_number_id", phoneNumberId);
        ((ObjectNode) value.get("contacts").get(0)).put("wa_id", waId);
        ObjectNode message = message(payload);
        message.put("from", waId)
                .put("id", wamid)
                .put("timestamp", Long.toString(Instant.now().getEpochSecond()));
        return payload;
    }

    static byte[] bytes(ObjectNode payload) {
        return WhatsAppApi.JSON.writeValueAsBytes(payload);
    }
}
