package org.socialbank.conversation.language;

import java.math.BigDecimal;

/**
 * A number as read: its value and how many decimals were typed ({@code 1.500} has 3, and is
 * refused in euros even though it equals 1.5), or why it is not a number.
 */
record Reading(BigDecimal value, int decimals, AmountProblem problem) {

    static Reading of(BigDecimal value, int decimals) {
        return new Reading(value, decimals, null);
    }

    static Reading refused(AmountProblem problem) {
        return new Reading(null, 0, problem);
    }

    boolean ok() {
        return problem == null;
    }
}
