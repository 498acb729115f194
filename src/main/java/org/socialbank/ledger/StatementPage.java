package org.socialbank.ledger;

import java.util.List;
import java.util.Optional;

/**
 * One page of an account's statement, newest first.
 *
 * @param nextCursor where the next (older) page starts; empty on the last page
 */
public record StatementPage(List<Transfer> transfers, Optional<String> nextCursor) {

    public StatementPage {
        transfers = List.copyOf(transfers);
    }
}
