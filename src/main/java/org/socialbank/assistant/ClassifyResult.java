package org.socialbank.assistant;

/** The outcome of a classification: an answer, or a refusal with a stable code. */
public sealed interface ClassifyResult permits Classification, ClassifyResult.Refused {

    /** The text could not be classified; {@code code} is documented in docs/assistant.md. */
    record Refused(Code code, String detail) implements ClassifyResult {}

    enum Code {
        /** The text is empty or only spaces. */
        BLANK_TEXT,
        /** The text is longer than {@code socialbank.assistant.text-max}. */
        TEXT_TOO_LONG,
        /** The language is none of en, fr, ru, fa, zh. */
        UNSUPPORTED_LANGUAGE,
        /**
         * No model can answer: the quick model's training failed while the full models are still
         * training (503, retry later; review 2026-12-07 assistant follow-up).
         */
        MODELS_UNAVAILABLE;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
