package org.socialbank.campaigns;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.ledger.Account;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.StatementPage;
import org.springframework.stereotype.Component;

/**
 * Reads a customer's holdings in the ledger for a campaign's segment when her turn comes: the
 * accounts she owns (by owner reference), their balances, and the newest posting on each. Only
 * asked when the segment narrows by them.
 */
@Component
class CampaignSegments {

    private final Ledger ledger;

    CampaignSegments(Ledger ledger) {
        this.ledger = ledger;
    }

    boolean holds(CustomerId customer, Holdings segment, Instant now) {
        List<Account> accounts = ledger.accountsOwnedBy(customer.ownerRef());
        if (!segment.products().isEmpty()
                && accounts.stream().noneMatch(a -> segment.products().contains(a.kind()))) {
            return false;
        }
        if (segment.balanceCurrency() != null) {
            long balance = accounts.stream()
                    .filter(a -> a.currency().equals(segment.balanceCurrency()))
                    .filter(a -> a.kind() == AccountKind.CUSTOMER_WALLET || a.kind() == AccountKind.CUSTOMER_CURRENT)
                    .mapToLong(Account::balanceMinor)
                    .sum();
            if (!segment.inBand(balance)) {
                return false;
            }
        }
        Integer days = segment.activeWithinDays() != null ? segment.activeWithinDays() : segment.inactiveForDays();
        if (days == null) {
            return true;
        }
        Instant since = now.minus(Duration.ofDays(days));
        boolean active = accounts.stream()
                .map(a -> lastPosting(a))
                .flatMap(Optional::stream)
                .anyMatch(at -> at.isAfter(since));
        return segment.activeWithinDays() != null ? active : !active;
    }

    private Optional<Instant> lastPosting(Account account) {
        return ledger.statement(account.id(), Optional.empty(), 1)
                .map(StatementPage::transfers)
                .flatMap(t -> t.stream().findFirst())
                .map(t -> t.createdAt());
    }
}
