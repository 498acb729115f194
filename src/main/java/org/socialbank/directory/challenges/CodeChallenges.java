package org.socialbank.directory.challenges;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.DirectoryProperties;
import org.socialbank.directory.jdbc.JdbcLinking;
import org.socialbank.directory.jdbc.JdbcLinking.Challenge;
import org.socialbank.notifications.SmsGateway;
import org.socialbank.notifications.SmsMessage;
import org.socialbank.security.otp.OneTimeCodes;
import org.socialbank.shared.Microseconds;
import org.springframework.stereotype.Component;

/**
 * One-time code challenges. An SMS code is random, sent once, stored only as a keyed hash over
 * the challenge's context (what it confirms), expires, and allows a bounded number of attempts.
 * Call inside the caller's transaction.
 */
@Component
public class CodeChallenges {

    public static final int CODE_DIGITS = 6;

    private final JdbcLinking store;
    private final OneTimeCodes codes;
    private final SmsGateway sms;
    private final Authenticators authenticators;
    private final SecondFactorBudget budget;
    private final DirectoryProperties properties;
    private final Clock clock;

    CodeChallenges(
            JdbcLinking store,
            OneTimeCodes codes,
            SmsGateway sms,
            Authenticators authenticators,
            SecondFactorBudget budget,
            DirectoryProperties properties,
            Clock clock) {
        this.budget = budget;
        this.store = store;
        this.codes = codes;
        this.sms = sms;
        this.authenticators = authenticators;
        this.properties = properties;
        this.clock = clock;
    }

    /** What an SMS challenge is about, and how to word its message once the code is known. */
    public record SmsRequest(
            CustomerId customer,
            String purpose,
            String context,
            String reference,
            String summary,
            String phoneE164,
            java.util.function.Function<String, String> text,
            Instant expiresAt) {}

    /**
     * Until when the customer's second factor is locked out, if it is now; holds the customer's
     * budget row until the transaction ends. Ask before {@link #sendSms} or {@link #expectTotp}.
     */
    public Optional<Instant> lockedUntil(CustomerId customer) {
        return budget.hold(customer);
    }

    /** Creates a challenge and sends its code by SMS (counted in the customer's budget); returns its id. */
    public UUID sendSms(SmsRequest request) {
        budget.hold(request.customer());
        budget.sent(request.customer());
        String code = codes.generate(CODE_DIGITS);
        UUID id = UUID.randomUUID();
        store.insertChallenge(new Challenge(
                id,
                request.customer(),
                request.purpose(),
                "sms",
                request.context(),
                codes.hash(code, request.context()),
                request.reference(),
                request.summary(),
                0,
                "pending",
                request.expiresAt(),
                now()));
        sms.send(new SmsMessage(request.phoneE164(), request.text().apply(code)));
        return id;
    }

    /** Creates a challenge answered from the customer's authenticator app; returns its id. */
    public UUID expectTotp(CustomerId customer, String purpose, String context, String reference, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        store.insertChallenge(new Challenge(
                id, customer, purpose, "totp", context, null, reference, null, 0, "pending", expiresAt, now()));
        return id;
    }

    public Optional<String> method(UUID challengeId) {
        return store.challenge(challengeId).map(Challenge::method);
    }

    /** Checks a code typed for the challenge; the challenge row is locked until the caller commits. */
    public CodeCheck check(UUID challengeId, String typed) {
        Optional<Challenge> found = store.lockChallenge(challengeId);
        if (found.isEmpty()) {
            return new CodeCheck.Failed(false);
        }
        Challenge c = found.get();
        Optional<Instant> locked = budget.hold(c.customerId());
        if (locked.isPresent() && "pending".equals(c.status())) {
            store.updateChallenge(c.id(), c.attempts(), "failed");
            return new CodeCheck.Locked(locked.get());
        }
        if (!"pending".equals(c.status())) {
            return "expired".equals(c.status()) ? new CodeCheck.Expired(false) : new CodeCheck.Failed(false);
        }
        if (!c.expiresAt().isAfter(now())) {
            store.updateChallenge(c.id(), c.attempts(), "expired");
            return new CodeCheck.Expired(true);
        }
        String code =
                typed == null ? "" : org.socialbank.shared.Digits.toAscii(typed).replaceAll("[\\s-]", "");
        boolean right = "totp".equals(c.method())
                ? authenticators.verify(c.customerId(), code)
                : code.matches("[0-9]{" + CODE_DIGITS + "}") && codes.matches(code, c.context(), c.codeHash());
        if (right) {
            store.updateChallenge(c.id(), c.attempts() + 1, "confirmed");
            return new CodeCheck.Confirmed();
        }
        int attempts = c.attempts() + 1;
        budget.wrong(c.customerId());
        Optional<Instant> nowLocked = budget.hold(c.customerId());
        if (nowLocked.isPresent()) {
            store.updateChallenge(c.id(), attempts, "failed");
            return new CodeCheck.Locked(nowLocked.get());
        }
        boolean last = attempts >= properties.codeAttemptsMax();
        store.updateChallenge(c.id(), attempts, last ? "failed" : "pending");
        return last ? new CodeCheck.Failed(true) : new CodeCheck.Wrong(properties.codeAttemptsMax() - attempts);
    }

    public void cancel(UUID challengeId) {
        store.lockChallenge(challengeId)
                .filter(c -> "pending".equals(c.status()))
                .ifPresent(c -> store.updateChallenge(c.id(), c.attempts(), "cancelled"));
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
