package org.socialbank.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.challenges.CodeChallenges;
import org.socialbank.directory.challenges.CodeCheck;
import org.socialbank.directory.jdbc.JdbcDirectory;
import org.socialbank.directory.jdbc.JdbcLinking;
import org.socialbank.directory.jdbc.JdbcLinking.Challenge;
import org.socialbank.directory.jdbc.JdbcLinking.Token;
import org.socialbank.directory.jdbc.TokenState;
import org.socialbank.security.otp.OneTimeCodes;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.MoneyFormat;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Step-up confirmation of risky operations on the bank's own page. The page shows exactly what
 * will happen; the SMS code is bound to that amount and payee (PSD2 dynamic linking), expires,
 * and allows a bounded number of attempts. Callers learn the outcome from
 * {@link OperationConfirmed} and {@link OperationNotConfirmed} events; the page learns what became
 * of a confirmed operation from its owner ({@link ConfirmedOperations}), so that it says "sent" only
 * when it was, and otherwise why not.
 */
@Service
public class Confirmations {

    private static final String PURPOSE = "confirm";

    private final JdbcLinking store;
    private final JdbcDirectory directory;
    private final Directory customers;
    private final CodeChallenges challenges;
    private final OneTimeCodes codes;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final DirectoryProperties properties;
    private final DurableTransactions writes;
    private final ObjectProvider<ConfirmedOperations> owners;
    private final Clock clock;

    Confirmations(
            JdbcLinking store,
            JdbcDirectory directory,
            Directory customers,
            CodeChallenges challenges,
            OneTimeCodes codes,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            MessageSource messages,
            DirectoryProperties properties,
            DurableTransactions writes,
            ObjectProvider<ConfirmedOperations> owners,
            Clock clock) {
        this.store = store;
        this.directory = directory;
        this.customers = customers;
        this.challenges = challenges;
        this.codes = codes;
        this.transactions = transactions;
        this.events = events;
        this.messages = messages;
        this.properties = properties;
        this.writes = writes;
        this.owners = owners;
        this.clock = clock;
    }

    /**
     * An operation to confirm.
     *
     * @param reference the caller's id of the operation, echoed in the outcome events
     * @param payee the payee as the payer may see them (a masked name); for an operation that moves
     *     no money ({@code amountMinor} 0, no fee), the operation as the customer reads it ("Unlock
     *     card 400012******1234"), shown on the page and in the SMS and bound to the code
     */
    public record Request(
            CustomerId customer,
            String reference,
            long amountMinor,
            CurrencyCode currency,
            String payee,
            long feeMinor) {

        /** An operation of the module {@code operation.owner()}, stored as {@code owner:id}. */
        public Request(
                CustomerId customer,
                OperationRef operation,
                long amountMinor,
                CurrencyCode currency,
                String payee,
                long feeMinor) {
            this(customer, operation.reference(), amountMinor, currency, payee, feeMinor);
        }

        public Request {
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(currency, "currency");
            if (reference == null || reference.isBlank() || reference.length() > 128 || reference.contains("|")) {
                throw new IllegalArgumentException("reference must be 1 to 128 characters without '|'");
            }
            if (amountMinor < 0 || feeMinor < 0 || (amountMinor == 0 && feeMinor != 0)) {
                throw new IllegalArgumentException(
                        "the amount must be positive (or 0 for an operation without money) and the fee not negative");
            }
            if (payee == null || payee.isBlank() || payee.length() > 120 || payee.contains("|")) {
                throw new IllegalArgumentException("payee must be 1 to 120 characters without '|'");
            }
        }

        /**
         * An operation that moves no money (issue 16: unlocking a card), confirmed like a payment:
         * {@code label} is what the page and the SMS show, bound to the code.
         */
        public static Request operation(CustomerId customer, String reference, String label, CurrencyCode currency) {
            return new Request(customer, reference, 0, currency, label, 0);
        }

        /** The same for an operation of the module {@code operation.owner()}. */
        public static Request operation(
                CustomerId customer, OperationRef operation, String label, CurrencyCode currency) {
            return operation(customer, operation.reference(), label, currency);
        }

        /** Whether it moves no money (its payee is the operation's label). */
        public boolean operation() {
            return amountMinor == 0;
        }

        String context() {
            return String.join(
                    "|",
                    PURPOSE,
                    reference,
                    Long.toString(amountMinor),
                    currency.code(),
                    payee,
                    Long.toString(feeMinor));
        }
    }

