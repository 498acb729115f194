package org.socialbank.billing;

import java.time.Duration;
import java.util.Optional;
import org.socialbank.shared.ProviderAnswer;

/**
 * The card switch (Shetab in Iran) card-to-card transfers go through. Exactly one bean; the
 * embedded sandbox is used only while no other exists. Like {@link Biller}: idempotent by {@link
 * CardTransferOrder#id()}; once {@link #status} answered {@link ProviderAnswer#NOT_RECEIVED} for an
 * id, it MUST refuse that id for good (a late {@link #transfer} with it moves nothing); bounded by
 * {@link #timeout()}, answers rather than throws, never
 * called inside a database transaction. An implementation never logs the card number whole.
 */
public interface CardSwitch {

    Duration timeout();

    /** The destination card holder's name, masked by the switch (e.g. {@code A. Rezaei}); empty when unknown. */
    Optional<String> holderName(CardNumber card);

    ProviderAnswer transfer(CardTransferOrder order);

    /** Where a transfer is: Succeeded, Failed ({@link ProviderAnswer#NOT_RECEIVED} when it never arrived) or Unknown. */
    ProviderAnswer status(CardTransferId id);
}
