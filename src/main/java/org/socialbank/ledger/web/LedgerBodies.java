package org.socialbank.ledger.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.socialbank.ledger.AccountFlag;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.Metadata;
import org.socialbank.ledger.NewAccount;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.TransferCode;
import org.socialbank.ledger.TransferId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Uuids;
import org.socialbank.shared.web.BadRequest;

/** The JSON the API accepts, and its translation to ledger requests with clear 400s. */
final class LedgerBodies {

    static final int IDEMPOTENCY_KEY_LENGTH_MAX = 255;

    private LedgerBodies() {}

    record OpenAccount(UUID id, String currency, String kind, String ownerRef, List<String> flags) {

        NewAccount toNewAccount(String idempotencyKey) {
            List<String> missing = new ArrayList<>();
            if (currency == null) {
                missing.add("currency");
            }
            if (kind == null) {
                missing.add("kind");
            }
            requireNone(missing);
            AccountKind accountKind = AccountKind.fromWireName(kind)
                    .orElseThrow(() -> new BadRequest("unknown kind '" + kind + "'; one of "
                            + List.of(AccountKind.values()).stream()
                                    .map(AccountKind::wireName)
                                    .toList()));
            Set<AccountFlag> accountFlags = flags == null
                    ? Set.of()
                    : flags.stream()
                            .map(f -> AccountFlag.fromWireName(f)
                                    .orElseThrow(() -> new BadRequest("unknown flag '" + f + "'")))
                            .collect(Collectors.toSet());
            AccountId accountId = new AccountId(LedgerBodies.id(id, idempotencyKey));
            CurrencyCode accountCurrency = LedgerBodies.currency(currency);
            return BadRequest.whenRefused(
                    () -> new NewAccount(accountId, accountCurrency, ownerRef, accountKind, accountFlags));
        }
    }

    record CreateTransfer(
            UUID id,
            UUID debitAccountId,
            UUID creditAccountId,
            Long amountMinor,
            String currency,
            String code,
            Boolean pending,
            Long timeoutSeconds,
            Map<String, String> metadata) {

        NewTransfer toNewTransfer(String idempotencyKey) {
            List<String> missing = new ArrayList<>();
            if (debitAccountId == null) {
                missing.add("debitAccountId");
            }
            if (creditAccountId == null) {
                missing.add("creditAccountId");
            }
            if (amountMinor == null) {
                missing.add("amountMinor");
            }
            if (currency == null) {
                missing.add("currency");
            }
            if (code == null) {
                missing.add("code");
            }
            requireNone(missing);
            TransferId transferId = new TransferId(LedgerBodies.id(id, idempotencyKey));
            CurrencyCode transferCurrency = LedgerBodies.currency(currency);
            return BadRequest.whenRefused(() -> new NewTransfer(
                    transferId,
                    new AccountId(debitAccountId),
                    new AccountId(creditAccountId),
                    amountMinor,
                    transferCurrency,
                    new TransferCode(code),
                    Boolean.TRUE.equals(pending),
                    timeoutSeconds == null ? 0 : timeoutSeconds,
                    Metadata.of(metadata)));
        }
    }

    record Batch(List<CreateTransfer> transfers) {}

    record PostPending(Long amountMinor) {}

    record ChangeStatus(String status) {}

    /**
     * The id of a write: the body's id, or else one derived from the Idempotency-Key header, which
     * need not be a UUID. When both are given they must name the same id.
     */
    static UUID id(UUID bodyId, String idempotencyKey) {
        UUID headerId = idempotencyKey == null ? null : fromKey(idempotencyKey);
        if (bodyId != null && headerId != null && !bodyId.equals(headerId)) {
            throw new BadRequest("the body's id and the Idempotency-Key header differ");
        }
        if (bodyId == null && headerId == null) {
            throw new BadRequest("an id is required, in the body or as an Idempotency-Key header");
        }
        return bodyId != null ? bodyId : headerId;
    }

    private static UUID fromKey(String key) {
        if (key.isBlank() || key.length() > IDEMPOTENCY_KEY_LENGTH_MAX) {
            throw new BadRequest("Idempotency-Key must be 1 to " + IDEMPOTENCY_KEY_LENGTH_MAX + " characters");
        }
        return Uuids.parse(key)
                .orElseGet(() -> UUID.nameUUIDFromBytes(("idempotency-key:" + key).getBytes(StandardCharsets.UTF_8)));
    }

    private static CurrencyCode currency(String code) {
        return CurrencyCode.find(code)
                .orElseThrow(() ->
                        new BadRequest("unknown currency '" + code + "'; use an upper-case ISO 4217 code such as EUR"));
    }

    private static void requireNone(List<String> missing) {
        if (!missing.isEmpty()) {
            throw new BadRequest("missing: " + String.join(", ", missing));
        }
    }
}
