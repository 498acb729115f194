package org.socialbank.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmsUnitTests {

    @ParameterizedTest
    @ValueSource(strings = {"+33612345678", "+1234567", "+123456789012345", "+989121234567"})
    void acceptsNumbersOfTheE164Shape(String number) {
        assertThat(new SmsMessage(number, "Your code is 123456").toE164()).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "33612345678",
                "+0612345678",
                "+123456",
                "+1234567890123456",
                "+33 6 12 34 56 78",
                "+33-612345678",
                "+٣٣٦١٢٣٤٥٦٧٨",
                "0033612345678"
            })
    void refusesAnythingElseWithoutRepeatingIt(String number) {
        assertThatThrownBy(() -> new SmsMessage(number, "hi"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("E.164");
    }

    @Test
    void boundsTheTextInCharactersNotUtf16Units() {
        assertThat(new SmsMessage("+33612345678", "😀".repeat(480)).text()).hasSize(960);
        assertThatThrownBy(() -> new SmsMessage("+33612345678", "x".repeat(481)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmsMessage("+33612345678", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmsMessage("+33612345678", " \n ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsTheCodeAndTheNumberOutOfLogs() {
        String shown = new SmsMessage("+33612345678", "Your socialbank code is 402917").toString();
        assertThat(shown).doesNotContain("402917", "612345678").contains("+33", "78");
    }

    @Test
    void aDeliveryFailsWithAReasonAndSucceedsWithout() {
        assertThat(SmsDelivery.succeeded("m1").status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(SmsDelivery.failed("m2", "number not reachable").failureReason())
                .hasValue("number not reachable");
        assertThat(SmsDelivery.unknown("m3", "timeout after 10 s").status().isFinal())
                .isFalse();
        assertThat(SmsDelivery.pending("m4").status().isFinal()).isFalse();
        assertThat(new SmsDelivery("m5", DeliveryStatus.UNKNOWN, Optional.empty()).failureReason())
                .isEmpty();
        assertThatThrownBy(() -> new SmsDelivery("m6", DeliveryStatus.FAILED, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmsDelivery("m7", DeliveryStatus.SUCCEEDED, Optional.of("oops")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmsDelivery.succeeded(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: a failed delivery report says why, in 1..500 characters")
    void aFailedReportSaysWhy() {
        assertThat(SmsReport.failed("unknown subscriber")).isEqualTo(new SmsReport.Failed("unknown subscriber"));
        assertThatThrownBy(() -> SmsReport.failed(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmsReport.failed("x".repeat(SmsDelivery.REASON_LENGTH_MAX + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmsReport.failed(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: a gateway written before delivery reports still compiles"
            + " and, asked for a report, says it cannot tell yet (still pending)")
    void aGatewayWithoutReportsAnswersStillPending() {
        SmsGateway older = message -> SmsDelivery.pending("gw-1");
        assertThat(older.status("gw-1")).isEqualTo(SmsReport.stillPending());
    }

    @Test
    void refusesAnInboxWithoutBound() {
        NotificationsProperties.Budgets budgets = new NotificationsProperties.Budgets(25, 10, 1000, List.of("+881"));
        assertThat(new NotificationsProperties(500, budgets, false, null, null).devInboxMax())
                .isEqualTo(500);
        assertThatThrownBy(() -> new NotificationsProperties(0, budgets, false, null, null))
                .hasMessageContaining("socialbank.notifications.dev-inbox-max");
    }

    @Test
    void refusesBudgetsOutOfRangeAndPrefixesThatAreNoNumbers() {
        assertThat(new NotificationsProperties.Budgets(25, 10, 1000, null).denyPrefixes())
                .isEmpty();
        assertThatThrownBy(() -> new NotificationsProperties.Budgets(0, 10, 1000, List.of()))
                .hasMessageContaining("socialbank.notifications.budgets.per-destination-per-day");
        assertThatThrownBy(() -> new NotificationsProperties.Budgets(25, 0, 1000, List.of()))
                .hasMessageContaining("socialbank.notifications.budgets.per-customer-per-day");
        assertThatThrownBy(() -> new NotificationsProperties.Budgets(25, 10, 0, List.of()))
                .hasMessageContaining("socialbank.notifications.budgets.global-per-hour");
        assertThatThrownBy(() -> new NotificationsProperties.Budgets(25, 10, 1000, List.of("881")))
                .hasMessageContaining("socialbank.notifications.budgets.deny-prefixes");
    }
}