    /** A confirmation under way: send {@code url} to the customer (in a private chat). */
    public record Started(UUID challengeId, String url, Instant expiresAt) {}

    /** Starts a confirmation and sends its code; empty when the customer has no phone on file. */
    public Optional<Started> start(Request request) {
        // no code while the customer's second factor is locked out (security review #6): confirmation_unavailable
        return write(() -> customers
                .phoneOnFile(request.customer())
                .filter(phone -> challenges.lockedUntil(request.customer()).isEmpty())
                .map(phone -> {
                    Language language = directory
                            .findCustomer(request.customer())
                            .orElseThrow()
                            .language();
                    Instant expires = now().plus(properties.confirmTtl());
                    UUID challenge = challenges.sendSms(new CodeChallenges.SmsRequest(
                            request.customer(),
                            PURPOSE,
                            request.context(),
                            request.reference(),
                            request.context(),
                            phone.value(),
                            code -> request.operation()
                                    ? messages.getMessage(
                                            "sms.confirm.operation",
                                            new Object[] {code, request.payee()},
                                            language.locale())
                                    : messages.getMessage(
                                            "sms.confirm.code",
                                            new Object[] {
                                                code,
                                                MoneyFormat.format(
                                                        request.amountMinor() + request.feeMinor(),
                                                        request.currency(),
                                                        language.locale()),
                                                request.payee()
                                            },
                                            language.locale()),
                            expires));
                    String token = codes.randomToken();
                    store.insertToken(new Token(
                            codes.hashToken(token),
                            PURPOSE,
                            null,
                            challenge,
                            request.customer(),
                            TokenState.ISSUED,
                            expires,
                            now()));
                    return new Started(challenge, properties.url("/confirm/" + token), expires);
                }));
    }

    /** The customer a confirmation page is for (issue 13: its "back to the chat" link); empty for an unknown token. */
    public Optional<CustomerId> customerOf(String token) {
        return transactions.execute(status -> current(token).map(Token::customerId));
    }

    /** The network of the chat the confirmed operation was asked in, when its owner records it (issue 13). */
    public Optional<org.socialbank.shared.Network> chatOf(String token) {
        return transactions.execute(status -> current(token)
                .flatMap(t -> store.challenge(t.challengeId()))
                .flatMap(c -> owners.orderedStream()
                        .map(o -> o.chat(OperationRef.of(c.reference())))
                        .flatMap(Optional::stream)
                        .findFirst()));
    }

    public ConfirmView open(String token) {
        return transactions.execute(
                status -> current(token).map(t -> view(t, false, -1)).orElse(new ConfirmView.Invalid()));
    }

    /**
     * Checks the code. Only an open confirmation changes; a second submit (a double click, a
     * reload) shows the outcome already reached and publishes nothing again.
     */
    public ConfirmView confirm(String token, String code) {
        return write(() -> current(token)
                .map(t -> {
                    if (t.state() != TokenState.ISSUED) {
                        return view(t, false, -1);
                    }
                    CodeCheck check = challenges.check(t.challengeId(), code);
                    if (check instanceof CodeCheck.Wrong wrong) {
                        return view(t, true, wrong.attemptsLeft());
                    }
                    Challenge c = store.challenge(t.challengeId()).orElseThrow();
                    if (check instanceof CodeCheck.Confirmed) {
                        store.updateToken(t.hash(), TokenState.DONE, t.challengeId(), t.customerId());
                        events.publishEvent(confirmed(c)); // its owner carries it out now, in this transaction
                        return done(c);
                    }
                    boolean now = check instanceof CodeCheck.Expired e
                            ? e.now()
                            : !(check instanceof CodeCheck.Failed f) || f.now();
                    return notConfirmed(
                            t, c, check instanceof CodeCheck.Expired ? "expired" : "too_many_attempts", now);
                })
                .orElse(new ConfirmView.Invalid()));
    }

    public ConfirmView cancel(String token) {
        return write(() -> current(token)
                .map(t -> {
                    if (t.state() != TokenState.ISSUED) {
                        return view(t, false, -1);
                    }
                    boolean open = store.lockChallenge(t.challengeId())
                            .filter(c -> "pending".equals(c.status()))
                            .isPresent();
                    challenges.cancel(t.challengeId());
                    return notConfirmed(t, store.challenge(t.challengeId()).orElseThrow(), "cancelled", open);
                })
                .orElse(new ConfirmView.Invalid()));
    }

