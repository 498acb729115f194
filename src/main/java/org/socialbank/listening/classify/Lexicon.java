package org.socialbank.listening.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.socialbank.listening.Topic;

/**
 * One language's word lists, read from {@code listening/lexicon/<lang>.txt}: sentiment entries
 * with a weight, negators, intensifiers, contrast words and topic keywords. An entry is one or
 * more words; a word ending in '*' matches any word it begins (a crude stem). Han entries are
 * also the dictionary by which runs of Han characters are segmented (longest match).
 */
final class Lexicon {

    static final int HAN_WORD_LENGTH_MAX = 6;

    /** A matched entry: its weight (sentiment) or topic, and how many tokens it covers. */
    record Entry(List<String> words, double weight, Topic topic) {}

    private final Map<String, List<Entry>> sentimentByFirst = new HashMap<>();
    private final Map<String, List<Entry>> topicByFirst = new HashMap<>();
    private final Set<String> negators = new HashSet<>();
    private final Set<String> negatorsAfter = new HashSet<>();
    private final Map<String, Double> intensifiers = new HashMap<>();
    private final Set<String> contrasts = new HashSet<>();
    private final Set<String> undoes = new HashSet<>();
    private final Set<String> scopeEnds = new HashSet<>();
    private final Set<String> echoes = new HashSet<>();
    private final Set<String> fillers = new HashSet<>();
    private final Set<String> hanWords = new HashSet<>();

