package org.socialbank.cards;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Account;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Ledger;
import org.socialbank.security.otp.OneTimeCodes;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Issues cards and changes their status. Issuing is idempotent by the card's id: the same id again
 * answers with the card issued first.
 */
@Service
public class Cards {

    /** A customer holds at most this many cards; a listing shows them all. */
    public static final int PER_CUSTOMER_MAX = 50;

    private final JdbcCards store;
    private final CardAccounts accounts;
    private final Directory directory;
    private final Ledger ledger;
    private final CardsProperties properties;
    private final Clock clock;
    private final DurableTransactions writes;
    private final ApplicationEventPublisher events;
    private final SecretKeySpec numberKey;
    private final RandomGenerator random = new SecureRandom();

    Cards(
            JdbcCards store,
            CardAccounts accounts,
            Directory directory,
            Ledger ledger,
            CardsProperties properties,
            OneTimeCodes codes,
            DurableTransactions writes,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.directory = directory;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
        this.writes = writes;
        this.events = events;
        this.numberKey = new SecretKeySpec(codes.deriveKey("cards number hash"), "HmacSHA256");
    }

    /** A debit card spending from {@code account}, which must be the customer's own. */
    public CardResult issueDebit(CardId id, CustomerId customer, AccountId account) {
        Optional<Card> existing = store.find(id);
        if (existing.isPresent()) {
            return sameOwner(existing.get(), customer);
        }
        if (directory.customer(customer).isEmpty()) {
            return new CardResult.Refused(CardRefusal.CUSTOMER_NOT_FOUND);
        }
        Optional<Account> spending = ledger.account(account);
        if (spending.isEmpty() || !customer.ownerRef().equals(spending.get().ownerRef())) {
            return new CardResult.Refused(CardRefusal.ACCOUNT_UNAVAILABLE);
        }
        accounts.openBankAccounts(spending.get().currency());
        return insert(
                newCard(id, customer, CardKind.DEBIT, account, spending.get().currency(), 0, 0, today()), null);
    }

    /** A credit card issued today. */
    public CardResult issueCredit(
            CardId id, CustomerId customer, CurrencyCode currency, long limitMinor, int statementDay) {
        return issueCredit(id, customer, currency, limitMinor, statementDay, today());
    }

    /**
     * A credit card with its own ledger credit account, a limit and a statement day (1 to 28);
     * {@code issuedOn} may be in the past for a card taken over from elsewhere (the demo's are).
     */
    public CardResult issueCredit(
            CardId id,
            CustomerId customer,
            CurrencyCode currency,
            long limitMinor,
            int statementDay,
            LocalDate issuedOn) {
        if (limitMinor <= 0 || statementDay < 1 || statementDay > 28 || issuedOn.isAfter(today())) {
            throw new IllegalArgumentException(
                    "a credit card needs a positive limit, a statement day 1..28 and an issue day not in the future");
        }
        Optional<Card> existing = store.find(id);
        if (existing.isPresent()) {
            return sameOwner(existing.get(), customer);
        }
        if (directory.customer(customer).isEmpty()) {
            return new CardResult.Refused(CardRefusal.CUSTOMER_NOT_FOUND);
        }
        accounts.openBankAccounts(currency);
        accounts.openCreditAccount(id, currency, customer.ownerRef());
        Issued issued = newCard(
                id,
                customer,
                CardKind.CREDIT,
                CardAccounts.creditAccount(id),
                currency,
                limitMinor,
                statementDay,
                issuedOn);
        return insert(issued, StatementCycle.firstStatementDate(issued.card().issuedOn(), statementDay));
    }

    public Optional<Card> card(CardId id) {
        return store.find(id);
    }

