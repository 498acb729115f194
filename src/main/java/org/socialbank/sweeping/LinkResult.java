package org.socialbank.sweeping;

/** The answer to linking an account: the consent (new or replayed), or a refusal that recorded nothing. */
public sealed interface LinkResult permits LinkResult.Linked, LinkResult.Refused {

    record Linked(Consent consent, boolean replayed) implements LinkResult {}

    record Refused(SweepRefusal refusal) implements LinkResult {}
}
