package org.socialbank.consent.web;

import java.time.Instant;
import java.util.List;
import org.socialbank.consent.Consent;

/** A consent on the wire; the names are the contract of issue 17. */
record ConsentJson(
        String purpose,
        String channel,
        String status,
        Instant changedAt,
        String externalUserId,
        String text,
        String evidence,
        String source) {

    static ConsentJson of(Consent c) {
        return new ConsentJson(
                c.purpose().wireName(),
                c.channel().wireName(),
                c.status().wireName(),
                c.changedAt(),
                c.externalUserId(),
                c.text(),
                c.evidence(),
                c.source().wireName());
    }

    /** The answer of GET: every consent of the chat account. */
    record Page(List<ConsentJson> consents) {}

    /** The body of POST: a consent given (or withdrawn) elsewhere: the bank's app, a branch. */
    record Give(String channel, String externalUserId, String purpose, String text, String evidence, String status) {}
}
