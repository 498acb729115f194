package org.socialbank.conversation.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.socialbank.conversation.language.Token.Kind;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;

/**
 * Phone numbers in running text: {@code +} and 7 or more digits, or a local number of 8 or more
 * digits starting with 0, or 10 or more digits, in the usual punctuation
 * ({@code 8 (912) 345-67-89}, {@code 06.12.34.56.78}), and not next to a currency (then it is an
 * amount: {@code 2100000000 ریال}). The directory's {@link Alias} reads them (libphonenumber, in
 * the region); the longest valid run wins, so an amount after a number stays an amount.
 */
final class Phones {

    static final int RUN_MAX = 24;
    private static final int WORD_MAX = 12;
    private static final String PUNCTUATION = " -.()";

    private Phones() {}

    /**
     * @param payee the phone, or null for digits shaped like a phone in one block that are not
     *     valid in the region: kept apart so that they never become an amount
     */
    record Found(int end, Payee payee) {}

    static Optional<Found> at(int[] cps, int i, List<Token> tokens, String region, Lexicon lexicon) {
        List<Integer> ends = runEnds(cps, i);
        Integer shaped = null;
        for (int k = ends.size() - 1; k >= 0; k--) {
            int end = ends.get(k);
            String candidate = new String(cps, i, end - i);
            if (!shaped(candidate) || nextToCurrency(cps, i, end, tokens, lexicon)) {
                continue;
            }
            boolean oneBlock = candidate.charAt(0) == '+' || candidate.charAt(0) == '0' || candidate.indexOf(' ') < 0;
            shaped = shaped == null && oneBlock ? Integer.valueOf(end) : shaped;
            Optional<Alias> phone =
                    Alias.tryParse(AliasType.PHONE, null, candidate, region).alias();
            if (phone.isPresent()) {
                return Optional.of(new Found(end, Payee.of(phone.get())));
            } // else try a shorter run: the digits after it may be an amount
        }
        return shaped == null ? Optional.empty() : Optional.of(new Found(shaped, null));
    }

    /** Where a run of digits ends, at most {@value #RUN_MAX} characters from {@code i}. */
    private static List<Integer> runEnds(int[] cps, int i) {
        List<Integer> ends = new ArrayList<>();
        int limit = Math.min(cps.length, i + RUN_MAX);
        int j = cps[i] == '+' ? i + 1 : i;
        while (j < limit) {
            int c = cps[j];
            if (Text.isAsciiDigit(c)) {
                j++;
                if (j == cps.length || !Text.isAsciiDigit(cps[j])) {
                    ends.add(j);
                }
            } else if (PUNCTUATION.indexOf(c) >= 0
                    && j + 1 < cps.length
                    && (Text.isAsciiDigit(cps[j + 1]) || cps[j + 1] == '(' || (c == ')' && cps[j + 1] == ' '))) {
                j++;
            } else {
                break;
            }
        }
        return ends;
    }

    private static boolean shaped(String candidate) {
        int digits = 0;
        int dots = 0;
        for (int k = 0; k < candidate.length(); k++) {
            char c = candidate.charAt(k);
            digits += Text.isAsciiDigit(c) ? 1 : 0;
            dots += c == '.' ? 1 : 0;
        }
        if (dots == 1 || digits > 15) {
            return false; // 1000000.50 is an amount
        }
        if (candidate.charAt(0) == '+') {
            return digits >= 7;
        }
        return (candidate.charAt(0) == '0' && digits >= 8) || digits >= 10;
    }

    /** Whether a currency or a multiplier is written just before {@code i} or just after {@code end}. */
    private static boolean nextToCurrency(int[] cps, int i, int end, List<Token> tokens, Lexicon lexicon) {
        Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        if (last != null
                && onlySpaces(cps, last.end(), i)
                && (last.is(Kind.SYMBOL) || amountWord(last.key(), last.text(), lexicon))) {
            return true;
        }
        int j = end;
        while (j < cps.length && cps[j] == ' ') {
            j++;
        }
        if (j == cps.length) {
            return false;
        }
        if (lexicon.sign(cps[j]).isPresent()) {
            return !beforeDigits(cps, j + 1); // +44 7911 123456 £15: the pound is 15's
        }
        if (Lexicon.isHanNumeral(cps[j])) {
            return j == end; // 100万, but not 13800138000 五十块
        }
        int wordEnd = j;
        if (Text.isHan(cps[j])) {
            wordEnd = j + lexicon.hanWordAt(cps, j);
        } else {
            while (wordEnd < cps.length
                    && wordEnd - j < WORD_MAX
                    && Text.isLetter(cps[wordEnd])
                    && !Text.isHan(cps[wordEnd])) {
                wordEnd++;
            }
        }
        String word = new String(cps, j, wordEnd - j);
        return wordEnd > j && amountWord(Text.key(word), word, lexicon) && !beforeDigits(cps, wordEnd);
    }

    /** Whether digits follow {@code from}, past spaces and a point ({@code Rs. 500}). */
    private static boolean beforeDigits(int[] cps, int from) {
        int j = from;
        while (j < cps.length && (cps[j] == ' ' || cps[j] == '.')) {
            j++;
        }
        return j < cps.length && Text.isAsciiDigit(cps[j]);
    }

    private static boolean amountWord(String key, String written, Lexicon lexicon) {
        return lexicon.word(key, written).stream()
                .anyMatch(s -> s instanceof Sense.CurrencyWord || s instanceof Sense.Multiplier);
    }

    private static boolean onlySpaces(int[] cps, int from, int to) {
        for (int k = from; k < to; k++) {
            if (cps[k] != ' ') {
                return false;
            }
        }
        return true;
    }
}
