package org.socialbank.shared.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.socialbank.shared.web.Garbage.Value;
import org.socialbank.shared.web.OpenApiOperation.Kind;
import org.socialbank.shared.web.OpenApiOperation.Parameter;
import tools.jackson.databind.JsonNode;

/**
 * The bad requests for one operation, from its OpenAPI description and a seeded generator. Every
 * probe changes one thing of an otherwise plausible request: a path variable, a query value, the
 * body's shape, one member of the body, or the content type. The structural probes always run;
 * the one-value probes are drawn round-robin over the operation's parameters and members, so each
 * gets some: up to {@link #PROBES_MAX} probes in all, and at least {@link #DRAWN_MIN} drawn ones.
 */
final class BadInputs {

    /** At most this many probes per operation (path garbage and body shapes count too)... */
    static final int PROBES_MAX = 48;

    /** ...except that at least this many one-value probes are drawn, whatever the others took. */
    static final int DRAWN_MIN = 16;

    private static final int BODY_DEPTH_MAX = 4;

    /** One request: what it changed (for the failure message), where it goes, what it carries. */
    record Probe(String input, String target, String contentType, String body) {}

    /** A member of the body: where it is ({@code transfers[0].amountMinor}) and what it holds. */
    record Member(String at, Kind kind) {

        String name() {
            return at.substring(at.lastIndexOf('.') + 1);
        }
    }

    private final JsonNode document;
    private final OpenApiOperation operation;
    private final RandomGenerator random;
    private final Map<String, String> pathValues;

    /**
     * {@code existing}: ids of resources that exist, by the collection that names them in a path
     * ({@code customers} for {@code /customers/{id}/...}); a path variable after such a segment
     * gets the existing id, so that a probe of another part reaches past "not found".
     */
    BadInputs(JsonNode document, OpenApiOperation operation, RandomGenerator random, Map<String, String> existing) {
        this.document = document;
        this.operation = operation;
        this.random = random;
        this.pathValues = new LinkedHashMap<>();
        for (Parameter p : operation.in("path")) {
            String before = operation.path().substring(0, operation.path().indexOf("{" + p.name() + "}"));
            String collection = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
            pathValues.put(p.name(), existing.getOrDefault(collection, plainText(p.kind())));
        }
    }

