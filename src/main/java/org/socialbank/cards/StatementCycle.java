package org.socialbank.cards;

import java.time.LocalDate;

/** Statement dates, pure: one a month on the card's statement day (1 to 28, so every month has it). */
final class StatementCycle {

    private StatementCycle() {}

    /** The first statement date strictly after the day the card was issued. */
    static LocalDate firstStatementDate(LocalDate issuedOn, int statementDay) {
        LocalDate sameMonth = issuedOn.withDayOfMonth(statementDay);
        return sameMonth.isAfter(issuedOn) ? sameMonth : sameMonth.plusMonths(1);
    }

    static LocalDate next(LocalDate statementDate) {
        return statementDate.plusMonths(1);
    }

    static LocalDate previous(LocalDate statementDate) {
        return statementDate.minusMonths(1);
    }
}
