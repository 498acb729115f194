package org.socialbank.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socialbank.directory.OperationOutcome;

/** What the step-up page says of a held bill or card transfer. */
class StepUpHoldsUnitTests {

    @Test
    void thePageSaysNothingWhileItWaitsThenCarriedOrRefusedWithTheCode() {
        assertThat(StepUpHolds.outcome(BillPaymentStatus.AWAITING_CONFIRMATION, null))
                .isEmpty();
        assertThat(StepUpHolds.outcome(BillPaymentStatus.PENDING, null)).contains(new OperationOutcome.Carried());
        assertThat(StepUpHolds.outcome(BillPaymentStatus.COMPLETED, null)).contains(new OperationOutcome.Carried());
        assertThat(StepUpHolds.outcome(BillPaymentStatus.REJECTED, "insufficient_funds"))
                .contains(new OperationOutcome.Refused("insufficient_funds", null));
        assertThat(StepUpHolds.outcome(BillPaymentStatus.NOT_CONFIRMED, null))
                .contains(new OperationOutcome.Refused("rejected", null));
    }
}