    List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        probes.addAll(pathProbes());
        probes.addAll(shapeProbes());
        if (operation.in("query").stream().anyMatch(Parameter::required)) {
            probes.add(new Probe("query: none of the required", path(pathValues), json(), body(null, null)));
        }
        List<Deque<Probe>> perTarget = new ArrayList<>(queryProbes());
        perTarget.addAll(memberProbes());
        drawRoundRobin(perTarget, probes);
        return probes;
    }

    private List<Probe> pathProbes() {
        List<Probe> probes = new ArrayList<>();
        for (String name : pathValues.keySet()) {
            for (Value bad : Garbage.PATH) {
                Map<String, String> values = new LinkedHashMap<>(pathValues);
                values.put(name, bad.text());
                probes.add(new Probe(
                        "path " + name + "=" + bad.label(),
                        path(values) + query(null, null),
                        json(),
                        body(null, null)));
            }
        }
        return probes;
    }

    /** The body missing, empty, of the wrong shape or type, truncated; or one where none belongs. */
    private List<Probe> shapeProbes() {
        String target = path(pathValues) + query(null, null);
        if (operation.body() == null) {
            return List.of(
                    new Probe("unexpected JSON body", target, json(), "{\"unexpected\":[1e400]}"),
                    new Probe("unexpected text body", target, "text/plain", "\u0000<<<"));
        }
        String valid = body(null, null);
        List<Probe> probes = new ArrayList<>(List.of(
                new Probe("body: missing", target, json(), null),
                new Probe("body: empty", target, json(), ""),
                new Probe("body: {}", target, json(), "{}"),
                new Probe("body: null", target, json(), "null"),
                new Probe("body: []", target, json(), "[]"),
                new Probe("body: array of the object", target, json(), "[" + valid + "]"),
                new Probe("body: truncated", target, json(), valid.substring(0, valid.length() / 2)),
                new Probe("body: trailing tokens", target, json(), valid + " {}"),
                new Probe("body: unknown member", target, json(), "{\"fuzzUnknown\":1," + valid.substring(1)),
                new Probe("body: 10 KB string", target, json(), "\"" + Garbage.TEN_KB + "\""),
                new Probe("body: arrays nested " + Garbage.NESTING + " deep", target, json(), Garbage.deep()),
                new Probe("content type text/plain", target, "text/plain", valid),
                new Probe("content type application/xml", target, "application/xml", "<fuzz/>"),
                new Probe("content type form", target, "application/x-www-form-urlencoded", "a=1&b=%00")));
        return probes;
    }

    private List<Deque<Probe>> queryProbes() {
        List<Deque<Probe>> perParameter = new ArrayList<>();
        for (Parameter parameter : operation.in("query")) {
            List<Probe> probes = new ArrayList<>();
            for (Value bad : Garbage.query(parameter.kind(), parameter.name())) {
                probes.add(new Probe(
                        "query " + parameter.name() + "=" + bad.label(),
                        path(pathValues) + query(parameter.name(), bad.text()),
                        json(),
                        body(null, null)));
            }
            perParameter.add(shuffled(probes));
        }
        return perParameter;
    }

    private List<Deque<Probe>> memberProbes() {
        List<Deque<Probe>> perMember = new ArrayList<>();
        if (operation.body() == null) {
            return perMember;
        }
        String target = path(pathValues) + query(null, null);
        for (Member member : members(operation.body(), "", 0)) {
            List<Probe> probes = new ArrayList<>();
            for (Value bad : Garbage.json(member.kind(), member.name())) {
                probes.add(new Probe(
                        "body " + member.at() + "=" + bad.label(), target, json(), body(member.at(), bad.text())));
            }
            perMember.add(shuffled(probes));
        }
        return perMember;
    }

    private void drawRoundRobin(List<Deque<Probe>> perTarget, List<Probe> into) {
        int max = Math.max(PROBES_MAX, into.size() + DRAWN_MIN);
        boolean drew = true;
        while (drew && into.size() < max) {
            drew = false;
            for (Deque<Probe> probes : perTarget) {
                if (!probes.isEmpty() && into.size() < max) {
                    into.add(probes.poll());
                    drew = true;
                }
            }
        }
    }

    private Deque<Probe> shuffled(List<Probe> probes) {
        List<Probe> copy = new ArrayList<>(probes);
        for (int i = copy.size() - 1; i > 0; i--) {
            Collections.swap(copy, i, random.nextInt(i + 1));
        }
        return new ArrayDeque<>(copy);
    }

    /** The path with these (already URL-encoded) values in its variables. */
    private String path(Map<String, String> values) {
        String path = operation.path();
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }

    /** The required query parameters with plausible values, one of them ({@code bad}) replaced. */
    private String query(String badName, String badText) {
        List<String> pairs = new ArrayList<>();
        for (Parameter parameter : operation.in("query")) {
            if (parameter.name().equals(badName)) {
                pairs.add(parameter.name() + "=" + badText);
            } else if (parameter.required()) {
                pairs.add(parameter.name() + "=" + plainText(parameter.kind()));
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String json() {
        return "application/json";
    }

    /** The plausible body, with the member at {@code badAt} (if any) replaced by raw JSON. */
    private String body(String badAt, String badJson) {
        return operation.body() == null ? null : write(operation.body(), "", badAt, badJson, 0);
    }

    private String write(JsonNode schema, String at, String badAt, String badJson, int depth) {
        if (at.equals(badAt)) {
            return badJson;
        }
        JsonNode resolved = OpenApiOperation.resolve(document, schema);
        Kind kind = OpenApiOperation.kind(resolved);
        if (kind == Kind.OBJECT) {
            if (depth >= BODY_DEPTH_MAX) {
                return "{}";
            }
            List<String> members = new ArrayList<>();
            for (Map.Entry<String, JsonNode> p : resolved.path("properties").properties()) {
                String child = at.isEmpty() ? p.getKey() : at + "." + p.getKey();
                members.add("\"" + p.getKey() + "\":" + write(p.getValue(), child, badAt, badJson, depth + 1));
            }
            return "{" + String.join(",", members) + "}";
        }
        if (kind == Kind.ARRAY) {
            return depth >= BODY_DEPTH_MAX
                    ? "[]"
                    : "[" + write(resolved.path("items"), at + "[0]", badAt, badJson, depth + 1) + "]";
        }
        return plainJson(kind, resolved, at);
    }

    /** Every member of the body down to {@link #BODY_DEPTH_MAX}, objects and arrays included. */
    private List<Member> members(JsonNode schema, String at, int depth) {
        List<Member> members = new ArrayList<>();
        JsonNode resolved = OpenApiOperation.resolve(document, schema);
        Kind kind = OpenApiOperation.kind(resolved);
        if (!at.isEmpty()) {
            members.add(new Member(at, kind));
        }
        if (depth >= BODY_DEPTH_MAX) {
            return members;
        }
        if (kind == Kind.OBJECT) {
            for (Map.Entry<String, JsonNode> p : resolved.path("properties").properties()) {
                members.addAll(members(p.getValue(), at.isEmpty() ? p.getKey() : at + "." + p.getKey(), depth + 1));
            }
        } else if (kind == Kind.ARRAY) {
            members.addAll(members(resolved.path("items"), at + "[0]", depth + 1));
        }
        return members;
    }

    /** A plausible JSON value, so that the one bad member is what the server meets. */
    private String plainJson(Kind kind, JsonNode schema, String at) {
        String name = at.substring(at.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return switch (kind) {
            case UUID, INSTANT, DATE -> "\"" + plainText(kind) + "\"";
            case INTEGER -> name.endsWith("minor") ? "100" : "1";
            case NUMBER -> "1";
            case BOOLEAN -> "false";
            case ENUM -> "\"" + schema.path("enum").path(0).asString() + "\"";
            default -> "\"" + plainString(name) + "\"";
        };
    }

    private String plainText(Kind kind) {
        return switch (kind) {
            case UUID ->
                new UUID(
                                random.nextLong() & ~0xF000L | 0x4000L,
                                random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L)
                        .toString();
            case INSTANT -> "2026-12-07T10:00:00Z";
            case DATE -> "2026-12-07";
            case INTEGER, NUMBER -> "1";
            case BOOLEAN -> "false";
            default -> "fuzz";
        };
    }

    private static String plainString(String name) {
        if (name.contains("currency")) {
            return "EUR";
        }
        if (name.contains("locale") || name.contains("language")) {
            return "en";
        }
        if (name.contains("phone")) {
            return "+33611111111";
        }
        if (name.contains("email")) {
            return "fuzz@example.org";
        }
        return "fuzz";
    }
}
