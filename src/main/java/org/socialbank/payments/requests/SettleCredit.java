package org.socialbank.payments.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.Metadata;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.TransferCode;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.payments.requests.jdbc.JdbcRequests;
import org.socialbank.payments.requests.jdbc.RequestRow;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * An interbank credit arrived on the collection account with a reference: when it names an open
 * request and brings exactly its amount, book it from the collection account to the requester
 * and mark the request paid, in one transaction. Idempotent by the feed's own id of the entry
 * (security review #15): the feed may deliver one credit twice, and that replay answers as the
 * first did; a second, distinct credit with the same reference is another credit, and finds the
 * request paid ({@code request_not_open}). A credit that settles nothing is answered with why,
 * for the bank to send back.
 */
@Component
class SettleCredit {

    /** What an ISO 20022 / SEPA remittance reference may hold, at most 35 characters. */
    private static final Pattern REFERENCE = Pattern.compile("[A-Z0-9/?:().,'+]{1,35}");
    /** The feed's id of an entry (an ISO 20022 end-to-end id, an account servicer reference): printable ASCII. */
    private static final Pattern ENTRY_ID = Pattern.compile("[!-~]{1,64}");

    private final JdbcRequests store;
    private final Directory directory;
    private final Ledger ledger;
    private final CollectionAccounts collection;
    private final ApplicationEventPublisher events;
    private final DurableTransactions writes;
    private final Clock clock;

    SettleCredit(
            JdbcRequests store,
            Directory directory,
            Ledger ledger,
            CollectionAccounts collection,
            ApplicationEventPublisher events,
            DurableTransactions writes,
            Clock clock) {
        this.store = store;
        this.directory = directory;
        this.ledger = ledger;
        this.collection = collection;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
    }

    /** Why a credit as the feed reported it is malformed, or empty when it is well-formed. */
    static Optional<String> problem(String entryId, String rawReference, long amountMinor) {
        if (entryId == null || !ENTRY_ID.matcher(entryId).matches()) {
            return Optional.of("entryId must be 1 to 64 printable ASCII characters without spaces");
        }
        if (!REFERENCE.matcher(RequestSecrets.normalizeReference(rawReference)).matches()) {
            return Optional.of("reference must be 1 to 35 letters, digits or / ? : ( ) . , ' +");
        }
        return amountMinor <= 0 ? Optional.of("amountMinor must be positive") : Optional.empty();
    }

    CreditOutcome received(String entryId, String rawReference, long amountMinor, CurrencyCode currency) {
        Optional<String> problem = problem(entryId, rawReference, amountMinor);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        String reference = RequestSecrets.normalizeReference(rawReference);
        return writes.write(status -> {
            Optional<JdbcRequests.Credit> seen = store.credit(entryId);
            if (seen.isPresent()) {
                JdbcRequests.Credit c = seen.get();
                boolean replay = c.reference().equals(reference)
                        && c.amountMinor() == amountMinor
                        && c.currency().equals(currency.code());
                return new CreditOutcome(
                        reference,
                        replay ? c.outcome() : CreditOutcome.ENTRY_REUSED,
                        c.requestId() == null ? null : new RequestId(c.requestId()));
            }
            Optional<RequestRow> request = store.lockByReference(reference);
            String outcome = request.map(r -> check(r, amountMinor, currency)).orElse("unknown_reference");
            RequestId id = request.map(RequestRow::id).orElse(null);
            if (!CreditOutcome.SETTLED.equals(outcome)) {
                return new CreditOutcome(reference, outcome, id); // nothing booked or kept: the bank sends it back
            }
            UUID transfer = book(request.get());
            if (transfer == null) {
                return new CreditOutcome(reference, "requester_cannot_receive", id);
            }
            store.insertCredit(entryId, reference, amountMinor, currency, outcome, id, transfer, now());
            settle(request.get(), transfer);
            return new CreditOutcome(reference, outcome, id);
        });
    }

    /**
     * Whether the credit pays the request. An open request whose expiry passed a moment ago but
     * that the janitor has not closed yet is still paid: the payer sent the money in good faith.
     */
    private static String check(RequestRow r, long amountMinor, CurrencyCode currency) {
        if (!r.open()) {
            return "request_not_open"; // whatever it brings: a request already paid takes nothing more
        }
        if (!r.currency().equals(currency)) {
            return "currency_mismatch";
        }
        return r.amountMinor() != amountMinor ? "amount_mismatch" : CreditOutcome.SETTLED;
    }

    /** Books collection account -> requester; null when the requester cannot receive it any more. */
    private UUID book(RequestRow r) {
        Optional<AccountId> wallet =
                directory.primaryAccount(r.requester(), r.currency().code());
        if (wallet.isEmpty()) {
            return null;
        }
        UUID id = r.id().derive("incoming-credit");
        TransferResult result = ledger.transfer(new NewTransfer(
                new TransferId(id),
                collection.open(r.currency()),
                wallet.get(),
                r.amountMinor(),
                r.currency(),
                new TransferCode("request-credit"),
                false,
                0,
                Metadata.of(Map.of(
                        "request", r.id().toString(), "reference", r.payLink().reference()))));
        return result instanceof TransferResult.Posted ? id : null;
    }

    private void settle(RequestRow r, UUID transfer) {
        if (store.markPaid(r.id(), null, transfer, now())) {
            events.publishEvent(new RequestPaid(
                    r.id(), r.splitId(), r.requester(), r.payerCustomer(), r.amountMinor(), r.currency(), null));
        }
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
