package org.socialbank.conversation.language;

import java.math.BigDecimal;

/**
 * Chinese numerals, with digits mixed in as people type them: 五百, 两千五 (2500: a digit after
 * the last unit counts in the next unit down), 三千零五 (3005), 一百零八, 十五, 1万 and 1.5万,
 * 1万5千, 一点五万, 两亿三千万, and the banking forms 壹贰叁 and 拾佰仟. Units must fall within
 * a section (五百三千 is refused).
 */
final class ChineseNumerals {

    /** Longer than any amount: refused before any arithmetic. */
    static final int LENGTH_MAX = 24;

    private static final String DIGITS = "零〇一壹二两兩贰三叁四肆五伍六陆七柒八捌九玖";
    private static final int[] DIGIT_VALUES = {0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9};
    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final BigDecimal YI = BigDecimal.valueOf(100_000_000);

    private ChineseNumerals() {}

    static Reading read(String written) {
        if (written.codePointCount(0, written.length()) > LENGTH_MAX) {
            return Reading.refused(AmountProblem.TOO_LARGE);
        }
        try {
            BigDecimal value = hasUnits(written) ? new Sections().read(written) : positional(written);
            return Reading.of(value, Math.max(0, value.stripTrailingZeros().scale()));
        } catch (NumberFormatException malformed) {
            return Reading.refused(AmountProblem.MALFORMED);
        }
    }

    private static boolean hasUnits(String written) {
        return written.codePoints().anyMatch(c -> unit(c) != null);
    }

    /** 五零零 (500), 一点五 (1.5): digits one by one. */
    private static BigDecimal positional(String written) {
        StringBuilder digits = new StringBuilder();
        written.codePoints().forEach(c -> digits.append(c == '点' ? '.' : (char) ('0' + digit(c))));
        return new BigDecimal(digits.toString());
    }

    static int digit(int c) {
        if (Text.isAsciiDigit(c) || c == '.') {
            return c == '.' ? -2 : c - '0';
        }
        int index = DIGITS.indexOf(c);
        if (index < 0) {
            throw new NumberFormatException("not a digit: " + Character.toString(c));
        }
        return DIGIT_VALUES[index];
    }

    static BigDecimal unit(int c) {
        return switch (c) {
            case '十', '拾' -> BigDecimal.TEN;
            case '百', '佰' -> BigDecimal.valueOf(100);
            case '千', '仟' -> BigDecimal.valueOf(1_000);
            case '万', '萬' -> WAN;
            case '亿', '億' -> YI;
            default -> null;
        };
    }

    /** Reads left to right: sections below 万, a 万 part and a 亿 part, as the language counts. */
    private static final class Sections {

        private BigDecimal yi = BigDecimal.ZERO;
        private BigDecimal wan = BigDecimal.ZERO;
        private BigDecimal section = BigDecimal.ZERO;
        private StringBuilder pending;
        private boolean pendingHan;
        private BigDecimal lastUnit = BigDecimal.ZERO;
        private BigDecimal lastSmallUnit = BigDecimal.ZERO;
        private boolean afterZero;

        BigDecimal read(String written) {
            written.codePoints().forEach(this::accept);
            BigDecimal last = pendingValue();
            boolean abbreviated = pending != null
                    && !afterZero
                    && pending.length() == 1
                    && lastUnit.compareTo(BigDecimal.valueOf(100)) >= 0;
            if (abbreviated) {
                last = last.multiply(lastUnit).divide(BigDecimal.TEN); // 两千五: 2000 + 5 × 100
            }
            return yi.add(wan).add(section).add(last);
        }

        private void accept(int c) {
            BigDecimal unit = unit(c);
            if (unit == null) {
                digitOrPoint(c);
            } else if (unit.equals(YI)) {
                yi = yi.add(partOrOne(wan.add(section))).multiply(YI);
                wan = BigDecimal.ZERO;
                section = BigDecimal.ZERO;
                endUnit(YI);
            } else if (unit.equals(WAN)) {
                if (wan.signum() != 0) {
                    throw new NumberFormatException("万 twice");
                }
                wan = partOrOne(section).multiply(WAN);
                section = BigDecimal.ZERO;
                endUnit(WAN);
            } else {
                if (lastSmallUnit.signum() != 0 && unit.compareTo(lastSmallUnit) >= 0) {
                    throw new NumberFormatException("units out of order");
                }
                section = section.add(oneIfNone().multiply(unit));
                endUnit(unit);
                lastSmallUnit = unit;
            }
        }

        private void digitOrPoint(int c) {
            int value = c == '点' ? -2 : digit(c);
            if (value == 0 && pending == null && !Text.isAsciiDigit(c)) {
                afterZero = true; // 三千零五
                return;
            }
            boolean han = !Text.isAsciiDigit(c) && value >= 0;
            if (pending == null) {
                pending = new StringBuilder();
            } else if (han && pendingHan && pending.indexOf(".") < 0) {
                throw new NumberFormatException("two digits without a unit");
            }
            pendingHan = han;
            pending.append(value < 0 ? '.' : (char) ('0' + value));
        }

        private BigDecimal oneIfNone() {
            BigDecimal value = pending == null ? BigDecimal.ONE : pendingValue();
            pending = null;
            return value;
        }

        /** What a 万 or 亿 multiplies: the part before it, or one when it starts the number (万元). */
        private BigDecimal partOrOne(BigDecimal before) {
            BigDecimal part = before.add(pendingValue());
            pending = null;
            if (part.signum() == 0 && (yi.signum() != 0 || wan.signum() != 0)) {
                throw new NumberFormatException("a unit with nothing to multiply: 亿亿");
            }
            return part.signum() == 0 ? BigDecimal.ONE : part;
        }

        private BigDecimal pendingValue() {
            return pending == null ? BigDecimal.ZERO : new BigDecimal(pending.toString());
        }

        private void endUnit(BigDecimal unit) {
            lastUnit = unit;
            afterZero = false;
            if (unit.compareTo(WAN) >= 0) {
                lastSmallUnit = BigDecimal.ZERO;
            }
        }
    }
}
