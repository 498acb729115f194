package org.socialbank.sweeping;

/**
 * The answer to a pull: the pull (new or replayed; its status says whether the money arrived), or
 * a refusal. Refusals by the consent's checks are recorded (so a replay answers the same);
 * consent_not_found, customer_not_found and id_reused record nothing.
 */
public sealed interface CollectResult permits CollectResult.Done, CollectResult.Refused {

    record Done(Pull pull, boolean replayed) implements CollectResult {}

    record Refused(SweepRefusal refusal, boolean replayed) implements CollectResult {}
}
