package org.socialbank.conversation.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasMatch;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Language;
import org.socialbank.services.Branch;
import org.socialbank.services.Branches;
import org.socialbank.shared.CurrencyCode;

/**
 * What a dialogue may ask of the bank, for the one chat account whose message it handles, inside
 * the transaction that handles it.
 */
public interface Bank {

    /** The time now, from the application's clock. */
    Instant now();

    /** The customer this chat account is linked to now, with their preferred language. */
    Optional<Linked> linked();

    /** A one-time link to the bank's sign-in page for this chat account. */
    String linkUrl();

    boolean unlink();

    /** Links by a phone the network vouches is the sender's own; false when it is no customer's. */
    boolean linkByPhone(String phone);

    void markUnreachable();

    List<Balance> balances(CustomerId customer);

    /** The latest transfers of the customer's primary account in their first currency, newest first. */
    List<Movement> history(CustomerId customer, int limit);

    Optional<CurrencyCode> primaryCurrency(CustomerId customer);

    Optional<AliasMatch> resolve(Alias alias);

    /** Books the payment; the id comes from the message being handled, so a replay pays once. */
    PayOutcome pay(CustomerId payer, CustomerId payee, long amountMinor, CurrencyCode currency);

    /** The bank's branches nearest to a place, nearest first. */
    List<Branches.Nearby> branchesNear(double lat, double lon, int limit);

    /** The bank's branches in a city or street the text names. */
    List<Branch> branchesIn(String text, int limit);

    /** An opaque reference to a new button row bound to this chat account and form version. */
    String button(String action, long formVersion);

    /** The button behind a reference, used up now; empty when unknown, expired, used or another's. */
    Optional<Press> press(String reference);

    record Linked(CustomerId customerId, Language language) {
    }

    record Balance(long amountMinor, CurrencyCode currency) {
    }

    record Movement(boolean outgoing, long amountMinor, CurrencyCode currency, Instant at) {
    }

    record Press(String action, long formVersion) {
    }

    sealed interface PayOutcome {
    }

    record Paid(String transferId) implements PayOutcome {
    }

    /** The ledger's or the directory's "no", as a stable code (e.g. {@code exceeds_credits}). */
    record Refused(String code) implements PayOutcome {
    }
}
