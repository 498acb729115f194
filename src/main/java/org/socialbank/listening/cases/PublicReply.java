package org.socialbank.listening.cases;

import java.time.Instant;

/**
 * A public reply staff wrote on a case.
 *
 * @param state {@code QUEUED}: written to the conversation outbox for the source's sender;
 *     {@code TO_POST}: the source has no sender, someone posts it by hand
 */
public record PublicReply(String author, String text, State state, Instant writtenAt) {

    public enum State {
        QUEUED,
        TO_POST
    }
}
