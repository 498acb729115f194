package org.socialbank.assistant;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one answer of the knowledge base from its markdown: a {@code # title} line, the plain
 * answer, and optional {@code ## With {variable}} sections (the heading names the variable, braces or not) used instead of the plain answer when
 * the variable is known (assistant/answers/README.md). Pure, so the console previews exactly
 * what the chat will show.
 */
final class AnswerMarkdown {

    /** The customer's data an answer may name. */
    static final Set<String> VARIABLES = Set.of("card_dispatched_on", "card_issued_on", "last_payment_refused");

    /**
     * The order in which known variables choose a section, whatever the file's order: the day the
     * card left says more than the day it was made (review 2026-12-07 assistant follow-up).
     */
    static final java.util.List<String> PREFERRED =
            java.util.List.of("card_dispatched_on", "card_issued_on", "last_payment_refused");

    /**
     * The intents whose answer may name each variable (review 2026-12-07): the chat fills a variable
     * only for these, so an answer shown elsewhere (a shared bill how-to, say) never carries her data.
     */
    static final Map<String, Set<String>> INTENTS_OF = Map.of(
            "card_dispatched_on", Set.of("card_arrival"),
            "card_issued_on", Set.of("card_arrival"),
            "last_payment_refused", Set.of("failed_transfer", "declined_transfer"));

    private static final Pattern VARIABLE = Pattern.compile("\\{([a-z_]{1,40})}");

    /** The markdown read, or the stable code of what is wrong with it. */
    sealed interface Read permits Parsed, Malformed {}

    record Parsed(String title, String text, Map<String, String> variants) implements Read {}

    record Malformed(String code) implements Read {}

    private AnswerMarkdown() {}

    /** Whether the intent's answer may name the variable. */
    static boolean fits(String variable, String intent) {
        return INTENTS_OF.getOrDefault(variable, Set.of()).contains(intent);
    }

    /**
     * As {@link #read(String)}, for one intent's answer: a section whose variable belongs to other
     * intents is {@code variable_not_for_intent}.
     */
    static Read read(String markdown, String intent) {
        Read read = read(markdown);
        if (read instanceof Parsed p && !p.variants().keySet().stream().allMatch(v -> fits(v, intent))) {
            return new Malformed("variable_not_for_intent");
        }
        return read;
    }

    /**
     * The markdown as it is stored: line ends as LF (a browser's form sends CRLF), stripped, one
     * newline at the end (review 2026-12-07 assistant follow-up).
     */
    static String normalized(String markdown) {
        return markdown.replace("\r\n", "\n").replace('\r', '\n').strip() + "\n";
    }

    static Read read(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return new Malformed("blank_answer");
        }
        String normal = normalized(markdown);
        if (normal.length() > KnowledgeBase.MARKDOWN_MAX) {
            return new Malformed("answer_too_long"); // as stored: VARCHAR(4000) (V62), its newline counted
        }
        String[] lines = normal.strip().split("\n");
        if (!lines[0].startsWith("# ") || lines[0].substring(2).isBlank()) {
            return new Malformed("missing_title");
        }
        StringBuilder plain = new StringBuilder();
        Map<String, StringBuilder> sections = new LinkedHashMap<>();
        StringBuilder current = plain;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].startsWith("## ")) {
                String heading = lines[i];
                Optional<String> named =
                        VARIABLES.stream().filter(heading::contains).findFirst();
                if (named.isEmpty()) {
                    return new Malformed("unknown_variable");
                }
                current = sections.computeIfAbsent(named.get(), k -> new StringBuilder());
            } else {
                current.append(lines[i]).append('\n');
            }
        }
        String text = plain.toString().strip();
        if (text.isEmpty()) {
            return new Malformed("blank_answer");
        }
        if (VARIABLE.matcher(text).find()) {
            return new Malformed("variable_outside_section");
        }
        Optional<String> wrong = sectionProblem(sections);
        if (wrong.isPresent()) {
            return new Malformed(wrong.get());
        }
        Map<String, String> variants = new LinkedHashMap<>();
        for (String variable : PREFERRED) {
            if (sections.containsKey(variable)) {
                variants.put(variable, sections.get(variable).toString().strip());
            }
        }
        // in PREFERRED's order: the first section whose variable is known is shown (Map.copyOf has none)
        return new Parsed(lines[0].substring(2).strip(), text, java.util.Collections.unmodifiableMap(variants));
    }

    /**
     * An empty section (she would get an empty message) is {@code blank_section}; a section naming
     * another variable than its own (shown raw, never filled) is {@code foreign_variable}
     * (review 2026-12-07 assistant follow-up).
     */
    private static Optional<String> sectionProblem(Map<String, StringBuilder> sections) {
        for (Map.Entry<String, StringBuilder> section : sections.entrySet()) {
            String body = section.getValue().toString();
            if (body.isBlank()) {
                return Optional.of("blank_section");
            }
            java.util.regex.Matcher named = VARIABLE.matcher(body);
            while (named.find()) {
                if (!named.group(1).equals(section.getKey())) {
                    return Optional.of("foreign_variable");
                }
            }
        }
        return Optional.empty();
    }
}
