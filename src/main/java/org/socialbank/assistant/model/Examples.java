package org.socialbank.assistant.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Labelled questions: read from a CSV ({@code text,category}) or a TSV ({@code intent<TAB>text}). */
public record Examples(List<String> texts, List<String> intents) {

    public record Example(String text, String intent) {}

    /** A training part and a held-out part of one set of examples. */
    public record Split(Examples train, Examples heldOut) {}

    public Examples {
        if (texts.size() != intents.size()) {
            throw new IllegalArgumentException("texts and intents differ in number");
        }
        texts = List.copyOf(texts);
        intents = List.copyOf(intents);
    }

    public static Examples of(List<Example> examples) {
        return new Examples(
                examples.stream().map(Example::text).toList(),
                examples.stream().map(Example::intent).toList());
    }

    public int size() {
        return texts.size();
    }

    /** BANKING77's CSV: a header, then {@code text,category} with RFC 4180 quoting. */
    public static Examples readCsv(InputStream in) throws IOException {
        String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        List<List<String>> rows = Csv.parse(all);
        List<Example> examples = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() == 2 && !row.get(0).isBlank()) {
                examples.add(new Example(row.get(0).strip(), row.get(1).strip()));
            }
        }
        return of(examples);
    }

    /** Our phrase files: {@code intent<TAB>text}, one a line; blank lines and {@code #} lines skipped. */
    public static Examples readTsv(InputStream in) throws IOException {
        List<Example> examples = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int tab = line.indexOf('\t');
                if (line.isBlank() || line.startsWith("#") || tab < 1) {
                    continue;
                }
                examples.add(new Example(
                        line.substring(tab + 1).strip(), line.substring(0, tab).strip()));
            }
        }
        return of(examples);
    }

    /**
     * A stratified split: per intent, a seeded shuffle puts {@code heldOutShare} of its examples
     * in the held-out part. Intents are visited in sorted order, so the split depends on the
     * data and the seed only.
     */
    public Split split(double heldOutShare, long seed) {
        Map<String, List<Integer>> byIntent = new TreeMap<>();
        for (int i = 0; i < size(); i++) {
            byIntent.computeIfAbsent(intents.get(i), k -> new ArrayList<>()).add(i);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Example> train = new ArrayList<>();
        List<Example> heldOut = new ArrayList<>();
        for (List<Integer> rows : byIntent.values()) {
            for (int i = rows.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                rows.set(i, rows.set(j, rows.get(i)));
            }
            int cut = (int) Math.round(rows.size() * heldOutShare);
            for (int r = 0; r < rows.size(); r++) {
                (r < cut ? heldOut : train).add(new Example(texts.get(rows.get(r)), intents.get(rows.get(r))));
            }
        }
        return new Split(of(train), of(heldOut));
    }

    /**
     * {@code k} stratified folds for cross-validation: per intent, a seeded shuffle deals its
     * examples round-robin into the folds; split {@code f} holds fold {@code f} out and trains on
     * the rest. Every example is held out exactly once.
     */
    public List<Split> folds(int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("at least two folds are required");
        }
        Map<String, List<Integer>> byIntent = new TreeMap<>();
        for (int i = 0; i < size(); i++) {
            byIntent.computeIfAbsent(intents.get(i), x -> new ArrayList<>()).add(i);
        }
        int[] fold = new int[size()];
        SplittableRandom random = new SplittableRandom(seed);
        for (List<Integer> rows : byIntent.values()) {
            for (int i = rows.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                rows.set(i, rows.set(j, rows.get(i)));
            }
            for (int r = 0; r < rows.size(); r++) {
                fold[rows.get(r)] = r % k;
            }
        }
        List<Split> splits = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            List<Example> train = new ArrayList<>();
            List<Example> heldOut = new ArrayList<>();
            for (int i = 0; i < size(); i++) {
                (fold[i] == f ? heldOut : train).add(new Example(texts.get(i), intents.get(i)));
            }
            splits.add(new Split(of(train), of(heldOut)));
        }
        return splits;
    }

    /** The first {@code perIntent} examples of each intent, in order. */
    public Examples firstPerIntent(int perIntent) {
        Map<String, Integer> seen = new java.util.HashMap<>();
        List<Example> kept = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            if (seen.merge(intents.get(i), 1, Integer::sum) <= perIntent) {
                kept.add(new Example(texts.get(i), intents.get(i)));
            }
        }
        return of(kept);
    }

    /** The distinct intents, sorted. */
    public List<String> labels() {
        return intents.stream().distinct().sorted().toList();
    }

    /** SHA-256 of the examples, to key a cache of what was trained on them. */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < size(); i++) {
                sha.update((intents.get(i) + '\t' + texts.get(i) + '\n').getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4180 fields: quotes around a field, doubled quotes inside it, line breaks inside quotes. */
    static final class Csv {

        private Csv() {}

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            if (!field.isEmpty() || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
