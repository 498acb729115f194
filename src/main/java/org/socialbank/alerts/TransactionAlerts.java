package org.socialbank.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.alerts.jdbc.AlertRow;
import org.socialbank.alerts.jdbc.JdbcAlerts;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.directory.MaskedName;
import org.socialbank.ledger.Account;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.JournalPosting;
import org.socialbank.ledger.Ledger;
import org.socialbank.shared.Language;
import org.socialbank.shared.Uuids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows the ledger's journal: every row that moved money on a customer's account becomes one
 * alert row (UNIQUE per journal row and account: exactly once, whatever reads the journal again),
 * decided by the customer's settings: suppressed, held through quiet hours, or sent now. Sending
 * is publishing {@link TransactionAlertDue} in the same transaction; the conversation engine
 * writes it to its outbox there, so the row, the cursor and the outbound message commit together.
 */
@Service
public class TransactionAlerts {

    private static final Logger log = LoggerFactory.getLogger(TransactionAlerts.class);

    private final Ledger ledger;
    private final Directory directory;
    private final ChannelIdentities identities;
    private final JdbcAlerts store;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AlertsProperties properties;
    private final AlertSms sms;
    private final AlertDigests digests;
    private final AlertSmsFailureNotices smsFailureNotices;

    TransactionAlerts(
            Ledger ledger,
            Directory directory,
            ChannelIdentities identities,
            JdbcAlerts store,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock,
            AlertsProperties properties,
            AlertSms sms,
            AlertDigests digests,
            AlertSmsFailureNotices smsFailureNotices) {
        this.ledger = ledger;
        this.directory = directory;
        this.identities = identities;
        this.store = store;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.properties = properties;
        this.sms = sms;
        this.digests = digests;
        this.smsFailureNotices = smsFailureNotices;
    }

    /** When the last round ran ({@link System#nanoTime()}), and whether it found postings. */
    private long lastRound = System.nanoTime();

    private boolean lastRoundFound;

    /**
     * Ticks every {@code follow-interval-busy} and runs a round when {@link #roundDue} says so:
     * right after a round that found postings, else once every {@code follow-interval}.
     */
    @Scheduled(
            fixedDelayString = "${socialbank.alerts.follow-interval-busy:250ms}",
            initialDelayString = "${socialbank.alerts.follow-interval:2s}")
    void scheduled() {
        long now = System.nanoTime();
        if (!properties.followerEnabled()
                || !roundDue(lastRoundFound, Duration.ofNanos(now - lastRound), properties.followInterval())) {
            return;
        }
        lastRound = now;
        lastRoundFound = false;
        try {
            lastRoundFound = round() > 0;
        } catch (RuntimeException e) {
            log.warn("transaction alerts: this round failed; the next one takes it again", e);
        }
    }

    /**
     * One round of the follower: new postings, alerts out of quiet hours, digests, queued SMS, then
     * the notices in chat of the SMS that failed for good ({@link AlertSmsFailureNotices}: those the
     * round's sends failed, and those the report janitor settled since); answers how many journal
     * rows it passed. Nothing in it waits on a delivery report: those are
     * asked for on their own schedule ({@link AlertSmsReports}), so a slow report API never holds
     * an alert (review 2026-12-07 alerts follow-up).
     */
    int round() {
        int passed = follow();
        releaseDue();
        digests.sendDigests();
        sms.sendPending();
        smsFailureNotices.tell();
        return passed;
    }

    /**
     * Whether a scheduled tick runs a round: at once after a round that found postings (a busy
     * journal is followed in small rounds, so each payer's alerts do not pile up ahead of her next
     * reply in her chat), else when {@code idle} has passed since the last round.
     */
    static boolean roundDue(boolean lastRoundFound, Duration sinceLastRound, Duration idle) {
        return lastRoundFound || sinceLastRound.compareTo(idle) >= 0;
    }

    /** One round over the journal; answers how many journal rows it passed. */
    public int follow() {
        Integer passed = transactions.execute(status -> {
            long cursor = store.lockCursor();
            Instant now = clock.instant();
            List<JournalPosting> batch =
                    ledger.postedAfter(cursor, now.minus(properties.settle()), properties.batchMax());
            Map<AccountId, CustomerId> holders = directory.holders(heldKinds(batch));
            for (JournalPosting posted : batch) {
                side(
                        holders,
                        posted,
                        posted.debitAccount(),
                        posted.creditAccount(),
                        false,
                        posted.debitBalanceAfterMinor(),
                        now);
                side(
                        holders,
                        posted,
                        posted.creditAccount(),
                        posted.debitAccount(),
                        true,
                        posted.creditBalanceAfterMinor(),
                        now);
            }
            if (!batch.isEmpty()) {
                store.moveCursor(batch.get(batch.size() - 1).sequence());
            }
            return batch.size();
        });
        return passed == null ? 0 : passed;
    }

