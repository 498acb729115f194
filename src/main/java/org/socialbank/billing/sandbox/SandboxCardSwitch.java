package org.socialbank.billing.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.billing.CardNumber;
import org.socialbank.billing.CardSwitch;
import org.socialbank.billing.CardTransferId;
import org.socialbank.billing.CardTransferOrder;
import org.socialbank.shared.ProviderAnswer;

/**
 * A card switch in memory: a holder name derived from the card's last digits, transfers paid at
 * once, idempotent by id; it can be told to fail, time out or lose the next transfers, or that its
 * next status queries cannot tell (an outage). It keeps no card number. For demos and tests only.
 */
public class SandboxCardSwitch implements CardSwitch {

    public static final String TRANSFER_REFUSED = "transfer_refused";
    public static final int REMEMBERED_MAX = 100_000;
    public static final int TROUBLES_MAX = 1000;
    private static final List<String> HOLDERS =
            List.of("A. Rezaei", "M. Karimi", "S. Hosseini", "Z. Mohammadi", "R. Ahmadi");

    private final SandboxCalls calls = new SandboxCalls();

    @Override
    public Duration timeout() {
        return Duration.ZERO;
    }

    @Override
    public Optional<String> holderName(CardNumber card) {
        String masked = card.masked();
        int last = Integer.parseInt(masked.substring(masked.length() - 4));
        return Optional.of(HOLDERS.get(last % HOLDERS.size()));
    }

    @Override
    public ProviderAnswer transfer(CardTransferOrder order) {
        UUID id = order.id().value();
        return calls.call(
                id,
                TRANSFER_REFUSED,
                () -> new ProviderAnswer.Succeeded(
                        "C" + Long.toUnsignedString(id.getMostSignificantBits() % 1_000_000_000_000L)));
    }

    @Override
    public ProviderAnswer status(CardTransferId id) {
        return calls.statusQuery(id.value());
    }

    /** The next {@code count} status queries cannot tell, as in an outage: they answer Unknown. */
    public void statusUnavailable(int count) {
        calls.statusUnavailable(count);
    }

    /** Makes the next transfer (after any already queued) go wrong this way. */
    public int troubleNext(SandboxBiller.Trouble trouble) {
        return calls.troubleNext(trouble);
    }
}
