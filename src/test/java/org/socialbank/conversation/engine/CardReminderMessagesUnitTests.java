package org.socialbank.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardReminderMessagesUnitTests {

    @ParameterizedTest
    @CsvSource({
        "nothing_owed, cards.chat.repay.not_made.nothing_owed",
        "exceeds_amount_owed, cards.chat.repay.not_made.owed",
        "insufficient_funds, cards.chat.repay.not_made.insufficient_funds",
        "expired, cards.chat.repay.not_confirmed.expired",
        "account_unavailable, cards.chat.repay.not_made.other"
    })
    @DisplayName("reread of review 2026-12-07 money #6: a repayment refused because the card owes nothing is not"
            + " advised to 'repay in full', which would be refused too")
    void eachRefusalOfARepaymentOnThePageHasItsOwnWords(String reason, String key) {
        assertThat(CardReminderMessages.repaymentNotMadeKey(reason)).isEqualTo(key);
    }
}
