package org.socialbank.channels.x;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.node.ObjectNode;

/** The recorded Account Activity payloads in {@code src/test/resources/x/}, in X's own format. */
final class Recorded {

    static final String BANK_ID = "1500000000000000001";
    static final String BANK_NAME = "SocialBankFr";
    static final String ALICE_ID = "1400000000000000042";

    private Recorded() {}

    static ObjectNode payload(String name) {
        try (InputStream in = Recorded.class.getResourceAsStream("/x/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded payload " + name);
            }
            return (ObjectNode) XApi.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode event(ObjectNode payload, String kind) {
        return (ObjectNode) payload.get(kind).get(0);
    }

    static byte[] bytes(ObjectNode payload) {
        return XApi.JSON.writeValueAsBytes(payload);
    }
}
