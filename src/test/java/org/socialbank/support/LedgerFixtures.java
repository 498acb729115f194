package org.socialbank.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.socialbank.support.Api.Response;

/** Request bodies and small account set-ups shared by the ledger's HTTP-level tests. */
public final class LedgerFixtures {

    private LedgerFixtures() {}

    public static String transfer(
            String id, String debit, String credit, long amount, String currency, String metadata) {
        return """
                {"id": "%s", "debitAccountId": "%s", "creditAccountId": "%s", "amountMinor": %d, "currency": "%s",
                 "code": "p2p", "pending": false, "metadata": %s}""".formatted(id, debit, credit, amount, currency, metadata);
    }

    /**
     * An unflagged EUR funding account followed by {@code wallets} wallets that may not go
     * negative, each funded with {@code fundingMinor} from the first.
     */
    public static List<String> fundedWallets(Api api, int wallets, long fundingMinor) {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i <= wallets; i++) {
            String id = UUID.randomUUID().toString();
            String flags = i == 0 ? "[]" : "[\"debits_must_not_exceed_credits\"]";
            Response r = api.post("/api/v1/accounts", """
                    {"id": "%s", "currency": "EUR", "kind": "customer_wallet", "flags": %s}""".formatted(id, flags));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            accounts.add(id);
        }
        for (int i = 1; i <= wallets; i++) {
            Response r = api.post(
                    "/api/v1/transfers",
                    transfer(
                            UUID.randomUUID().toString(), accounts.get(0), accounts.get(i), fundingMinor, "EUR", "{}"));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        return accounts;
    }
}
