package org.socialbank.conversation.language;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbers written with digits and separators, in the ways of the five languages: 10.50, 10,50,
 * 1,234.56, 1.234,56, 1 234,56, 1'234, ۱۲۳٫۵ (Arabic decimal separator) and ۱٬۲۳۴ (Arabic
 * thousands separator), 1,00,000 (Indian grouping).
 *
 * <p>Which separator is the decimal one: the Arabic ٫ always; otherwise the last of two different
 * separators (1.234,56); a separator that occurs more than once groups (1.234.567); one comma or
 * point alone is decimal before one or two digits (10,50) and, before exactly three, a comma
 * groups (1,234) and a point is decimal (10.505), unless the currency has three decimals, when
 * both are decimal. A point before three digits is never read as a thousands separator: in
 * English 1.500 is one and a half, in French fifteen hundred, and a wrong guess moves a thousand
 * times the money, so {@code 1.500 EUR} is refused as too many decimals instead.
 */
final class Numbers {

    /** Longer than any amount: refused before any arithmetic. */
    static final int LENGTH_MAX = 32;

    private static final String GROUPING_ONLY = " '’\u066C";
    private static final char ARABIC_DECIMAL = '\u066B';

    private Numbers() {}

    /**
     * @param written ASCII digits and separators, with a leading {@code -} when written negative
     * @param exponent the currency's decimals (2 when the text names none)
     */
    static Reading read(String written, int exponent) {
        if (written.startsWith("-")) {
            return Reading.refused(AmountProblem.NOT_POSITIVE);
        }
        if (written.length() > LENGTH_MAX) {
            return Reading.refused(AmountProblem.TOO_LARGE);
        }
        List<String> groups = new ArrayList<>();
        List<Character> separators = new ArrayList<>();
        split(written, groups, separators);
        int decimal = decimalSeparatorIndex(separators, groups, exponent);
        if (decimal == -2) {
            return Reading.refused(AmountProblem.MALFORMED);
        }
        List<String> whole = decimal < 0 ? groups : groups.subList(0, decimal + 1);
        List<Character> grouping = decimal < 0 ? separators : separators.subList(0, decimal);
        if (!validGrouping(whole, grouping)) {
            return Reading.refused(AmountProblem.MALFORMED);
        }
        String fraction = decimal < 0 ? "" : groups.get(decimal + 1);
        BigDecimal value = new BigDecimal(String.join("", whole) + (fraction.isEmpty() ? "" : "." + fraction));
        return Reading.of(value, fraction.length());
    }

    private static void split(String written, List<String> groups, List<Character> separators) {
        StringBuilder group = new StringBuilder();
        for (char c : written.toCharArray()) {
            if (Text.isAsciiDigit(c)) {
                group.append(c);
            } else {
                groups.add(group.toString());
                separators.add(c);
                group.setLength(0);
            }
        }
        groups.add(group.toString());
    }

    /** The index of the decimal separator; -1 when there is none; -2 when it cannot be told. */
    private static int decimalSeparatorIndex(List<Character> separators, List<String> groups, int exponent) {
        int last = separators.size() - 1;
        if (last < 0) {
            return -1;
        }
        char lastSeparator = separators.get(last);
        long arabic = separators.stream().filter(c -> c == ARABIC_DECIMAL).count();
        if (arabic > 0) {
            return arabic == 1 && lastSeparator == ARABIC_DECIMAL ? last : -2;
        }
        if (GROUPING_ONLY.indexOf(lastSeparator) >= 0) {
            return -1;
        }
        long same = separators.stream().filter(c -> c == lastSeparator).count();
        boolean othersBefore = separators.stream().anyMatch(c -> c != lastSeparator);
        if (othersBefore) {
            return same == 1 ? last : -2;
        }
        if (same > 1) {
            return -1;
        }
        int after = groups.get(last + 1).length();
        if (after != 3) {
            return last;
        }
        return exponent == 3 || lastSeparator == '.' ? last : -1;
    }

    /**
     * Groups of three after a first group of one to three digits (1 234 567), or the Indian
     * lakh grouping with commas (1,00,000 and 12,34,567).
     */
    private static boolean validGrouping(List<String> groups, List<Character> separators) {
        if (separators.isEmpty()) {
            return true;
        }
        if (separators.stream().distinct().count() > 1) {
            return false;
        }
        int first = groups.get(0).length();
        boolean threes = first >= 1 && first <= 3 && groups.stream().skip(1).allMatch(g -> g.length() == 3);
        boolean lakhs = separators.get(0) == ','
                && groups.size() >= 3
                && first >= 1
                && first <= 2
                && groups.subList(1, groups.size() - 1).stream().allMatch(g -> g.length() == 2)
                && groups.get(groups.size() - 1).length() == 3;
        return threes || lakhs;
    }
}
