package org.socialbank.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.OperationConfirmed;
import org.socialbank.directory.OperationOutcome;
import org.socialbank.directory.OperationRef;
import org.socialbank.shared.CurrencyCode;

/** What the step-up page says of a held bill or card transfer, and what counts as confirming exactly it. */
class StepUpHoldsUnitTests {

    private static final CurrencyCode IRR = CurrencyCode.of("IRR");
    private static final CustomerId CUSTOMER = new CustomerId(UUID.randomUUID());

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

    @Test
    void confirmsOnlyTheSameCustomerAmountCurrencyAndPayeeWithoutAFee() {
        OperationConfirmed event = confirmed(CUSTOMER, 500_000, IRR, "card 603770******5443", 0);
        assertThat(StepUpHolds.confirms(event, CUSTOMER, 500_000, IRR, "card 603770******5443"))
                .isTrue();
        assertThat(StepUpHolds.confirms(event, CUSTOMER, 500_001, IRR, "card 603770******5443"))
                .isFalse();
        assertThat(StepUpHolds.confirms(event, CUSTOMER, 500_000, CurrencyCode.of("EUR"), "card 603770******5443"))
                .isFalse();
        assertThat(StepUpHolds.confirms(event, CUSTOMER, 500_000, IRR, "card 603770******0000"))
                .isFalse();
        assertThat(StepUpHolds.confirms(
                        event, new CustomerId(UUID.randomUUID()), 500_000, IRR, "card 603770******5443"))
                .isFalse();
        assertThat(StepUpHolds.confirms(
                        confirmed(CUSTOMER, 500_000, IRR, "card 603770******5443", 1),
                        CUSTOMER,
                        500_000,
                        IRR,
                        "card 603770******5443"))
                .isFalse();
    }

    private static OperationConfirmed confirmed(
            CustomerId customer, long amountMinor, CurrencyCode currency, String payee, long feeMinor) {
        return new OperationConfirmed(
                new OperationRef(
                        SendToCard.CONFIRMATION_OWNER, UUID.randomUUID().toString()),
                UUID.randomUUID(),
                customer,
                amountMinor,
                currency,
                payee,
                feeMinor);
    }
}
