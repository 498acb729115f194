package org.socialbank.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.socialbank.shared.web.OpenApiOperation.Kind;

/**
 * The bad values the API fuzzer sends, each with a short label for the failure message: path
 * segments and query values as URL text (already percent-encoded), JSON members as raw JSON text
 * (so that values no JSON library would write, 1e400 or a lone surrogate, can be sent).
 */
final class Garbage {

    /** One bad value: how the failure message names it, and the text sent. */
    record Value(String label, String text) {

        static Value of(String text) {
            return new Value(text, text);
        }
    }

    static final String TEN_KB = "a".repeat(10 * 1024);
    static final String LONG_SEGMENT = "x".repeat(2_000);
    static final int NESTING = 5_000;

    /** Path segments: none names an existing resource, and each must be refused, never fail. */
    static final List<Value> PATH = List.of(
            Value.of("not-a-uuid"),
            Value.of("123456789012345678901234567890"),
            Value.of("9223372036854775808"),
            Value.of("-1"),
            Value.of("0"),
            Value.of("1e400"),
            Value.of("%00"),
            Value.of("a%00b"),
            new Value("2000 x", LONG_SEGMENT),
            new Value("RTL Arabic", "%E2%80%AE%D8%B3%D9%84%D8%A7%D9%85"),
            new Value("emoji", "%F0%9F%92%B8"),
            new Value("lone surrogate (CESU)", "%ED%A0%80"),
            new Value("invalid UTF-8", "%FF"),
            Value.of(".."),
            Value.of("%2e%2e"),
            Value.of("%2F"),
            Value.of("%20"),
            Value.of("00000000-0000-0000-0000-000000000000"));

    private static final String EMOJI = "%F0%9F%92%B8";

    /** Names of text parameters that the controller reads as a time ({@code from}, {@code date}). */
    private static final List<String> TIME_NAMES = List.of("from", "to", "since", "until", "before", "after");

    /**
     * Query values for a parameter of this kind; a text parameter named like a time also gets the
     * times' values, and every kind gets an empty value.
     */
    static List<Value> query(Kind kind, String name) {
        if (kind == Kind.STRING && timeLike(name)) {
            Set<Value> values = new LinkedHashSet<>(query(Kind.STRING));
            values.addAll(query(Kind.INSTANT));
            values.addAll(query(Kind.DATE));
            return List.copyOf(values);
        }
        return query(kind);
    }

    private static List<Value> query(Kind kind) {
        List<Value> values = new ArrayList<>(List.of(Value.of(""), Value.of("%00")));
        switch (kind) {
            case INTEGER, NUMBER ->
                values.addAll(List.of(
                        Value.of("abc"),
                        Value.of("1.5"),
                        Value.of("-1"),
                        Value.of("0"),
                        Value.of("99999999999999999999"),
                        Value.of("-9223372036854775809"),
                        Value.of("9223372036854775807"),
                        Value.of("1e400"),
                        Value.of("NaN")));
            case INSTANT ->
                values.addAll(List.of(
                        Value.of("-1000000000-01-01T00:00:00Z"),
                        new Value("+99999-01-01T00:00:00Z", "%2B99999-01-01T00:00:00Z"),
                        Value.of("2026-02-30T00:00:00Z"),
                        Value.of("yesterday"),
                        Value.of("1e400"),
                        Value.of("-9223372036854775808")));
            case DATE ->
                values.addAll(List.of(
                        Value.of("-1000000000-01-01"),
                        new Value("+99999-01-01", "%2B99999-01-01"),
                        Value.of("2026-02-30"),
                        Value.of("today")));
            case UUID -> values.addAll(List.of(Value.of("not-a-uuid"), Value.of("1"), new Value("emoji", EMOJI)));
            case BOOLEAN -> values.addAll(List.of(Value.of("maybe"), Value.of("2")));
            default ->
                values.addAll(List.of(
                        Value.of("NOT_A_VALUE"),
                        new Value("2000 x", LONG_SEGMENT),
                        new Value("emoji", EMOJI),
                        new Value("RTL Arabic", "%E2%80%AE%D8%B3%D9%84%D8%A7%D9%85"),
                        new Value("invalid UTF-8", "%FF")));
        }
        return List.copyOf(values);
    }

