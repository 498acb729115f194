package org.socialbank.billing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.billing.BillOrder;
import org.socialbank.billing.BillPaymentId;
import org.socialbank.billing.CardNumber;
import org.socialbank.billing.CardTransferId;
import org.socialbank.billing.CardTransferOrder;
import org.socialbank.billing.IranianBill;
import org.socialbank.billing.TopUpId;
import org.socialbank.billing.TopUpKind;
import org.socialbank.billing.TopUpOrder;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.ProviderAnswer;

/**
 * The card switch's and the operator's sandboxes share one memory of their calls
 * ({@link SandboxCalls}): each answers an id the same again, and FAIL, TIMEOUT and LOSE do what
 * docs/billing.md says, each with its own refusal code and trace number; an id answered
 * {@code not_received} is refused for good.
 */
class SandboxProvidersUnitTests {

    private static final CurrencyCode IRR = CurrencyCode.of("IRR");

    @Test
    void aCardTransferIsPaidOnceAndAnsweredTheSameAgain() {
        SandboxCardSwitch cardSwitch = new SandboxCardSwitch();
        CardTransferOrder order = cardOrder();
        ProviderAnswer first = cardSwitch.transfer(order);
        assertThat(first).isInstanceOf(ProviderAnswer.Succeeded.class);
        assertThat(((ProviderAnswer.Succeeded) first).reference()).startsWith("C");
        assertThat(cardSwitch.transfer(order)).isEqualTo(first);
        assertThat(cardSwitch.status(order.id())).isEqualTo(first);
    }

    @Test
    void troublesGoWrongInTheOrderQueued() {
        SandboxCardSwitch cardSwitch = new SandboxCardSwitch();
        cardSwitch.troubleNext(SandboxBiller.Trouble.FAIL);
        cardSwitch.troubleNext(SandboxBiller.Trouble.TIMEOUT);
        cardSwitch.troubleNext(SandboxBiller.Trouble.LOSE);
        CardTransferOrder refused = cardOrder();
        CardTransferOrder timedOut = cardOrder();
        CardTransferOrder lost = cardOrder();

        assertThat(cardSwitch.transfer(refused))
                .isEqualTo(new ProviderAnswer.Failed(SandboxCardSwitch.TRANSFER_REFUSED));
        assertThat(cardSwitch.transfer(timedOut)).isInstanceOf(ProviderAnswer.Unknown.class);
        assertThat(cardSwitch.status(timedOut.id())).isInstanceOf(ProviderAnswer.Succeeded.class);
        assertThat(cardSwitch.transfer(lost)).isInstanceOf(ProviderAnswer.Unknown.class);
        assertThat(cardSwitch.status(lost.id())).isEqualTo(new ProviderAnswer.Failed(ProviderAnswer.NOT_RECEIVED));
    }

    @Test
    void theOperatorRefusesWithItsOwnCodeAndGivesAPinOnlyForATopUpItSold() {
        SandboxOperator operator = new SandboxOperator();
        operator.troubleNext(SandboxBiller.Trouble.FAIL);
        TopUpOrder refused = topUpOrder();
        TopUpOrder sold = topUpOrder();

        assertThat(operator.topUp(refused)).isEqualTo(new ProviderAnswer.Failed(SandboxOperator.TOPUP_REFUSED));
        assertThat(operator.voucherPin(refused.id())).isEmpty();
        assertThat(((ProviderAnswer.Succeeded) operator.topUp(sold)).reference())
                .startsWith("T");
        assertThat(operator.voucherPin(sold.id()))
                .hasValueSatisfying(pin -> assertThat(pin).hasSize(16));
        assertThat(operator.voucherPin(new TopUpId(UUID.randomUUID()))).isEqualTo(Optional.empty());
    }

    @Test
    @DisplayName("review 2026-12-07 billing follow-up: once a sandbox answered not_received for an id,"
            + " a call with that id arriving late is refused and moves nothing")
    void aCallArrivingAfterNotReceivedIsRefusedForGood() {
        ProviderAnswer notReceived = new ProviderAnswer.Failed(ProviderAnswer.NOT_RECEIVED);
        SandboxCardSwitch cardSwitch = new SandboxCardSwitch();
        CardTransferOrder late = cardOrder();
        assertThat(cardSwitch.status(late.id())).isEqualTo(notReceived);
        assertThat(cardSwitch.transfer(late)).isEqualTo(notReceived);
        assertThat(cardSwitch.status(late.id())).isEqualTo(notReceived);

        SandboxOperator operator = new SandboxOperator();
        TopUpOrder lateTopUp = topUpOrder();
        assertThat(operator.voucherPin(lateTopUp.id()))
                .as("asking for a PIN is not a status query")
                .isEmpty();
        assertThat(operator.status(lateTopUp.id())).isEqualTo(notReceived);
        assertThat(operator.topUp(lateTopUp)).isEqualTo(notReceived);
        assertThat(operator.voucherPin(lateTopUp.id())).isEmpty();

        SandboxBiller biller = new SandboxBiller(Clock.systemUTC(), List.of());
        IranianBill bill = biller.current("7748317800142").orElseThrow().bill();
        BillOrder lateBill = new BillOrder(new BillPaymentId(UUID.randomUUID()), bill, bill.amountRial());
        assertThat(biller.status(lateBill.id())).isEqualTo(notReceived);
        assertThat(biller.pay(lateBill)).isEqualTo(notReceived);
        assertThat(biller.payCallsFor(bill)).as("nothing paid on the bill").isZero();
    }

    private static CardTransferOrder cardOrder() {
        return new CardTransferOrder(
                new CardTransferId(UUID.randomUUID()),
                CardNumber.read("6037701689095443").orElseThrow(),
                500_000,
                IRR);
    }

    private static TopUpOrder topUpOrder() {
        return new TopUpOrder(new TopUpId(UUID.randomUUID()), "+989121234567", "mci", 100_000, IRR, TopUpKind.DIRECT);
    }
}
