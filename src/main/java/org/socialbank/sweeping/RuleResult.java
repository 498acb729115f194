package org.socialbank.sweeping;

/** The answer to creating a rule: the rule (new or replayed) or a refusal that recorded nothing. */
public sealed interface RuleResult permits RuleResult.Created, RuleResult.Refused {

    record Created(SweepRule rule, boolean replayed) implements RuleResult {}

    record Refused(SweepRefusal refusal) implements RuleResult {}
}
