package org.socialbank.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.shared.CurrencyCode;

/** What counts as confirming exactly the operation its owner holds (payments, bills, card transfers). */
class OperationConfirmedUnitTests {

    private static final CurrencyCode IRR = CurrencyCode.of("IRR");
    private static final CustomerId CUSTOMER = new CustomerId(UUID.randomUUID());

    @Test
    void confirmsOnlyTheSameCustomerAmountCurrencyAndPayeeWithoutAFee() {
        OperationConfirmed event = confirmed(CUSTOMER, 500_000, IRR, "card 603770******5443", 0);
        assertThat(event.isExactly(CUSTOMER, 500_000, IRR, "card 603770******5443"))
                .isTrue();
        assertThat(event.isExactly(CUSTOMER, 500_001, IRR, "card 603770******5443"))
                .isFalse();
        assertThat(event.isExactly(CUSTOMER, 500_000, CurrencyCode.of("EUR"), "card 603770******5443"))
                .isFalse();
        assertThat(event.isExactly(CUSTOMER, 500_000, IRR, "card 603770******0000"))
                .isFalse();
        assertThat(event.isExactly(new CustomerId(UUID.randomUUID()), 500_000, IRR, "card 603770******5443"))
                .isFalse();
        assertThat(confirmed(CUSTOMER, 500_000, IRR, "card 603770******5443", 1)
                        .isExactly(CUSTOMER, 500_000, IRR, "card 603770******5443"))
                .isFalse();
    }

    private static OperationConfirmed confirmed(
            CustomerId customer, long amountMinor, CurrencyCode currency, String payee, long feeMinor) {
        return new OperationConfirmed(
                new OperationRef("card-transfer", UUID.randomUUID().toString()),
                UUID.randomUUID(),
                customer,
                amountMinor,
                currency,
                payee,
                feeMinor);
    }
}
