package org.socialbank.billing;

import java.time.Duration;
import org.socialbank.shared.ProviderAnswer;

/**
 * The top-up provider (an operator's or an aggregator's gateway). Exactly one bean; the embedded
 * sandbox is used only while no other exists. Like {@link Biller}: idempotent by {@link
 * TopUpOrder#id()}; once {@link #status} answered {@link ProviderAnswer#NOT_RECEIVED} for an id,
 * it MUST refuse that id for good (a late {@link #topUp} with it pays nothing); bounded by {@link #timeout()}, answers rather than throws (a throw is read as
 * Unknown), never called inside a database transaction.
 */
public interface MobileOperator {

    Duration timeout();

    /** Charges the number directly (no PIN voucher): Succeeded with the operator's trace number, Failed or Unknown. */
    ProviderAnswer topUp(TopUpOrder order);

    /**
     * The PIN of a voucher top-up ({@link TopUpKind#VOUCHER}) the operator sold (Succeeded): a
     * bearer secret, never logged; empty when it sold none (the default: no vouchers).
     */
    default java.util.Optional<String> voucherPin(TopUpId id) {
        return java.util.Optional.empty();
    }

    /** Where a top-up is: Succeeded, Failed ({@link ProviderAnswer#NOT_RECEIVED} when it never arrived) or Unknown. */
    ProviderAnswer status(TopUpId id);
}
