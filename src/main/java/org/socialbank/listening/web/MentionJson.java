package org.socialbank.listening.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.socialbank.listening.Mention;

/** A mention as the API answers it: the contract's fields first, then what staff screens need. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MentionJson(
        String source,
        String sourceId,
        String id,
        String language,
        String sentiment,
        double score,
        String topic,
        String text,
        String author,
        Boolean customerLinked,
        Boolean corrected,
        Instant createdAt,
        Boolean replayed,
        Long reach) {

    /** The import answer: the contract's fields and whether it was there already. */
    static MentionJson recorded(Mention m, boolean replayed) {
        return new MentionJson(
                m.source(),
                m.sourceId(),
                m.id().toString(),
                m.language(),
                m.sentiment().wireName(),
                m.score(),
                m.topic().wireName(),
                null,
                null,
                null,
                null,
                null,
                replayed,
                null);
    }

    static MentionJson full(Mention m) {
        return new MentionJson(
                m.source(),
                m.sourceId(),
                m.id().toString(),
                m.language(),
                m.sentiment().wireName(),
                m.score(),
                m.topic().wireName(),
                m.text(),
                m.author(),
                m.customer().isPresent(),
                m.corrected(),
                m.createdAt(),
                null,
                m.reach());
    }
}