    /** Sends the held alerts whose quiet hours are over; answers how many. */
    public int releaseDue() {
        Integer released = transactions.execute(status -> {
            store.lockCursor(); // one releaser at a time too
            Instant now = clock.instant();
            List<AlertRow> due = store.due(now, properties.batchMax());
            due.forEach(row -> store.setStatus(row.id(), send(row), now));
            return due.size();
        });
        return released == null ? 0 : released;
    }

    /**
     * Transfer codes whose payee the payment itself tells, by name, in her chat ("Alice W. sent you
     * €5.00", conversation.engine.PaymentAlerts): the posting alert would say it a second time, so
     * it is recorded as told elsewhere and not sent. Only the payments module's own transfers (their
     * metadata names the payment); a p2p transfer booked through the ledger API is alerted as usual.
     */
    static final java.util.Set<String> TOLD_BY_THE_PAYMENT = java.util.Set.of("p2p");

    static boolean toldByThePayment(org.socialbank.ledger.Transfer transfer) {
        return TOLD_BY_THE_PAYMENT.contains(transfer.code().value())
                && transfer.metadata() != null
                && transfer.metadata().entries().containsKey("payment");
    }

    /** The page's accounts of the kinds the directory's customers hold (wallets, current accounts). */
    private static List<AccountId> heldKinds(List<JournalPosting> batch) {
        return batch.stream()
                .flatMap(p -> java.util.stream.Stream.of(p.debitAccount(), p.creditAccount()))
                .filter(TransactionAlerts::customersKind)
                .map(Account::id)
                .distinct()
                .toList();
    }

    private static boolean customersKind(Account account) {
        return account.kind() == AccountKind.CUSTOMER_WALLET || account.kind() == AccountKind.CUSTOMER_CURRENT;
    }

    private void side(
            Map<AccountId, CustomerId> holders,
            JournalPosting posted,
            Account account,
            Account other,
            boolean incoming,
            long balanceAfterMinor,
            Instant now) {
        Optional<CustomerId> customer = customerOf(account, holders);
        UUID transferId = posted.transfer().id().value();
        if (customer.isEmpty() || store.exists(transferId, account.id().value())) {
            return;
        }
        AlertKind kind =
                other.kind() == AccountKind.FEES ? AlertKind.FEE : incoming ? AlertKind.INCOMING : AlertKind.OUTGOING;
        AlertSettings settings = Alerts.of(store, directory, customer.get());
        long amountMinor = posted.transfer().amountMinor();
        Optional<Instant> quietUntil = settings.quietUntil(now);
        AlertRow row = new AlertRow(
                UUID.randomUUID(),
                transferId,
                account.id().value(),
                customer.get(),
                kind,
                amountMinor,
                posted.transfer().currency(),
                balanceAfterMinor,
                counterparty(other, holders),
                posted.transfer().createdAt(),
                "held",
                quietUntil.orElse(now));
        if (kind == AlertKind.INCOMING && toldByThePayment(posted.transfer())) {
            store.insert(withStatus(row, "told_elsewhere"), null);
        } else if (!settings.wants(kind, amountMinor)) {
            store.insert(withStatus(row, "suppressed"), null);
        } else if (settings.delivery() != AlertDelivery.INSTANT
                && !store.digestRecorded(customer.get(), settings.dayOf(row.postedAt()))) {
            // waits for her digest; a posting of a day whose digest went already (a late one) goes at once
            Instant due = settings.digestDue(row.postedAt(), properties.digestTime());
            store.insert(
                    new AlertRow(
                            row.id(),
                            row.transferId(),
                            row.accountId(),
                            row.customerId(),
                            row.kind(),
                            row.amountMinor(),
                            row.currency(),
                            row.balanceAfterMinor(),
                            row.counterparty(),
                            row.postedAt(),
                            "digest",
                            due),
                    null,
                    settings.dayOf(row.postedAt()));
        } else {
            List<ChannelIdentity> chats = chats(identities, customer.get(), settings);
            if (kind == AlertKind.OUTGOING && toldByItsReceipt(posted.transfer(), chats)) {
                store.insert(withStatus(row, "told_elsewhere"), null);
            } else if (quietUntil.isPresent()) {
                store.insert(row, null);
            } else {
                store.insert(withStatus(row, "held"), null);
                store.setStatus(row.id(), sendTo(row, settings, chats, now), now);
            }
        }
    }

