package org.socialbank.channels.wechat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.socialbank.conversation.Outbound;

/**
 * Fills a template message's fields from an alert: each configured field takes the alert's
 * {@code title}, {@code body} (all lines), {@code time} or one line ({@code line1}..{@code line20}).
 */
final class TemplateFields {

    private static final Pattern LINE = Pattern.compile("line([1-9]|1[0-9]|20)");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private TemplateFields() {}

    static boolean known(String source) {
        return "title".equals(source)
                || "body".equals(source)
                || "time".equals(source)
                || (source != null && LINE.matcher(source).matches());
    }

    /** Whether an alert of this kind may go as a template (buttons and questions may not). */
    static boolean templatable(Outbound content) {
        return content instanceof Outbound.Text
                || content instanceof Outbound.Receipt
                || content instanceof Outbound.Link;
    }

    static Map<String, String> fill(Map<String, String> fields, Outbound content, Instant now) {
        List<String> lines = WeChatReplies.lines(content);
        Map<String, String> values = new LinkedHashMap<>();
        new TreeMap<>(fields).forEach((field, source) -> {
            String value;
            if ("title".equals(source)) {
                value = WeChatReplies.title(content);
            } else if ("body".equals(source)) {
                value = String.join("\n", lines);
            } else if ("time".equals(source)) {
                value = TIME.format(now);
            } else {
                int n = Integer.parseInt(source.substring(4));
                value = n <= lines.size() ? lines.get(n - 1) : "";
            }
            values.put(field, value.length() > 200 ? value.substring(0, 199) + "…" : value);
        });
        return values;
    }
}
