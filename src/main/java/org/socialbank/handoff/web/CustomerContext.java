package org.socialbank.handoff.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.socialbank.directory.Alias;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.directory.IdentityId;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.Transfer;
import org.socialbank.payments.requests.Requests;
import org.socialbank.shared.Dates;
import org.socialbank.shared.MoneyFormat;
import org.springframework.stereotype.Component;

/**
 * The customer behind a chat as an agent sees them: nothing for a chat that is not linked (the
 * bank does not know who it is), else the name and aliases masked unless revealed (with a reason,
 * audited by the page), the KYC level, the latest movements of the primary account, and the
 * money requests still open that the customer sent or was asked to pay.
 */
@Component
class CustomerContext {

    static final int MOVEMENTS_SHOWN = 5;
    static final int REQUESTS_SHOWN = 5;

    private final ChannelIdentities identities;
    private final Directory directory;
    private final Ledger ledger;
    private final Requests requests;

    CustomerContext(ChannelIdentities identities, Directory directory, Ledger ledger, Requests requests) {
        this.identities = identities;
        this.directory = directory;
        this.ledger = ledger;
        this.requests = requests;
    }

    /**
     * An open money request: {@code sent} by the customer to {@code other} (an alias, masked unless
     * revealed), or asked of the customer by {@code other} (the requester's masked name).
     */
    record OpenRequest(boolean sent, String amount, String other, String until) {}

    /** What the page shows; {@code linked} false: nothing else. */
    record Shown(
            boolean linked,
            String name,
            List<String> aliases,
            String kyc,
            String language,
            List<String> movements,
            List<OpenRequest> requests,
            boolean revealed) {}

    Shown of(IdentityId identity, Locale locale, boolean reveal) {
        Optional<CustomerView> view = identities.linkedCustomer(identity).flatMap(directory::customer);
        if (view.isEmpty()) {
            return new Shown(false, "", List.of(), "", "", List.of(), List.of(), false);
        }
        CustomerView v = view.get();
        List<String> aliases = v.aliases().stream()
                .map(a -> reveal ? a.alias().value() : mask(a.alias()))
                .toList();
        return new Shown(
                true,
                reveal ? v.customer().displayName() : maskName(v.customer().displayName()),
                aliases,
                v.customer().kycLevel().name(),
                v.customer().language().tag(),
                movements(v, locale),
                requests(v, locale, reveal),
                reveal);
    }

    private List<OpenRequest> requests(CustomerView v, Locale locale, boolean reveal) {
        return requests.openOf(v.customer().id(), REQUESTS_SHOWN).stream()
                .map(r -> {
                    boolean sent = v.customer().id().equals(r.requesterCustomerId());
                    String other = sent ? (reveal ? r.from().value() : mask(r.from())) : r.requesterMaskedName();
                    return new OpenRequest(
                            sent,
                            MoneyFormat.format(r.amountMinor(), r.currency(), locale),
                            other,
                            Dates.date(r.expiresAt(), locale));
                })
                .toList();
    }

    private List<String> movements(CustomerView v, Locale locale) {
        List<String> lines = new ArrayList<>();
        v.accounts().stream()
                .filter(CustomerView.HeldAccount::primary)
                .findFirst()
                .ifPresent(account -> ledger.statement(account.accountId(), Optional.empty(), MOVEMENTS_SHOWN)
                        .ifPresent(page -> {
                            for (Transfer t : page.transfers()) {
                                boolean out = t.debitAccountId().equals(account.accountId());
                                lines.add((out ? "−" : "+") + MoneyFormat.format(t.amountMinor(), t.currency(), locale)
                                        + " · " + Dates.date(t.createdAt(), locale));
                            }
                        }));
        return lines;
    }

    /** "Alice Archer" as "Alice A.". */
    static String maskName(String name) {
        String[] words = name.strip().split("\\s+");
        StringBuilder masked = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            masked.append(' ')
                    .append(words[i].codePoints()
                            .limit(1)
                            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append))
                    .append('.');
        }
        return masked.toString();
    }

    /**
     * All but the last two characters hidden, whatever the alias's kind (a phone, an email, a
     * handle alike), its kind said in front: "phone: ••••••••78".
     */
    static String mask(Alias alias) {
        String value = alias.value();
        int keep = Math.min(2, value.length());
        return alias.type().name().toLowerCase(Locale.ROOT) + ": " + "•".repeat(Math.max(0, value.length() - keep))
                + value.substring(value.length() - keep);
    }
}
