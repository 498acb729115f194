package org.socialbank.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Metadata;
import org.socialbank.ledger.Transfer;
import org.socialbank.ledger.TransferCode;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferKind;
import org.socialbank.shared.CurrencyCode;

/**
 * A payee paid through the payments module hears it once: the payment's own chat alert names the
 * payer ("Alice W. sent you €5.00"), so the posting alert of that transfer is not sent again; a p2p
 * transfer booked through the ledger API has no such message and is alerted.
 */
class ToldByThePaymentUnitTests {

    @Test
    void onlyThePaymentsOwnP2pTransfersAreToldElsewhere() {
        assertThat(TransactionAlerts.toldByThePayment(
                        transfer("p2p", Map.of("payment", UUID.randomUUID().toString()))))
                .isTrue();
        assertThat(TransactionAlerts.toldByThePayment(transfer("p2p", Map.of())))
                .isFalse();
        assertThat(TransactionAlerts.toldByThePayment(transfer("claim", Map.of("payment", "x"))))
                .isFalse();
    }

    static Transfer transfer(String code, Map<String, String> metadata) {
        return new Transfer(
                new TransferId(UUID.randomUUID()),
                new AccountId(UUID.randomUUID()),
                new AccountId(UUID.randomUUID()),
                500,
                CurrencyCode.of("EUR"),
                new TransferCode(code),
                TransferKind.SINGLE_PHASE,
                null,
                0,
                Metadata.of(metadata),
                Instant.EPOCH,
                null,
                null);
    }
}
