package org.socialbank.channels.whatsapp;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Meta's rate limits, wherever Meta says one was hit: in the answer to a send, or later in a
 * {@code failed} status on the webhook. A rate limit is a wait, never a try: 130429 (the number's
 * throughput), 4 (the app's API calls), 80007 (the business account's), 131048 (the number's spam
 * rate limit) and HTTP 429 pause every
 * send for {@code throttle-pause}; 131056 (the pair rate) pauses that one user for {@code
 * pair-pause}. A status carries no HTTP status, so there the code 429 stands for it.
 */
final class RateLimits {

    /** The number's message throughput was reached. */
    static final int THROUGHPUT = 130429;
    /** "API Too Many Calls": the app's Graph API call rate limit. */
    static final int APP_CALLS = 4;
    /** "Rate limit issues": the WhatsApp Business Account's rate limit. */
    static final int ACCOUNT_RATE = 80007;
    /** The pair rate limit: too many messages from the number to this one user; only they wait. */
    static final int PAIR_RATE = 131056;
    /** HTTP's "Too Many Requests", and the code that stands for it in a status. */
    static final int TOO_MANY = 429;
    /**
     * "Spam rate limit hit": the number may send fewer messages for now, its quality being low (one
     * of Meta's throttling errors; review 2026-12-07 whatsapp follow-up #6).
     */
    static final int SPAM_RATE = 131048;
    /** Meta's rate limits of every send (the number's, the app's, the account's): all sending waits. */
    static final Set<Integer> EVERY_SEND = Set.of(THROUGHPUT, APP_CALLS, ACCOUNT_RATE, TOO_MANY, SPAM_RATE);

    /** Every code that is a wait, as an SQL list (the status rows' {@code error_code}). */
    static final String CODES_SQL = "("
            + java.util.stream.Stream.concat(EVERY_SEND.stream(), java.util.stream.Stream.of(PAIR_RATE))
                    .sorted()
                    .map(String::valueOf)
                    .collect(Collectors.joining(", "))
            + ")";

    private RateLimits() {}

    /** What a refusal asks of the sender. */
    sealed interface Limit {}

    /** Every send waits this long. */
    record PauseAll(Duration pause) implements Limit {}

    /** Sends to this one user wait this long. */
    record PauseUser(Duration pause) implements Limit {}

    /** Not a rate limit: the caller's own rules apply. */
    record NotALimit() implements Limit {}

    /** A send's refusal: Meta's {@code code} and the HTTP {@code status} of its answer. */
    static Limit of(int code, int status, WhatsAppProperties properties) {
        if (code == PAIR_RATE) { // before HTTP 429, which some answers carrying it have
            return new PauseUser(properties.pairPause());
        }
        if (EVERY_SEND.contains(code) || status == TOO_MANY) {
            return new PauseAll(properties.throttlePause()); // Meta's answer names no wait
        }
        return new NotALimit();
    }

    /** A {@code failed} status's code (no HTTP status: 429 in the code stands for it). */
    static Limit reported(int code, WhatsAppProperties properties) {
        return of(code, 0, properties);
    }

    /** Whether a status's code is a wait. */
    static boolean isWait(int code) {
        return code == PAIR_RATE || EVERY_SEND.contains(code);
    }
}
