package org.socialbank.cards;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.cards.CardReminderDue.Kind;
import org.socialbank.ledger.Ledger;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The auto-repayments on due dates and the reminders about statements (issue 16 s2): three days
 * (configurable) before the due date, on the due date the auto-repayment (or the news that the
 * chosen account held too little: then nothing is repaid), after the grace period the overdue
 * reminder. Each is decided for a statement under the card's row lock and recorded under PRIMARY
 * KEY (statement, kind) in the transaction that publishes {@link CardReminderDue}: once, however
 * often the job runs and on however many nodes. The auto-repayment's id is derived from the
 * statement and the mode, so even a repayment replayed elsewhere repays once.
 */
@Service
public class CardReminders {

    static final int PASSES_MAX = 24;
    private static final Logger log = LoggerFactory.getLogger(CardReminders.class);

    private final JdbcCards cards;
    private final JdbcCardReminders store;
    private final JdbcAutoRepayments settings;
    private final JdbcCardTransactions transactions;
    private final RepayCard repay;
    private final Ledger ledger;
    private final DurableTransactions writes;
    private final ApplicationEventPublisher events;
    private final CardsProperties cardsProperties;
    private final CardRemindersProperties properties;
    private final Clock clock;

    CardReminders(
            JdbcCards cards,
            JdbcCardReminders store,
            JdbcAutoRepayments settings,
            JdbcCardTransactions transactions,
            RepayCard repay,
            Ledger ledger,
            DurableTransactions writes,
            ApplicationEventPublisher events,
            CardsProperties cardsProperties,
            CardRemindersProperties properties,
            Clock clock) {
        this.cards = cards;
        this.store = store;
        this.settings = settings;
        this.transactions = transactions;
        this.repay = repay;
        this.ledger = ledger;
        this.writes = writes;
        this.events = events;
        this.cardsProperties = cardsProperties;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${socialbank.cards.reminders.interval:1h}",
            initialDelayString = "${socialbank.cards.reminders.interval:1h}")
    void scheduled() {
        if (!properties.enabled()) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("card reminders: this round failed; the next one takes it again", e);
        }
    }

    /** One run: auto-repayments first, then the reminders; answers how many messages this call sent. */
    public int run() {
        LocalDate today = LocalDate.now(clock.withZone(cardsProperties.zone()));
        int batch = properties.batchMax();
        return passes(() -> store.autoRepaymentDue(today, batch), s -> autoRepay(s, today))
                + passes(
                        () -> store.dueSoon(today, today.plusDays(properties.daysBefore()), batch),
                        s -> dueSoon(s, today))
                + passes(
                        () -> store.overdue(today.minusDays(properties.overdueWithinDays()), today, batch),
                        this::overdue);
    }

    private static int passes(Supplier<List<Statement>> query, Predicate<Statement> handle) {
        int sent = 0;
        for (int pass = 0; pass < PASSES_MAX; pass++) {
            List<Statement> due = query.get();
            if (due.isEmpty()) {
                break;
            }
            for (Statement s : due) {
                sent += handle.test(s) ? 1 : 0;
            }
        }
        return sent;
    }

    private boolean autoRepay(Statement s, LocalDate today) {
        return once(s, JdbcCardReminders.Kind.AUTO_REPAYMENT, card -> {
            AutoRepayment setting = settings.find(card.id()).orElse(AutoRepayment.off(card.id()));
            long target = setting.mode() == AutoRepayment.Mode.FULL ? s.balanceMinor() : s.minimumPaymentMinor();
            long amount = Math.min(owed(card), Math.max(0, target - repaidSince(s, today)));
            if (setting.mode() == AutoRepayment.Mode.OFF || amount <= 0) {
                return Optional.empty(); // switched off since, or repaid already
            }
            UUID id = derived("auto-repayment:" + s.id() + ":" + setting.mode());
            RepaymentResult result = repay.repay(id, card.id(), amount, setting.fromAccount());
            Kind kind = result instanceof RepaymentResult.Repaid
                    ? Kind.AUTO_REPAID
                    : ((RepaymentResult.Refused) result).code() == CardRefusal.INSUFFICIENT_FUNDS
                            ? Kind.AUTO_SHORT
                            : Kind.AUTO_FAILED;
            return Optional.of(due(card, s, kind, amount, minimumLeft(s, today)));
        });
    }

    private boolean dueSoon(Statement s, LocalDate today) {
        return once(s, JdbcCardReminders.Kind.DUE_SOON, card -> {
            long left = Math.min(owed(card), Math.max(0, s.balanceMinor() - repaidSince(s, today)));
            if (left <= 0) {
                return Optional.empty();
            }
            AutoRepayment.Mode mode =
                    settings.find(card.id()).map(AutoRepayment::mode).orElse(AutoRepayment.Mode.OFF);
            Kind kind = switch (mode) {
                case OFF -> Kind.DUE_SOON;
                case FULL -> Kind.DUE_SOON_AUTO_FULL;
                case MINIMUM -> Kind.DUE_SOON_AUTO_MINIMUM;
            };
            return Optional.of(due(card, s, kind, left, minimumLeft(s, today)));
        });
    }

    private boolean overdue(Statement s) {
        return once(s, JdbcCardReminders.Kind.OVERDUE, card -> {
            long unpaid = Math.min(owed(card), minimumLeft(s, s.graceEndsOn()));
            return unpaid <= 0 ? Optional.empty() : Optional.of(due(card, s, Kind.OVERDUE, unpaid, unpaid));
        });
    }

    /**
     * Decides about one statement under its card's row lock, if no node did: records the decision
     * and publishes the message (if any) in the same transaction.
     */
    private boolean once(
            Statement s,
            JdbcCardReminders.Kind kind,
            java.util.function.Function<Card, Optional<CardReminderDue>> decide) {
        return writes.write(status -> {
            Card card = cards.lock(s.cardId()).orElseThrow();
            if (store.done(s.id(), kind)) {
                return false;
            }
            Optional<CardReminderDue> message = decide.apply(card);
            store.insert(s.id(), kind, message.isPresent(), clock.instant());
            message.ifPresent(events::publishEvent);
            return message.isPresent();
        });
    }

    private CardReminderDue due(Card card, Statement s, Kind kind, long amountMinor, long minimumMinor) {
        return new CardReminderDue(
                card.customerId(), kind, card.maskedNumber(), card.currency(), amountMinor, minimumMinor, s.dueDate());
    }

    private long owed(Card card) {
        return Cards.owed(ledger.account(card.accountId()).orElseThrow());
    }

    private long repaidSince(Statement s, LocalDate until) {
        return transactions.sum(s.cardId(), s.statementDate(), until, JdbcCardTransactions.REPAYMENT);
    }

    private long minimumLeft(Statement s, LocalDate until) {
        return Math.max(0, s.minimumPaymentMinor() - repaidSince(s, until));
    }

    private static UUID derived(String name) {
        return UUID.nameUUIDFromBytes(("socialbank-cards:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
