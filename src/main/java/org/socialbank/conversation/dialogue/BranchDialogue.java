package org.socialbank.conversation.dialogue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.socialbank.branches.Branch;
import org.socialbank.branches.Branches;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue.Step;
import org.socialbank.shared.Language;

/**
 * Where the bank's branches are: those in a place the text names ("branches in Paris") or those
 * nearest a shared location, with their hours. Public: no customer's data, so shown in groups too.
 */
final class BranchDialogue {

    static final int BRANCHES_SHOWN = 3;
    /** Words of one text the branch search looks up at most (security review #9: one LIKE scan each). */
    static final int BRANCH_WORDS_MAX = 8;

    private final Texts texts;

    BranchDialogue(Texts texts) {
        this.texts = texts;
    }

    /** Branches in a place the text names ("branches in Paris"), else a request for the location. */
    Step named(DialogueState state, Language language, Bank bank, String text) {
        Map<String, Branch> found = new LinkedHashMap<>();
        Set<String> looked = new HashSet<>();
        for (String word : text.split("[\\s,.!?،؟。，！？]+")) {
            int length = word.codePointCount(0, word.length());
            boolean ideographic = word.codePoints().anyMatch(Character::isIdeographic);
            if ((length >= 3 || ideographic && length >= 2)
                    && !word.startsWith("/")
                    && !word.startsWith("#")
                    && looked.size() < BRANCH_WORDS_MAX
                    && looked.add(word)) {
                bank.branchesIn(word, BRANCHES_SHOWN).forEach(b -> found.putIfAbsent(b.id(), b));
            }
        }
        if (found.isEmpty()) {
            return say(state, language, "conversation.branches.ask_location");
        }
        List<Outbound.Place> places = found.values().stream()
                .limit(BRANCHES_SHOWN)
                .map(b -> place(
                        language,
                        b,
                        texts.text(language, "conversation.branches.detail", b.address(), hours(language, b))))
                .toList();
        return new Step(
                state,
                List.of(new Outbound.Places(texts.text(language, "conversation.branches.title"), places)),
                language);
    }

    /** The branches nearest a shared location, with how far each is. */
    Step nearest(DialogueState state, Language language, Bank bank, double lat, double lon) {
        List<Branches.Nearby> nearby = bank.branchesNear(lat, lon, BRANCHES_SHOWN);
        if (nearby.isEmpty()) {
            return say(state, language, "conversation.branches.none");
        }
        List<Outbound.Place> places = nearby.stream()
                .map(n -> place(
                        language,
                        n.branch(),
                        texts.text(
                                language,
                                "conversation.branches.detail_distance",
                                n.branch().address(),
                                hours(language, n.branch()),
                                distance(language, n.metres()))))
                .toList();
        return new Step(
                state,
                List.of(new Outbound.Places(texts.text(language, "conversation.branches.nearest"), places)),
                language);
    }

    private String hours(Language language, Branch b) {
        return b.hours().isEmpty() ? texts.text(language, "conversation.branches.always_open") : b.hours();
    }

    private static Outbound.Place place(Language language, Branch b, String detail) {
        return new Outbound.Place(b.name(), detail, b.lat(), b.lon());
    }

    private static String distance(Language language, long metres) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(language.locale());
        format.setMaximumFractionDigits(1);
        return metres < 1_000 ? format.format(metres) + " m" : format.format(metres / 1_000.0) + " km";
    }

    static List<String> messageKeys() {
        return List.of(
                "conversation.branches.ask_location",
                "conversation.branches.title",
                "conversation.branches.detail",
                "conversation.branches.nearest",
                "conversation.branches.detail_distance",
                "conversation.branches.always_open",
                "conversation.branches.none");
    }

    private Step say(DialogueState state, Language language, String key) {
        return new Step(state, List.of(new Outbound.Text(texts.text(language, key))), language);
    }
}
