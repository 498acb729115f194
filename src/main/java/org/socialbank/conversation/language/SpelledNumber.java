package org.socialbank.conversation.language;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.socialbank.conversation.language.Sense.Multiplier;
import org.socialbank.conversation.language.Sense.NumberWord;

/**
 * A number written in words, read left to right as people count: units, tens and hundreds add
 * up within a group ("vingt et un", "сто двадцать пять", "دویست و پنجاه"), "hundred" and
 * "cent" multiply the group, a thousand or a million closes it ("deux mille cinq cents").
 * A word that cannot follow the one before ("five five") ends the number there.
 *
 * @param weak whether it is a lone article-like "one" ("un", "یه")
 */
record SpelledNumber(BigDecimal value, int end, boolean weak) {

    private static final Set<String> AND = Set.of("and", "et", "و");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static SpelledNumber at(List<Token> tokens, PhraseMatches marks, int j) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal group = BigDecimal.ZERO;
        BigDecimal last = BigDecimal.ZERO;
        boolean weak = true;
        int k = j;
        while (k < tokens.size()) {
            Optional<PhraseMatches.Match> mark = marks.startingAt(k);
            Optional<NumberWord> word = mark.flatMap(m -> m.sense(NumberWord.class));
            Optional<Multiplier> scale =
                    mark.flatMap(m -> m.sense(Multiplier.class)).filter(m -> !m.glued());
            if (word.isPresent() && word.get().hundred()) {
                group = (group.signum() == 0 ? BigDecimal.ONE : group).multiply(HUNDRED);
                last = HUNDRED;
            } else if (word.isPresent()
                    && (last.signum() == 0 || word.get().value().compareTo(bound(last)) < 0)) {
                group = group.add(word.get().value());
                last = word.get().value();
            } else if (scale.isPresent()) {
                total = total.add((group.signum() == 0 ? BigDecimal.ONE : group)
                        .multiply(scale.get().factor()));
                group = BigDecimal.ZERO;
                last = BigDecimal.ZERO;
            } else if (k > j
                    && k + 1 < tokens.size()
                    && AND.contains(tokens.get(k).key())
                    && marks.startingAt(k + 1)
                            .flatMap(m -> m.sense(NumberWord.class))
                            .isPresent()) {
                k++;
                continue;
            } else {
                break;
            }
            weak = weak && word.isPresent() && word.get().weak();
            k = mark.get().to();
        }
        return k == j ? null : new SpelledNumber(total.add(group), k, weak);
    }

    /** What may follow a word additively: below 10 after twenty, below 100 after двести, below 20 after soixante. */
    private static BigDecimal bound(BigDecimal last) {
        if (last.stripTrailingZeros().scale() > 0
                || last.remainder(BigDecimal.TEN).signum() != 0) {
            return BigDecimal.ONE;
        }
        long value = last.longValue();
        if (value == 60 || value == 80) {
            return BigDecimal.valueOf(20); // soixante-quinze, quatre-vingt-dix-neuf
        }
        long power = 1;
        while (power * 10 <= value) {
            power *= 10;
        }
        return BigDecimal.valueOf(power);
    }
}
