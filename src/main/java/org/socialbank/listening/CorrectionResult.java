package org.socialbank.listening;

/** What became of a staff correction. */
public sealed interface CorrectionResult permits CorrectionResult.Corrected, CorrectionResult.NoSuchMention {

    /** Stored; the mention now reads as corrected, and so will the same text when it comes again. */
    record Corrected(Mention mention) implements CorrectionResult {}

    record NoSuchMention() implements CorrectionResult {}
}
