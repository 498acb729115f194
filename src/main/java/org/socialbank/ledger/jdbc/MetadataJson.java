package org.socialbank.ledger.jdbc;

import java.util.Map;
import java.util.TreeMap;
import org.socialbank.ledger.Metadata;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Transfer notes as a JSON object column, keys sorted so equal notes are equal text. */
final class MetadataJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};

    private MetadataJson() {}

    static String write(Metadata metadata) {
        return JSON.writeValueAsString(metadata.entries());
    }

    static Metadata read(String json) {
        Map<String, String> entries = JSON.readValue(json, MAP);
        return Metadata.of(entries);
    }
}
