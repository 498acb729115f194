package org.socialbank.cards.web;

import java.time.LocalDate;
import java.util.UUID;
import org.socialbank.cards.Card;
import org.socialbank.cards.Statement;

/** The JSON shapes of cards and statements; a card's number appears only masked. */
final class CardJson {

    private CardJson() {}

    /** The credit members are null for a debit card. */
    record CardView(
            UUID id,
            String kind,
            String maskedNumber,
            String status,
            String currency,
            UUID accountId,
            LocalDate issuedOn,
            LocalDate expiresOn,
            Long limitMinor,
            Long owedMinor,
            Long availableMinor,
            Integer statementDay,
            LocalDate dispatchedOn) {

        static CardView of(Card c, long owedMinor) {
            return new CardView(
                    c.id().value(),
                    c.kind().wireName(),
                    c.maskedNumber(),
                    c.status().wireName(),
                    c.currency().code(),
                    c.accountId().value(),
                    c.issuedOn(),
                    c.expiresOn(),
                    c.credit() ? c.limitMinor() : null,
                    c.credit() ? owedMinor : null,
                    c.credit() ? Math.max(0, c.limitMinor() - owedMinor) : null,
                    c.credit() ? c.statementDay() : null,
                    c.dispatchedOn());
        }
    }

    record StatementView(
            UUID id,
            UUID cardId,
            LocalDate statementDate,
            LocalDate dueDate,
            LocalDate graceEndsOn,
            long balanceMinor,
            long minimumPaymentMinor,
            String currency,
            long previousBalanceMinor,
            long purchasesMinor,
            long creditsMinor,
            long lateFeeMinor,
            long interestMinor) {

        static StatementView of(Statement s) {
            return new StatementView(
                    s.id(),
                    s.cardId().value(),
                    s.statementDate(),
                    s.dueDate(),
                    s.graceEndsOn(),
                    s.balanceMinor(),
                    s.minimumPaymentMinor(),
                    s.currency().code(),
                    s.previousBalanceMinor(),
                    s.purchasesMinor(),
                    s.creditsMinor(),
                    s.lateFeeMinor(),
                    s.interestMinor());
        }
    }
}
