package org.socialbank.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.notifications.SendBudgets.Medium;
import org.socialbank.shared.DemoMode;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A destination's budget key is an HMAC under the pepper, never the plain SHA-256 of the number that
 * anyone could compute for every number (review 2026-12-07 notifications follow-up).
 */
class SendBudgetKeysUnitTests {

    static final NotificationsProperties.Budgets BUDGETS =
            new NotificationsProperties.Budgets(25, 10, 1000, List.of("+881"));

    @Test
    @DisplayName("the key of a number differs under another pepper and is no SHA-256 of it"
            + " (review 2026-12-07 notifications follow-up)")
    void theKeyDependsOnThePepperAndIsNoPlainDigest() throws Exception {
        String key = budgets(pepper(1)).destinationKey(Medium.SMS, "+33612345678");
        assertThat(budgets(pepper(1)).destinationKey(Medium.SMS, "+33612345678"))
                .isEqualTo(key);
        assertThat(budgets(pepper(2)).destinationKey(Medium.SMS, "+33612345678"))
                .isNotEqualTo(key);
        assertThat(budgets(pepper(1)).destinationKey(Medium.SMS, "+33612345679"))
                .isNotEqualTo(key);
        assertThat(budgets(pepper(1)).destinationKey(Medium.EMAIL, "+33612345678"))
                .isNotEqualTo(key);
        assertThat(key).isNotEqualTo("to:" + sha256("sms:+33612345678")).doesNotContain("33612345678");
    }

    @Test
    @DisplayName("a pepper that is not base64 or shorter than 32 bytes is refused, never shown in toString"
            + " (review 2026-12-07 notifications follow-up)")
    void aBadPepperIsRefusedAndAGoodOneIsNeverShown() {
        assertThatThrownBy(() -> new NotificationsProperties(500, BUDGETS, false, "not base64!", null))
                .hasMessageContaining(NotificationsProperties.PEPPER_NAMES + " is not base64");
        assertThatThrownBy(() -> new NotificationsProperties(500, BUDGETS, false, encoded(31), null))
                .hasMessageContaining("must decode to at least 32 bytes, was 31");
        NotificationsProperties good = new NotificationsProperties(500, BUDGETS, false, encoded(32), null);
        assertThat(good.budgetKeyPepperBytes())
                .hasValueSatisfying(b -> assertThat(b).hasSize(32));
        assertThat(good.toString()).contains("budgetKeyPepper=redacted").doesNotContain(encoded(32));
    }

    @Test
    @DisplayName("outside demo mode no pepper stops the start; demo mode uses the public one"
            + " (review 2026-12-07 notifications follow-up)")
    void withoutAPepperOnlyDemoModeStarts() {
        NotificationsProperties none = new NotificationsProperties(500, BUDGETS, false, " ", null);
        assertThatThrownBy(() -> NotificationsConfiguration.budgetKeyPepper(none, new DemoMode(false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No send-budget key pepper is configured")
                .hasMessageContaining(NotificationsProperties.PEPPER_NAMES);
        assertThat(NotificationsConfiguration.budgetKeyPepper(none, new DemoMode(true)))
                .isEqualTo(SendBudgets.DEVELOPMENT_PEPPER)
                .hasSizeGreaterThanOrEqualTo(NotificationsProperties.PEPPER_BYTES_MIN);
    }

    @Test
    @DisplayName("a previous pepper is read like the pepper, never shown, and may not be the current one"
            + " (review 2026-12-07 alert follow-up)")
    void aPreviousPepperIsCheckedAndNeverShown() {
        assertThatThrownBy(() -> new NotificationsProperties(500, BUDGETS, false, encoded(32), encoded(31)))
                .hasMessageContaining(NotificationsProperties.PREVIOUS_PEPPER_NAMES + " must decode to at least 32");
        String previous = Base64.getEncoder().encodeToString(pepper(2));
        NotificationsProperties switched = new NotificationsProperties(500, BUDGETS, false, encoded(32), previous);
        assertThat(switched.toString())
                .contains("previousBudgetKeyPepper=redacted")
                .doesNotContain(previous);
        NotificationsProperties same = new NotificationsProperties(500, BUDGETS, false, null, previous);
        assertThatThrownBy(() -> new SendBudgets(null, new TransactionTemplate(), same, pepper(2), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(NotificationsProperties.PREVIOUS_PEPPER_NAMES + " is the current pepper");
        assertThat(new SendBudgets(null, new TransactionTemplate(), same, pepper(1), Clock.systemUTC())
                        .destinationKey(Medium.SMS, "+33612345678"))
                .as("the current pepper names the rows counted in")
                .isEqualTo(budgets(pepper(1)).destinationKey(Medium.SMS, "+33612345678"));
    }

    private static SendBudgets budgets(byte[] pepper) {
        return new SendBudgets(
                null,
                new TransactionTemplate(),
                new NotificationsProperties(500, BUDGETS, false, null, null),
                pepper,
                Clock.systemUTC());
    }

    static byte[] pepper(int fill) {
        byte[] pepper = new byte[32];
        Arrays.fill(pepper, (byte) fill);
        return pepper;
    }

    private static String encoded(int bytes) {
        return Base64.getEncoder().encodeToString(new byte[bytes]);
    }

    static String sha256(String value) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
