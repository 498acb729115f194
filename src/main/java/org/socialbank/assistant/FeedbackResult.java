package org.socialbank.assistant;

/** The outcome of a vote on an answer: counted, already counted (one vote per answer), or refused. */
public sealed interface FeedbackResult
        permits FeedbackResult.Counted, FeedbackResult.AlreadyCounted, FeedbackResult.Refused {

    record Counted() implements FeedbackResult {}

    /** The answer had a vote already; the first one stands. */
    record AlreadyCounted() implements FeedbackResult {}

    /** Nothing counted; {@code code} is documented in docs/assistant.md. */
    record Refused(Code code, String detail) implements FeedbackResult {}

    enum Code {
        /** No answer id. */
        MISSING_ANSWER_ID,
        /**
         * The answer id was not issued by classify, or has expired (review 2026-12-07 assistant
         * follow-up).
         */
        UNKNOWN_ANSWER,
        /** The intent is not one of BANKING77's 77. */
        UNKNOWN_INTENT,
        /** The language is none of en, fr, ru, fa, zh. */
        UNSUPPORTED_LANGUAGE;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
