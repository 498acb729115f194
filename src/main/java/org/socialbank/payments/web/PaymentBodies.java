package org.socialbank.payments.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.CustomerId;
import org.socialbank.ledger.AccountId;
import org.socialbank.payments.PaymentId;
import org.socialbank.payments.PaymentOrder;
import org.socialbank.payments.SettleHeldReturnOrder;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Network;
import org.socialbank.shared.web.BadRequest;
import org.socialbank.shared.web.RequiredFields;

/** The JSON the payments API accepts, and its translation to orders with clear 400s. */
final class PaymentBodies {

    private PaymentBodies() {}

    /** A payee: {@code phone}, {@code email}, {@code tag}, or {@code handle} with its {@code network}. */
    record Payee(String type, String value, String network) {

        Alias toAlias() {
            if (type == null || value == null) {
                throw new BadRequest("payee needs a type and a value");
            }
            AliasType aliasType = AliasType.fromWireName(type)
                    .orElseThrow(() ->
                            new BadRequest("unknown payee type '" + type + "'; one of [phone, email, tag, handle]"));
            Network net = null;
            if (aliasType == AliasType.HANDLE) {
                net = Network.fromWireName(network == null ? "" : network)
                        .orElseThrow(
                                () -> new BadRequest("a handle needs its network, one of [x, telegram, bale, wechat, "
                                        + "whatsapp, webchat]"));
            } else if (network != null) {
                throw new BadRequest("only a handle has a network");
            }
            return Alias.tryParse(aliasType, net, value, null).orElseThrow(BadRequest::new);
        }
    }

    record Pay(UUID id, UUID payerCustomerId, Payee payee, Long amountMinor, String currency, String channel) {

        PaymentOrder toOrder() {
            List<String> missing = new ArrayList<>();
            if (id == null) {
                missing.add("id");
            }
            if (payerCustomerId == null) {
                missing.add("payerCustomerId");
            }
            if (payee == null) {
                missing.add("payee");
            }
            if (amountMinor == null) {
                missing.add("amountMinor");
            }
            if (currency == null) {
                missing.add("currency");
            }
            if (!missing.isEmpty()) {
                throw new BadRequest("missing: " + String.join(", ", missing));
            }
            Alias to = payee.toAlias();
            CurrencyCode code =
                    CurrencyCode.find(currency).orElseThrow(() -> new BadRequest("unknown currency: " + currency));
            return BadRequest.whenRefused(() -> new PaymentOrder(
                    new PaymentId(id),
                    new CustomerId(payerCustomerId),
                    to,
                    amountMinor,
                    code,
                    channel == null ? "api" : channel));
        }
    }

    /** The payer who cancels; when absent, the payment's own payer (the app acts for them). */
    record Cancel(UUID payerCustomerId) {}

    /** Operations settle a held return by hand: the payer's account the money goes to, and why. */
    record SettleHeld(UUID toAccountId, String reason) {

        SettleHeldReturnOrder toOrder(PaymentId payment, String idempotencyKey, String settledBy) {
            RequiredFields.require(toAccountId, "toAccountId", reason, "reason", idempotencyKey, "Idempotency-Key");
            return BadRequest.whenRefused(() ->
                    new SettleHeldReturnOrder(payment, new AccountId(toAccountId), reason, idempotencyKey, settledBy));
        }
    }
}
