package org.socialbank.conversation.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/**
 * The corpus of {@code src/test/resources/conversation/corpus.tsv}: commands as customers type
 * them, each with what the parser must read, and the context every one is read in.
 */
public final class Corpus {

    static final String RESOURCE = "/conversation/corpus.tsv";

    /** The chat every command of the corpus is written in. */
    public static final Context CONTEXT = new Context(
            Network.TELEGRAM,
            null,
            List.of(
                    "Bob",
                    "Alice Martin",
                    "Sophie",
                    "Jean Dupont",
                    "Иван",
                    "Маша",
                    "Ольга Петрова",
                    "علی",
                    "مریم",
                    "رضا",
                    "王伟",
                    "李娜"),
            Set.of("SMoneyfr", "socialbank_bot"));

    private Corpus() {}

    /**
     * One command and what it must read as.
     *
     * @param language the language of its section, which the parser must detect
     * @param number its line number in the file
     */
    public record Line(int number, Language language, Optional<Language> hint, String text, String expected) {}

    public static List<Line> load() {
        try (InputStream in = Corpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return lines(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Line> lines(BufferedReader reader) throws IOException {
        List<Line> lines = new ArrayList<>();
        Language section = null;
        int number = 0;
        for (String row = reader.readLine(); row != null; row = reader.readLine()) {
            number++;
            if (row.startsWith("## ")) {
                section = Language.fromTag(row.substring(3, 5)).orElseThrow();
            } else if (!row.isBlank() && !row.startsWith("#")) {
                String[] columns = row.split("\t", -1);
                if (columns.length != 6 || section == null) {
                    throw new IllegalStateException("line " + number + ": 6 columns in a section expected: " + row);
                }
                Optional<Language> hint = columns[0].isEmpty()
                        ? Optional.empty()
                        : Optional.of(Language.fromTag(columns[0]).orElseThrow());
                lines.add(new Line(
                        number,
                        section,
                        hint,
                        columns[1],
                        describe(section.tag(), columns[2], columns[3], columns[4], columns[5])));
            }
        }
        return lines;
    }

    /** What the parser read, in the corpus's own terms, so that a mismatch shows both side by side. */
    static String describe(ParsedCommand command) {
        String amount = command.amountMinor().isPresent()
                ? Long.toString(command.amountMinor().getAsLong())
                : "";
        String payees = command.payees().stream()
                .map(p -> p.type().wireName() + ":" + p.value())
                .collect(Collectors.joining(";"));
        return describe(
                command.language().tag(),
                command.intent().wireName(),
                amount,
                command.currency().map(Object::toString).orElse(""),
                payees);
    }

    private static String describe(String language, String intent, String amountMinor, String currency, String payees) {
        return language + " " + intent + " amountMinor=" + amountMinor + " currency=" + currency + " payees=" + payees;
    }
}