    /**
     * Closes the confirmation of an operation its caller called off (a payer cancelled a held
     * payment): the page then says it was not confirmed and a code typed later confirms nothing.
     * No outcome event follows; the caller already knows. Joins the caller's transaction.
     */
    public void cancel(UUID challengeId) {
        write(() -> {
            challenges.cancel(challengeId);
            return null;
        });
    }

    /** Fails confirmations whose time ran out (the janitor); returns how many. */
    public int expireDue(int limit) {
        int expired = 0;
        for (UUID id : store.dueChallenges(clock.instant(), limit)) {
            expired += write(() -> store.lockChallenge(id)
                    .filter(c -> "pending".equals(c.status()) && !c.expiresAt().isAfter(clock.instant()))
                    .map(c -> {
                        store.updateChallenge(c.id(), c.attempts(), "expired");
                        if (PURPOSE.equals(c.purpose())) {
                            events.publishEvent(new OperationNotConfirmed(
                                    OperationRef.of(c.reference()), c.id(), c.customerId(), "expired"));
                        }
                        return 1;
                    })
                    .orElse(0));
        }
        return expired;
    }

    /** Closes the page's link; the event goes out only when this call is what closed the challenge. */
    private ConfirmView notConfirmed(Token t, Challenge c, String reason, boolean publish) {
        store.updateToken(t.hash(), TokenState.BURNED, t.challengeId(), t.customerId());
        if (publish) {
            events.publishEvent(
                    new OperationNotConfirmed(OperationRef.of(c.reference()), c.id(), c.customerId(), reason));
        }
        return new ConfirmView.NotConfirmed();
    }

    /** A confirmed operation as its owner reports it: sent, or refused with the owner's reason. */
    private ConfirmView done(Challenge c) {
        OperationConfirmed op = confirmed(c);
        Optional<OperationOutcome> outcome = owners.orderedStream()
                .map(o -> o.outcome(op.operation()))
                .flatMap(Optional::stream)
                .findFirst();
        if (outcome.orElse(null) instanceof OperationOutcome.Refused refused) {
            return new ConfirmView.Refused(
                    op.amountMinor() + op.feeMinor(),
                    op.currency().code(),
                    op.payee(),
                    refused.reason(),
                    refused.availableMinor());
        }
        return new ConfirmView.Confirmed(
                op.amountMinor() + op.feeMinor(), op.currency().code(), op.payee());
    }

    private static OperationConfirmed confirmed(Challenge c) {
        String[] parts = c.summary().split("\\|", -1); // the context: purpose|reference|amount|currency|payee|fee
        return new OperationConfirmed(
                OperationRef.of(c.reference()),
                c.id(),
                c.customerId(),
                Long.parseLong(parts[2]),
                CurrencyCode.of(parts[3]),
                parts[4],
                Long.parseLong(parts[5]));
    }

    private ConfirmView view(Token t, boolean wrong, int attemptsLeft) {
        if (t.state() != TokenState.ISSUED) {
            return t.state() == TokenState.DONE
                    ? done(store.challenge(t.challengeId()).orElseThrow())
                    : new ConfirmView.NotConfirmed();
        }
        Challenge c = store.challenge(t.challengeId()).orElseThrow();
        if (!"pending".equals(c.status()) || !c.expiresAt().isAfter(clock.instant())) {
            return new ConfirmView.NotConfirmed();
        }
        String[] parts = c.summary().split("\\|", -1);
        String phone = customers
                .phoneOnFile(c.customerId())
                .map(a -> LinkTokens.mask(a.value()))
                .orElse("");
        int left = attemptsLeft >= 0 ? attemptsLeft : properties.codeAttemptsMax() - c.attempts();
        return new ConfirmView.Pending(
                Long.parseLong(parts[2]), parts[3], parts[4], Long.parseLong(parts[5]), phone, wrong, left);
    }

    private Optional<Token> current(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return store.lockToken(codes.hashToken(token)).filter(t -> PURPOSE.equals(t.purpose()));
    }

    private <T> T write(java.util.function.Supplier<T> work) {
        return writes.write(status -> work.get());
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
