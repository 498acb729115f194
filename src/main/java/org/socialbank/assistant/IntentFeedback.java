package org.socialbank.assistant;

/**
 * The votes on one intent's answers: what staff read to find the answers that fail most. {@code
 * helpful} and {@code notHelpful} count the votes on the text shown now (per language); {@code
 * olderHelpful} and {@code olderNotHelpful} those on texts it replaced, and the votes given before
 * votes recorded their text (review 2026-12-07 assistant follow-up).
 */
public record IntentFeedback(String intent, long helpful, long notHelpful, long olderHelpful, long olderNotHelpful) {

    /** Only votes on the text shown now. */
    public IntentFeedback(String intent, long helpful, long notHelpful) {
        this(intent, helpful, notHelpful, 0, 0);
    }

    /** The votes on the text shown now. */
    public long total() {
        return helpful + notHelpful;
    }

    /** The votes on older texts. */
    public long olderTotal() {
        return olderHelpful + olderNotHelpful;
    }

    /** The share of the current text's votes that say helpful, 0..1 (0 with no votes). */
    public double helpfulShare() {
        return total() == 0 ? 0 : Math.round(10_000.0 * helpful / total()) / 10_000.0;
    }
}