    static Lexicon load(String... languages) {
        Lexicon lexicon = new Lexicon();
        for (String language : languages) {
            String path = "/listening/lexicon/" + language + ".txt";
            try (InputStream in = Lexicon.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing lexicon " + path);
                }
                lexicon.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lexicon;
    }

    private void read(BufferedReader reader) throws IOException {
        String section = "";
        String line;
        while ((line = reader.readLine()) != null) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
                continue;
            }
            add(section, line);
        }
    }

    private void add(String section, String line) {
        double weight = 1;
        String phrase = line;
        int tab = line.lastIndexOf(' ');
        if (tab > 0 && line.substring(tab + 1).matches("-?[0-9.]+")) {
            weight = Double.parseDouble(line.substring(tab + 1));
            phrase = line.substring(0, tab).strip();
        }
        List<String> words = words(phrase);
        if (words.isEmpty()) {
            return;
        }
        switch (section) {
            case "positive" -> index(sentimentByFirst, new Entry(words, Math.abs(weight), null));
            case "negative" -> index(sentimentByFirst, new Entry(words, -Math.abs(weight), null));
            case "negation" -> negators.add(words.get(0));
            case "negation after" -> negatorsAfter.add(words.get(0));
            case "intensifier" ->
                intensifiers.put(words.get(words.size() - 1), weight == 1 ? 1.5 : weight); // "un peu": peu
            case "contrast" -> contrasts.add(words.get(0));
            case "undo" -> undoes.add(words.get(0));
            case "scope end" -> scopeEnds.add(words.get(0));
            case "echo" -> echoes.add(String.join(" ", words));
            case "filler" -> fillers.add(words.get(0));
            default -> {
                if (!section.startsWith("topic ")) {
                    throw new IllegalStateException("unknown lexicon section " + section);
                }
                Topic topic = Topic.valueOf(section.substring(6).strip().toUpperCase(java.util.Locale.ROOT));
                index(topicByFirst, new Entry(words, 1, topic));
            }
        }
    }

    /** The entry's words, normalised like texts; Han runs stay whole (they are dictionary words). */
    private List<String> words(String phrase) {
        List<String> out = new ArrayList<>();
        for (String raw : phrase.strip().split("\\s+")) {
            boolean prefix = raw.endsWith("*");
            List<String> pieces =
                    joinHan(Texts.tokens(Texts.normalize(prefix ? raw.substring(0, raw.length() - 1) : raw)));
            for (int k = 0; k < pieces.size(); k++) {
                String word = pieces.get(k);
                if (Texts.isHan(word) && word.length() > 1 && word.length() <= HAN_WORD_LENGTH_MAX) {
                    hanWords.add(word);
                }
                out.add(prefix && k == pieces.size() - 1 ? word + "*" : word);
            }
        }
        return out;
    }

    /** An entry's run of Han characters is one dictionary word. */
    private static List<String> joinHan(List<String> tokens) {
        List<String> out = new ArrayList<>();
        for (String t : tokens) {
            int last = out.size() - 1;
            if (last >= 0 && Texts.isHan(t) && Texts.isHan(out.get(last))) {
                out.set(last, out.get(last) + t);
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private static void index(Map<String, List<Entry>> map, Entry entry) {
        map.computeIfAbsent(entry.words().get(0), k -> new ArrayList<>()).add(entry);
    }

    /** Joins runs of Han characters into dictionary words, longest match first. */
    List<String> segment(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            if (!Texts.isHan(tokens.get(i))) {
                out.add(tokens.get(i++));
                continue;
            }
            int taken = 1;
            for (int n = Math.min(HAN_WORD_LENGTH_MAX, tokens.size() - i); n > 1; n--) {
                if (hanRun(tokens, i, n) && hanWords.contains(String.join("", tokens.subList(i, i + n)))) {
                    taken = n;
                    break;
                }
            }
            out.add(String.join("", tokens.subList(i, i + taken)));
            i += taken;
        }
        return out;
    }

    private static boolean hanRun(List<String> tokens, int from, int n) {
        for (int k = from; k < from + n; k++) {
            if (!Texts.isHan(tokens.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** The longest sentiment entry that starts at {@code at}, or null. */
    Entry sentimentAt(List<String> tokens, int at) {
        return longest(sentimentByFirst, tokens, at);
    }

    /** The longest topic entry that starts at {@code at}, or null. */
    Entry topicAt(List<String> tokens, int at) {
        return longest(topicByFirst, tokens, at);
    }

    private static Entry longest(Map<String, List<Entry>> map, List<String> tokens, int at) {
        String token = tokens.get(at);
        Entry best = null;
        best = better(best, map.get(token), tokens, at);
        for (int k = token.length() - 1; k >= 2; k--) {
            best = better(best, map.get(token.substring(0, k) + "*"), tokens, at);
        }
        best = better(best, map.get(token + "*"), tokens, at);
        return best;
    }

    private static Entry better(Entry best, List<Entry> candidates, List<String> tokens, int at) {
        if (candidates == null) {
            return best;
        }
        for (Entry e : candidates) {
            if ((best == null || e.words().size() > best.words().size()) && matches(e.words(), tokens, at)) {
                best = e;
            }
        }
        return best;
    }

    private static boolean matches(List<String> words, List<String> tokens, int at) {
        if (at + words.size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < words.size(); k++) {
            String w = words.get(k);
            String t = tokens.get(at + k);
            boolean ok = w.endsWith("*") ? t.startsWith(w.substring(0, w.length() - 1)) : t.equals(w);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    boolean isNegator(String token) {
        return negators.contains(token);
    }

    /** A word that negates the one before it (Persian "خوب نیست", not good). */
    boolean isNegatorAfter(String token) {
        return negatorsAfter.contains(token);
    }

    double intensity(String token) {
        return intensifiers.getOrDefault(token, 1.0);
    }

    boolean isContrast(String token) {
        return contrasts.contains(token);
    }

    /**
     * A word that undoes a harm next to it ("reversed the fraudulent payment", "m'a évité une
     * arnaque", "撤销了盗刷"): the harm is then good news. A word ending in '*' is a stem.
     */
    boolean isUndo(String token) {
        if (undoes.contains(token)) {
            return true;
        }
        for (String u : undoes) {
            if (u.endsWith("*") && token.startsWith(u.substring(0, u.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * An exclamation whose sign is the text's ("unbelievable", "incroyable", "невероятно": praise
     * after praise, outrage after a complaint), listed in a sentiment section and in {@code [echo]}.
     */
    boolean isEcho(Entry entry) {
        return echoes.contains(String.join(" ", entry.words()));
    }

    /** An interjection or particle that says nothing of its own ("oh", "ну", "啊"): "Ну просто замечательно," is a clause of praise alone. */
    boolean isFiller(String token) {
        return fillers.contains(token) || intensity(token) != 1;
    }

    /** A word a negation does not reach past ("can't believe how bad": "how" shields "bad"). */
    boolean isScopeEnd(String token) {
        return scopeEnds.contains(token);
    }

    static Map<Topic, Integer> emptyCounts() {
        return new EnumMap<>(Topic.class);
    }
}