    /**
     * A payment the payer ordered in a chat whose reply was her receipt (the payments module's
     * {@code p2p} transfer with {@code "receipt": "chat"}: amount, payee, time, reference and the
     * balance after), when this alert would go to that same chat: the first of her chats is on the
     * payment's network and she has no other chat there. The alert would repeat the receipt seconds
     * later, in the chat she paid from, where a "This wasn't me" adds nothing either: whoever
     * holds that chat sees both. Sent as usual when her alerts go to another chat (the second
     * channel is the one that catches a stolen chat) and for the same transfer booked any other way.
     */
    static boolean toldByItsReceipt(org.socialbank.ledger.Transfer transfer, List<ChannelIdentity> chats) {
        if (!toldByThePayment(transfer)
                || !"chat".equals(transfer.metadata().entries().get("receipt"))
                || chats.isEmpty()) {
            return false;
        }
        org.socialbank.shared.Network first = chats.get(0).channel();
        return first.wireName().equals(transfer.metadata().entries().get("channel"))
                && chats.stream().filter(c -> c.channel() == first).count() == 1;
    }

    /**
     * Publishes the alert to the customer's first chat in her order; with none, queues it as an SMS
     * when it is worth one (last resort, issue 17); answers the row's new status.
     */
    private String send(AlertRow row) {
        AlertSettings settings = Alerts.of(store, directory, row.customerId());
        return sendTo(row, settings, chats(identities, row.customerId(), settings), clock.instant());
    }

    /**
     * Writes the alert to the first of {@code chats} (recording the attempt under its outbox id, so a
     * refusal finds it), else queues it as an SMS when it is worth one; answers the row's status.
     */
    String sendTo(AlertRow row, AlertSettings settings, List<ChannelIdentity> chats, Instant now) {
        Language language = directory
                .customer(row.customerId())
                .map(v -> v.customer().language())
                .orElse(Language.EN);
        if (chats.isEmpty()) {
            return sms.queue(row, language, settings.zone(), now) ? "sms" : "no_chat";
        }
        ChannelIdentity c = chats.get(0);
        UUID messageId = org.socialbank.shared.TimeOrderedIds.next();
        store.insertAttempt(messageId, row.id(), c.id().value(), c.channel(), now);
        events.publishEvent(new TransactionAlertDue(
                row.id(),
                row.kind(),
                row.amountMinor(),
                row.currency(),
                row.balanceAfterMinor(),
                row.counterparty(),
                row.postedAt(),
                settings.zone(),
                language,
                c.id(),
                c.channel(),
                c.externalId(),
                messageId));
        return "sent";
    }

    /** Her first chat in her order; empty when she has none. */
    static Optional<ChannelIdentity> chat(ChannelIdentities identities, CustomerId customer, AlertSettings settings) {
        return chats(identities, customer, settings).stream().findFirst();
    }

    /**
     * The chats an alert may go to, in her order: the preferred network, then her chat order's
     * networks, then the others, newest link first among equals. X is one of them: an alert goes
     * to the X account itself, a DM, never a reply on the timeline (the X sender sends a DM to any
     * recipient that is not a tweet).
     */
    static List<ChannelIdentity> chats(ChannelIdentities identities, CustomerId customer, AlertSettings settings) {
        return identities.linkedChats(customer, Locale.ROOT).stream()
                .flatMap(l -> identities.identity(l.id()).stream())
                .filter(i -> i.reachable() && customer.equals(i.customerId()))
                .sorted(Comparator.comparingInt(i -> settings.rank(i.channel())))
                .toList();
    }

    private String counterparty(Account other, Map<AccountId, CustomerId> holders) {
        return customerOf(other, holders)
                .flatMap(directory::customer)
                .map(v -> MaskedName.of(v.customer().displayName()))
                .orElse("bank:" + other.kind().wireName());
    }

    /**
     * The customer who holds the account in the directory (wallets, current accounts: read for the
     * whole page at once, {@link #heldKinds}), or whose credit card it is (its owner reference: card
     * purchases and repayments alert too); the bank's own accounts have none.
     */
    private static Optional<CustomerId> customerOf(Account account, Map<AccountId, CustomerId> holders) {
        if (account.kind() == AccountKind.CREDIT_CARD) {
            return owner(account.ownerRef());
        }
        return customersKind(account) ? Optional.ofNullable(holders.get(account.id())) : Optional.empty();
    }

    private static Optional<CustomerId> owner(String ownerRef) {
        if (ownerRef == null || !ownerRef.startsWith("customer:")) {
            return Optional.empty();
        }
        return Uuids.parse(ownerRef.substring("customer:".length())).map(CustomerId::new);
    }

    private static AlertRow withStatus(AlertRow r, String status) {
        return new AlertRow(
                r.id(),
                r.transferId(),
                r.accountId(),
                r.customerId(),
                r.kind(),
                r.amountMinor(),
                r.currency(),
                r.balanceAfterMinor(),
                r.counterparty(),
                r.postedAt(),
                status,
                r.dueAt());
    }
}
