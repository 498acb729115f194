package org.socialbank.directory.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.socialbank.directory.CustomerView;

/** A customer as the staff API shows it (never the password hash). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CustomerJson(
        UUID id,
        String displayName,
        String language,
        String kycLevel,
        String status,
        String username,
        List<AliasJson> aliases,
        List<AccountJson> accounts,
        Instant createdAt) {

    static CustomerJson of(CustomerView view) {
        var c = view.customer();
        return new CustomerJson(
                c.id().value(),
                c.displayName(),
                c.language().tag(),
                c.kycLevel().wireName(),
                c.status().wireName(),
                c.username(),
                view.aliases().stream()
                        .map(a -> new AliasJson(
                                a.alias().type().wireName(),
                                a.alias().network() == null
                                        ? null
                                        : a.alias().network().wireName(),
                                a.alias().value(),
                                a.alias().display(),
                                a.verified()))
                        .toList(),
                view.accounts().stream()
                        .map(a -> new AccountJson(a.accountId().value(), a.currency(), a.primary()))
                        .toList(),
                c.createdAt());
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AliasJson(String type, String network, String value, String display, boolean verified) {}

    record AccountJson(UUID id, String currency, boolean primary) {}
}