    /** The customer's cards, oldest first; empty when the customer is unknown. */
    public Optional<List<Card>> cardsOf(CustomerId customer) {
        if (directory.customer(customer).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(store.ofCustomer(customer, PER_CUSTOMER_MAX));
    }

    /** What a credit card owes now (posted), 0 for a debit card. */
    public long owedMinor(Card card) {
        if (!card.credit()) {
            return 0;
        }
        return owed(ledger.account(card.accountId()).orElseThrow());
    }

    /** What a credit card's (debit-normal) account owes: posted debits less posted credits. */
    static long owed(Account creditAccount) {
        return creditAccount.debitsPosted() - creditAccount.creditsPosted();
    }

    /** The holder pauses an active card at once; locking a locked card changes nothing. */
    public CardResult lock(CardId id) {
        return move(id, CardStatus.ACTIVE, CardStatus.LOCKED);
    }

    /** Unlocks a card its holder locked (the caller has confirmed it on the bank's page). */
    public CardResult unlock(CardId id) {
        return move(id, CardStatus.LOCKED, CardStatus.ACTIVE);
    }

    /**
     * The card bureau sent the card to its holder on {@code day} (the bank reads it from the
     * bureau's dispatch file): the holder's "where is my card?" names the day from then on. The
     * same day again changes nothing; another day corrects it. A day before the card was issued, or
     * after today, is refused. The first day recorded for her newest card, if recent, publishes
     * {@link CardDispatched} in the same transaction (under the card's row lock: once, however many
     * nodes record it); a correction is not announced again.
     */
    public CardResult recordDispatch(CardId id, LocalDate day) {
        Objects.requireNonNull(day, "day");
        return writes.write(status -> {
            Optional<Card> found = store.lock(id);
            if (found.isEmpty()) {
                return new CardResult.Refused(CardRefusal.CARD_NOT_FOUND);
            }
            Card card = found.get();
            if (day.isBefore(card.issuedOn()) || day.isAfter(today())) {
                return new CardResult.Refused(CardRefusal.DISPATCH_DATE_NOT_VALID);
            }
            if (day.equals(card.dispatchedOn())) {
                return new CardResult.Done(card, true);
            }
            store.updateDispatchedOn(id, day, clock.instant());
            Card sent = store.find(id).orElseThrow();
            if (card.dispatchedOn() == null && toldOnItsWay(sent)) {
                events.publishEvent(new CardDispatched(sent.customerId(), sent.maskedNumber(), day));
            }
            return new CardResult.Done(sent, false);
        });
    }

    /**
     * Whether the first dispatch day recorded for {@code card} is told to its holder: only for her
     * newest card, still usable, sent recently (a back office catching up on old files tells nobody
     * of a card that came long ago, and an old card's late record is not news of the new one).
     */
    private boolean toldOnItsWay(Card card) {
        return (card.status() == CardStatus.ACTIVE || card.status() == CardStatus.LOCKED)
                && !card.dispatchedOn().isBefore(today().minusDays(properties.dispatchNoticeDays()))
                && newestOf(card.customerId())
                        .map(newest -> newest.id().equals(card.id()))
                        .orElse(false);
    }

    /** The customer's card issued last (of two issued the same day, the one created later). */
    public Optional<Card> newestOf(CustomerId customer) {
        return store.ofCustomer(customer, PER_CUSTOMER_MAX).stream()
                .filter(card -> card.issuedOn() != null)
                .reduce((older, newer) -> newer.issuedOn().isBefore(older.issuedOn()) ? older : newer);
    }

    /**
     * Moves the card from {@code from} to {@code to} under its row lock, with an update conditional
     * on {@code from}: of racing locks and unlocks each transition happens once and is answered as
     * new once (review 2026-12-07 cards/sweeping follow-up); the others see it done (a replay) or
     * the card not in {@code from}.
     */
    private CardResult move(CardId id, CardStatus from, CardStatus to) {
        return writes.write(tx -> {
            Optional<Card> found = store.lock(id);
            if (found.isEmpty()) {
                return new CardResult.Refused(CardRefusal.CARD_NOT_FOUND);
            }
            Card card = found.get();
            if (card.status() == to) {
                return new CardResult.Done(card, true);
            }
            if (card.status() != from) {
                return new CardResult.Refused(CardRefusal.CARD_NOT_ACTIVE);
            }
            if (store.updateStatus(id, from, to, clock.instant()) != 1) {
                throw new IllegalStateException("card " + id + " left " + from + " under its row lock");
            }
            return new CardResult.Done(store.find(id).orElseThrow(), false);
        });
    }

    /** A new card and the keyed hash of its number; the number itself goes no further. */
    private record Issued(Card card, String numberHash) {}

    private Issued newCard(
            CardId id,
            CustomerId customer,
            CardKind kind,
            AccountId account,
            CurrencyCode currency,
            long limitMinor,
            int statementDay,
            LocalDate today) {
        String number =
                CardNumbers.issue(kind == CardKind.CREDIT ? properties.creditBin() : properties.debitBin(), random);
        LocalDate expiresOn = today.plusYears(properties.validYears())
                .withDayOfMonth(1)
                .plusMonths(1)
                .minusDays(1);
        return new Issued(
                new Card(
                        id,
                        customer,
                        kind,
                        CardNumbers.mask(number),
                        account,
                        currency,
                        CardStatus.ACTIVE,
                        limitMinor,
                        statementDay,
                        today,
                        expiresOn,
                        null),
                hash(number));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    private CardResult insert(Issued issued, LocalDate nextStatementOn) {
        Card card = issued.card();
        try {
            store.insert(card, issued.numberHash(), nextStatementOn, clock.instant());
            return new CardResult.Done(card, false);
        } catch (DuplicateKeyException e) {
            return sameOwner(store.find(card.id()).orElseThrow(() -> e), card.customerId());
        }
    }

    private static CardResult sameOwner(Card card, CustomerId customer) {
        return card.customerId().equals(customer)
                ? new CardResult.Done(card, true)
                : new CardResult.Refused(CardRefusal.ID_REUSED);
    }

    private String hash(String number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(numberKey);
            return HexFormat.of().formatHex(mac.doFinal(number.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
