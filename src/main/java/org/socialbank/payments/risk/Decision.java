package org.socialbank.payments.risk;

import java.util.List;

/** What the policy decided about an attempt, with every check it made (the audit). */
public sealed interface Decision permits Allow, StepUp, Reject {

    /** The checks in the order they were made; each says its rule, its outcome and why. */
    List<Check> checks();
}
