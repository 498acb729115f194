package org.socialbank.loyalty;

/** What a redemption did: redeemed (now, or before under the same id), or refused with a code. */
public sealed interface RedemptionResult {

    record Redeemed(Redemption redemption, boolean replayed) implements RedemptionResult {}

    record Refused(PointsRefusal code) implements RedemptionResult {}
}