    /**
     * JSON values for a member of this kind; a text member named like a time also gets the times'
     * values, and every kind gets null and the wrong shapes.
     */
    static List<Value> json(Kind kind, String name) {
        if (kind == Kind.STRING && timeLike(name)) {
            Set<Value> values = new LinkedHashSet<>(json(Kind.STRING));
            values.addAll(json(Kind.INSTANT));
            values.addAll(json(Kind.DATE));
            return List.copyOf(values);
        }
        return json(kind);
    }

    private static boolean timeLike(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return TIME_NAMES.contains(name)
                || lower.contains("date")
                || lower.contains("time")
                || lower.equals("day")
                || name.endsWith("At");
    }

    private static List<Value> json(Kind kind) {
        List<Value> values = new ArrayList<>(List.of(Value.of("null"), Value.of("{}"), Value.of("[]")));
        switch (kind) {
            case INTEGER, NUMBER ->
                values.addAll(List.of(
                        Value.of("1e400"),
                        new Value("2^63", "9223372036854775808"),
                        new Value("-2^63-1", "-9223372036854775809"),
                        new Value("-2^63", "-9223372036854775808"),
                        new Value("2^31", "2147483648"),
                        Value.of("-1"),
                        Value.of("0"),
                        Value.of("1.5"),
                        Value.of("\"12\""),
                        Value.of("true")));
            case UUID ->
                values.addAll(List.of(
                        Value.of("\"not-a-uuid\""),
                        Value.of("\"\""),
                        Value.of("123"),
                        Value.of("\"00000000-0000-0000-0000-000000000000\""),
                        new Value("lone surrogate", "\"\\ud800\"")));
            case INSTANT ->
                values.addAll(List.of(
                        Value.of("\"-1000000000-01-01T00:00:00Z\""),
                        Value.of("\"+99999-01-01T00:00:00Z\""),
                        Value.of("\"2026-02-30T00:00:00Z\""),
                        Value.of("\"yesterday\""),
                        Value.of("\"\""),
                        Value.of("1e400"),
                        Value.of("-9223372036854775808")));
            case DATE ->
                values.addAll(List.of(
                        Value.of("\"-999999999-01-01\""),
                        Value.of("\"+99999-12-31\""),
                        Value.of("\"2026-02-30\""),
                        Value.of("\"\""),
                        Value.of("1e400")));
            case BOOLEAN -> values.addAll(List.of(Value.of("\"yes\""), Value.of("1")));
            case ARRAY ->
                values.addAll(List.of(
                        Value.of("[null]"),
                        Value.of("\"x\""),
                        new Value("array nested " + NESTING + " deep", deep()),
                        new Value("20000 zeros", "[" + "0,".repeat(19_999) + "0]")));
            case OBJECT -> values.addAll(List.of(Value.of("\"x\""), Value.of("1"), Value.of("[{}]")));
            default ->
                values.addAll(List.of(
                        Value.of("12"),
                        Value.of("true"),
                        new Value("10 KB string", "\"" + TEN_KB + "\""),
                        Value.of("\"\""),
                        Value.of("\"   \""),
                        new Value("NUL inside", "\"a\\u0000b\""),
                        new Value("lone surrogate", "\"\\ud800\""),
                        new Value("lone low surrogate", "\"x\\udc00\""),
                        new Value("RTL and emoji", "\"\u202Eمرحبا \uD83D\uDCB8\""),
                        Value.of("\"NOT_A_VALUE\"")));
        }
        return List.copyOf(values);
    }

    /** Arrays nested {@link #NESTING} deep, 10 KB of brackets. */
    static String deep() {
        return "[".repeat(NESTING) + "]".repeat(NESTING);
    }

    private Garbage() {}
}
