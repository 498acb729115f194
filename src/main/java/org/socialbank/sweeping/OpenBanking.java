package org.socialbank.sweeping;

import java.util.List;
import org.socialbank.shared.ProviderAnswer;

/**
 * The open-banking provider through which the bank reads the customer's accounts at other banks
 * and pulls money from them under a consent. Exactly one bean; the embedded sandbox is used while
 * no other exists. Answers rather than throws (a throw is read as Unknown), idempotent by
 * {@link PullOrder#id()}, never called inside a database transaction.
 */
public interface OpenBanking {

    /** The customer's accounts at {@code bank}, as that bank lists them; empty when it knows none. */
    List<ExternalAccount> accounts(String bank, String holderRef);

    /** The available balance of one external account in minor units, or empty when unknown. */
    java.util.OptionalLong balance(String bank, String accountRef);

    /** Pulls the amount into the bank under the consent: Succeeded, Failed or Unknown. */
    ProviderAnswer pull(PullOrder order);

    /** Where a pull is: Succeeded, Failed ({@link ProviderAnswer#NOT_RECEIVED} when it never arrived) or Unknown. */
    ProviderAnswer status(PullId id);
}
