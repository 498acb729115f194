package org.socialbank.channels.whatsapp;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.socialbank.conversation.Outbound;

/**
 * Fills an approved template's body parameters from a reply: each configured parameter takes the
 * reply's {@code title}, {@code body} (its lines), {@code url} (a link's), {@code time} or one line
 * ({@code line1}..{@code line20}). Meta refuses a parameter that is empty or holds a line break, a
 * tab or more than four spaces in a row: those become "-" and " · ".
 */
final class TemplateParameters {

    static final int PARAMETERS_MAX = 10;
    /** A template's body is at most 1024 characters with its parameters. */
    static final int TOTAL_MAX = 1_000;

    private static final Pattern LINE = Pattern.compile("line([1-9]|1[0-9]|20)");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private TemplateParameters() {}

    static boolean known(String source) {
        return "title".equals(source)
                || "body".equals(source)
                || "url".equals(source)
                || "time".equals(source)
                || (source != null && LINE.matcher(source).matches());
    }

    /** Whether a reply of this kind may go as an alert template (questions and buttons may not). */
    static boolean templatable(Outbound content) {
        return content instanceof Outbound.Text
                || content instanceof Outbound.Receipt
                || content instanceof Outbound.Link;
    }

    static List<String> fill(List<String> sources, Outbound content, Instant now) {
        List<String> values = new ArrayList<>();
        int each = sources.isEmpty() ? TOTAL_MAX : TOTAL_MAX / sources.size();
        for (String source : sources) {
            values.add(clean(value(source, content, now), each));
        }
        return values;
    }

    private static String value(String source, Outbound content, Instant now) {
        List<String> lines = content instanceof Outbound.Receipt r ? r.lines() : List.of();
        return switch (source) {
            case "title" -> title(content);
            case "body" ->
                content instanceof Outbound.Link l
                        ? l.text()
                        : content instanceof Outbound.Buttons b ? b.text() : String.join(" · ", lines);
            case "url" -> content instanceof Outbound.Link l ? l.url() : "";
            case "time" -> TIME.format(now);
            default -> {
                int n = Integer.parseInt(source.substring(4));
                yield n <= lines.size() ? lines.get(n - 1) : "";
            }
        };
    }

    private static String title(Outbound content) {
        if (content instanceof Outbound.Receipt r) {
            return r.title();
        }
        if (content instanceof Outbound.Buttons b) {
            return b.text(); // a campaign's message, only ever in the marketing template
        }
        return content instanceof Outbound.Link l ? l.text() : content instanceof Outbound.Text t ? t.text() : "";
    }

    static String clean(String value, int max) {
        String flat = value.replaceAll("[\\r\\n\\t]+", " · ")
                .replaceAll(" {4,}", "   ")
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (flat.isEmpty()) {
            return "-";
        }
        return flat.length() > max ? flat.substring(0, max - 1) + "…" : flat;
    }
}
