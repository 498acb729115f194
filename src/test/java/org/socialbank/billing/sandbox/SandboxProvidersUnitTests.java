package org.socialbank.billing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.billing.CardNumber;
import org.socialbank.billing.CardTransferId;
import org.socialbank.billing.CardTransferOrder;
import org.socialbank.billing.TopUpId;
import org.socialbank.billing.TopUpKind;
import org.socialbank.billing.TopUpOrder;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.ProviderAnswer;

/**
 * The card switch's and the operator's sandboxes share one memory of their calls
 * ({@link SandboxCalls}): each answers an id the same again, and FAIL, TIMEOUT and LOSE do what
 * docs/billing.md says, each with its own refusal code and trace number.
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
