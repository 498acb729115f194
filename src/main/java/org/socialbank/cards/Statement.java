package org.socialbank.cards;

import java.time.LocalDate;
import java.util.UUID;
import org.socialbank.shared.CurrencyCode;

/**
 * A credit card's monthly statement. {@code balanceMinor} is what the card owed on the statement
 * date, fees and interest included; paying it by the due date (plus grace) keeps the next cycle's
 * purchases interest-free; paying less than {@code minimumPaymentMinor} costs a late fee.
 */
public record Statement(
        UUID id,
        CardId cardId,
        LocalDate statementDate,
        LocalDate dueDate,
        LocalDate graceEndsOn,
        CurrencyCode currency,
        long previousBalanceMinor,
        long purchasesMinor,
        long creditsMinor,
        long lateFeeMinor,
        long interestMinor,
        long balanceMinor,
        long minimumPaymentMinor) {}
