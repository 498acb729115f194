package org.socialbank.payments.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.requests.jdbc.JdbcRequests;
import org.socialbank.payments.requests.jdbc.RequestRow;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The organiser's "remind them": one {@link RequestReminderDue} per member who has not paid, at
 * most once per reminder interval per member (counted from the request, then from the last
 * reminder), so a split cannot be used to pester anyone. The stamp is a guarded UPDATE: two
 * racing calls remind once.
 */
@Component
class RemindMembers {

    private final JdbcRequests store;
    private final RequestViews views;
    private final RequestsProperties properties;
    private final ApplicationEventPublisher events;
    private final DurableTransactions writes;
    private final Clock clock;

    RemindMembers(
            JdbcRequests store,
            RequestViews views,
            RequestsProperties properties,
            ApplicationEventPublisher events,
            DurableTransactions writes,
            Clock clock) {
        this.store = store;
        this.views = views;
        this.properties = properties;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
    }

    /** Empty when there is no such split or the customer is not its organiser. */
    Optional<Reminders> remind(SplitId id, CustomerId organiser) {
        return writes.write(status ->
                store.findSplit(id).filter(s -> s.organiser().equals(organiser)).map(s -> remind(id)));
    }

    /**
     * The requester's "remind them" for one request (issue 13: "remind $camille"), at most once per
     * reminder interval; empty when there is no such request or the customer is not its requester.
     */
    Optional<Reminders> remindOne(RequestId id, CustomerId requester) {
        return writes.write(status ->
                store.find(id).filter(r -> r.requester().equals(requester)).map(this::remindRow));
    }

    private Reminders remindRow(RequestRow r) {
        Instant now = Microseconds.now(clock);
        if (!r.open() || !r.expiresAt().isAfter(now)) {
            return new Reminders(r.splitId(), List.of(), List.of(), null);
        }
        if (store.remind(r.id(), now.minus(properties.reminderInterval()), now)) {
            events.publishEvent(new RequestReminderDue(
                    r.id(),
                    r.splitId(),
                    r.requester(),
                    r.parties().requesterMaskedName(),
                    r.payerCustomer(),
                    r.payer(),
                    r.amountMinor(),
                    r.currency(),
                    views.payUrl(r),
                    r.channel()));
            return new Reminders(r.splitId(), List.of(r.id()), List.of(), null);
        }
        Instant last = r.remindedAt() != null ? r.remindedAt() : r.createdAt();
        return new Reminders(r.splitId(), List.of(), List.of(r.id()), last.plus(properties.reminderInterval()));
    }

    private Reminders remind(SplitId id) {
        Instant now = Microseconds.now(clock);
        List<RequestId> reminded = new ArrayList<>();
        List<RequestId> tooSoon = new ArrayList<>();
        Instant nextAt = null;
        for (RequestRow r : store.members(id)) {
            if (!r.open() || !r.expiresAt().isAfter(now)) {
                continue;
            }
            if (store.remind(r.id(), now.minus(properties.reminderInterval()), now)) {
                reminded.add(r.id());
                events.publishEvent(new RequestReminderDue(
                        r.id(),
                        id,
                        r.requester(),
                        r.parties().requesterMaskedName(),
                        r.payerCustomer(),
                        r.payer(),
                        r.amountMinor(),
                        r.currency(),
                        views.payUrl(r),
                        r.channel()));
            } else {
                tooSoon.add(r.id());
                Instant last = r.remindedAt() != null ? r.remindedAt() : r.createdAt();
                Instant next = last.plus(properties.reminderInterval());
                nextAt = nextAt == null || next.isBefore(nextAt) ? next : nextAt;
            }
        }
        return new Reminders(id, reminded, tooSoon, nextAt);
    }
}
