package org.socialbank.billing.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.billing.CardNumber;
import org.socialbank.billing.CardSwitch;
import org.socialbank.billing.CardTransferId;
import org.socialbank.billing.CardTransferOrder;
import org.socialbank.shared.ProviderAnswer;

/**
 * A card switch in memory: a holder name derived from the card's last digits, transfers paid at
 * once, idempotent by id; it can be told to fail, time out or lose the next transfers. It keeps
 * no card number. For demos and tests only.
 */
public class SandboxCardSwitch implements CardSwitch {

    public static final String TRANSFER_REFUSED = "transfer_refused";
    public static final int REMEMBERED_MAX = 100_000;
    public static final int TROUBLES_MAX = 1000;
    private static final List<String> HOLDERS =
            List.of("A. Rezaei", "M. Karimi", "S. Hosseini", "Z. Mohammadi", "R. Ahmadi");

    private final Map<UUID, ProviderAnswer> received = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, ProviderAnswer> eldest) {
            return size() > REMEMBERED_MAX;
        }
    };
    private final ArrayDeque<SandboxBiller.Trouble> troubles = new ArrayDeque<>();

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
    public synchronized ProviderAnswer transfer(CardTransferOrder order) {
        UUID id = order.id().value();
        if (received.containsKey(id)) {
            return received.get(id);
        }
        SandboxBiller.Trouble trouble = troubles.poll();
        if (trouble == SandboxBiller.Trouble.LOSE) {
            return new ProviderAnswer.Unknown("timeout");
        }
        ProviderAnswer answer = trouble == SandboxBiller.Trouble.FAIL
                ? new ProviderAnswer.Failed(TRANSFER_REFUSED)
                : new ProviderAnswer.Succeeded(
                        "C" + Long.toUnsignedString(id.getMostSignificantBits() % 1_000_000_000_000L));
        received.put(id, answer);
        return trouble == SandboxBiller.Trouble.TIMEOUT ? new ProviderAnswer.Unknown("timeout") : answer;
    }

    @Override
    public synchronized ProviderAnswer status(CardTransferId id) {
        ProviderAnswer answer = received.get(id.value());
        return answer == null ? new ProviderAnswer.Failed(ProviderAnswer.NOT_RECEIVED) : answer;
    }

    public synchronized int troubleNext(SandboxBiller.Trouble trouble) {
        if (troubles.size() >= TROUBLES_MAX) {
            throw new IllegalStateException(TROUBLES_MAX + " troubles are queued already");
        }
        troubles.add(trouble);
        return troubles.size();
    }
}
