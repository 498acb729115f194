package org.socialbank.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.IdentityId;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Metadata;
import org.socialbank.ledger.Transfer;
import org.socialbank.ledger.TransferCode;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferKind;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Network;

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

    @Test
    void aPayersReceiptInHerChatIsNotRepeatedThereButIsAlertedElsewhere() {
        Transfer inChat = transfer("p2p", Map.of("payment", "p", "channel", "telegram", "receipt", "chat"));
        ChannelIdentity telegram = chat(Network.TELEGRAM);
        ChannelIdentity bale = chat(Network.BALE);
        assertThat(TransactionAlerts.toldByItsReceipt(inChat, List.of(telegram, bale)))
                .as("her alerts' chat is the one she paid from")
                .isTrue();
        assertThat(TransactionAlerts.toldByItsReceipt(inChat, List.of(bale, telegram)))
                .as("her alerts go to Bale first")
                .isFalse();
        assertThat(TransactionAlerts.toldByItsReceipt(inChat, List.of(telegram, chat(Network.TELEGRAM))))
                .as("two Telegram chats: which one she paid from is not known")
                .isFalse();
        assertThat(TransactionAlerts.toldByItsReceipt(inChat, List.of())).isFalse();
        assertThat(TransactionAlerts.toldByItsReceipt(
                        transfer("p2p", Map.of("payment", "p", "channel", "telegram")), List.of(telegram)))
                .as("ordered through the API, or confirmed on the bank's page: no receipt in the chat")
                .isFalse();
        assertThat(TransactionAlerts.toldByItsReceipt(
                        transfer("p2p", Map.of("channel", "telegram", "receipt", "chat")), List.of(telegram)))
                .as("not the payments module's transfer")
                .isFalse();
        assertThat(TransactionAlerts.toldByItsReceipt(
                        transfer("p2p-escrow", Map.of("payment", "p", "channel", "telegram", "receipt", "chat")),
                        List.of(telegram)))
                .isFalse();
    }

    private static ChannelIdentity chat(Network network) {
        return new ChannelIdentity(
                new IdentityId(UUID.randomUUID()),
                network,
                "1",
                null,
                null,
                new CustomerId(UUID.randomUUID()),
                Instant.EPOCH,
                true,
                Instant.EPOCH);
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
