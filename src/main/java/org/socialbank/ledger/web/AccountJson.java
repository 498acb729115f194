package org.socialbank.ledger.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.socialbank.ledger.Account;
import org.socialbank.ledger.AccountFlag;

/** An account as the API shows it; amounts in minor units of its currency. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AccountJson(
        UUID id,
        String currency,
        String ownerRef,
        String kind,
        String status,
        List<String> flags,
        long debitsPosted,
        long creditsPosted,
        long debitsPending,
        long creditsPending,
        long balanceMinor,
        long availableMinor,
        Instant createdAt) {

    static AccountJson of(Account a) {
        return new AccountJson(
                a.id().value(),
                a.currency().code(),
                a.ownerRef(),
                a.kind().wireName(),
                a.status().wireName(),
                a.flags().stream().map(AccountFlag::wireName).sorted().toList(),
                a.debitsPosted(),
                a.creditsPosted(),
                a.debitsPending(),
                a.creditsPending(),
                a.balanceMinor(),
                a.availableMinor(),
                a.createdAt());
    }
}
