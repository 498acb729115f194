package org.socialbank.shared.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One operation of the live OpenAPI 3 document: its method, its path template, the parameters it
 * takes and the JSON schema of its body (resolved through {@code $ref}s of the same document).
 */
record OpenApiOperation(String method, String path, List<Parameter> parameters, JsonNode body) {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** A path, query or header parameter, with its resolved schema. */
    record Parameter(String name, String in, boolean required, Kind kind) {}

    /** What a schema's values look like, as far as the fuzzer cares. */
    enum Kind {
        UUID,
        INSTANT,
        DATE,
        INTEGER,
        NUMBER,
        BOOLEAN,
        ENUM,
        STRING,
        ARRAY,
        OBJECT
    }

    /** Every operation whose path starts with {@code prefix}, sorted by path and method. */
    static List<OpenApiOperation> under(String prefix, JsonNode document) {
        List<OpenApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            if (!path.getKey().startsWith(prefix)) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    operations.add(of(document, operation.getKey(), path.getKey(), operation.getValue()));
                }
            }
        }
        operations.sort(Comparator.comparing(OpenApiOperation::path).thenComparing(OpenApiOperation::method));
        return List.copyOf(operations);
    }

    private static OpenApiOperation of(JsonNode document, String method, String path, JsonNode operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters").values()) {
            JsonNode resolved = resolve(document, parameter);
            parameters.add(new Parameter(
                    resolved.path("name").asString(),
                    resolved.path("in").asString(),
                    resolved.path("required").asBoolean(false),
                    kind(resolve(document, resolved.path("schema")))));
        }
        JsonNode body = null;
        for (Map.Entry<String, JsonNode> content :
                operation.path("requestBody").path("content").properties()) {
            if (content.getKey().contains("json")) {
                body = resolve(document, content.getValue().path("schema"));
            }
        }
        return new OpenApiOperation(method.toUpperCase(Locale.ROOT), path, List.copyOf(parameters), body);
    }

    List<Parameter> in(String where) {
        return parameters.stream().filter(p -> p.in().equals(where)).toList();
    }

    boolean writes() {
        return !method.equals("GET");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    /** The schema itself, or what its {@code $ref} (or single {@code allOf}/{@code oneOf}) names. */
    static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode node = schema;
        for (int hops = 0; hops < 8; hops++) {
            if (node.has("$ref")) {
                node = document.at(node.path("$ref").asString().substring(1));
            } else if (node.path("allOf").size() == 1) {
                node = node.path("allOf").path(0);
            } else if (node.path("oneOf").size() > 0) {
                node = node.path("oneOf").path(0);
            } else {
                return node;
            }
        }
        return node;
    }

    static Kind kind(JsonNode schema) {
        String type = schema.path("type").asString("");
        if (type.isEmpty() && schema.path("types").size() > 0) {
            type = schema.path("types").path(0).asString("");
        }
        String format = schema.path("format").asString("");
        return switch (type) {
            case "integer" -> Kind.INTEGER;
            case "number" -> Kind.NUMBER;
            case "boolean" -> Kind.BOOLEAN;
            case "array" -> Kind.ARRAY;
            case "string" ->
                switch (format) {
                    case "uuid" -> Kind.UUID;
                    case "date-time" -> Kind.INSTANT;
                    case "date" -> Kind.DATE;
                    default -> schema.has("enum") ? Kind.ENUM : Kind.STRING;
                };
            default -> schema.has("properties") ? Kind.OBJECT : Kind.STRING;
        };
    }
}
