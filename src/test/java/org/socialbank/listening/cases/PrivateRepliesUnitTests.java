package org.socialbank.listening.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a private message from a case may say (issue 20 s3), pure. */
class PrivateRepliesUnitTests {

    @Test
    void aLinkedCustomerMayReadPersonalDetailsButNeverACardNumber() {
        assertThat(PrivateReplies.refusal("Your balance is 120.50 EUR and your transfer of 300 EUR left today", true))
                .isEmpty();
        assertThat(PrivateReplies.refusal("Call us at +33 1 40 00 00 00 or write to care@bank.example", true))
                .isEmpty();
        assertThat(PrivateReplies.refusal("Is this your card 4970-1012-3456-7890?", true))
                .contains("secret_card_number");
        assertThat(PrivateReplies.refusal("کارت ۴۹۷۰۱۰۱۲۳۴۵۶۷۸۹۰ مسدود شد", true))
                .contains("secret_card_number");
    }

    /** Review of agents' replies: a PIN or a code is no more sayable in a chat than a card number. */
    @Test
    void aLinkedCustomerIsNeverWrittenAPinOrACode() {
        assertThat(PrivateReplies.refusal("your code is 123456", true)).contains("secret");
        assertThat(PrivateReplies.refusal("the PIN is 1234", true)).contains("secret");
        assertThat(PrivateReplies.refusal("رمز ۱۲۳۴", true)).contains("secret");
    }

    @Test
    void anUnlinkedAuthorIsWrittenToAsInPublic() {
        assertThat(PrivateReplies.refusal("Sorry for the wait, tell us more here please.", false))
                .isEmpty();
        assertThat(PrivateReplies.refusal("Your balance is fine", false)).contains("balance");
        assertThat(PrivateReplies.refusal("We refunded 12.50 EUR", false)).contains("amount");
        assertThat(PrivateReplies.refusal("Call +33 1 40 00 00 00", false)).contains("phone_number");
    }
}
