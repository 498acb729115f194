package org.socialbank.payments.requests;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.socialbank.directory.AliasMatch;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.requests.jdbc.JdbcRequests;
import org.socialbank.payments.requests.jdbc.RequestRow;
import org.socialbank.payments.requests.jdbc.SplitRow;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.stereotype.Component;

/**
 * Splitting a bill, in one transaction: share the total out, check every member, then store the
 * split and one open request per member (ids derived from the split's, so a replay finds them).
 * A member refused (the organiser themself, an unknown $tag) refuses the whole split.
 */
@Component
class SplitBill {

    private final JdbcRequests store;
    private final AskForMoney ask;
    private final RequestViews views;
    private final DurableTransactions writes;
    private final Clock clock;

    SplitBill(JdbcRequests store, AskForMoney ask, RequestViews views, DurableTransactions writes, Clock clock) {
        this.store = store;
        this.ask = ask;
        this.views = views;
        this.writes = writes;
        this.clock = clock;
    }

    SplitResult split(SplitOrder order) {
        return writes.write(status -> {
            String fingerprint = Shares.fingerprint(order);
            Optional<SplitRow> existing = store.findSplit(order.id());
            if (existing.isPresent()) {
                return existing.get().fingerprint().equals(fingerprint)
                        ? new SplitResult.Made(view(existing.get()), true)
                        : new SplitResult.Refused(RequestRejection.ID_REUSED);
            }
            Checked<Shares.Allocation> shares = Shares.allocate(order);
            if (shares instanceof Checked.No<Shares.Allocation> no) {
                return new SplitResult.Refused(no.rejection());
            }
            Checked<AskForMoney.Requester> organiser = ask.requester(order.organiser(), order.currency());
            if (organiser instanceof Checked.No<AskForMoney.Requester> no) {
                return new SplitResult.Refused(no.rejection().ofSplit());
            }
            if (ask.tooMany(order.organiser(), order.shares().size())) {
                return new SplitResult.Refused(RequestRejection.TOO_MANY_REQUESTS);
            }
            Checked<List<AskForMoney.Asked>> members = members(order, organiser.value());
            if (members instanceof Checked.No<List<AskForMoney.Asked>> no) {
                return new SplitResult.Refused(no.rejection());
            }
            SplitRow split = new SplitRow(
                    order.id(),
                    order.organiser(),
                    order.totalMinor(),
                    order.currency(),
                    order.note(),
                    order.channel(),
                    order.includeOrganiser(),
                    shares.value().organiserMinor(),
                    fingerprint,
                    Microseconds.now(clock));
            store.insertSplit(split);
            for (int i = 0; i < members.value().size(); i++) {
                ask.open(
                        order.id().member(i),
                        order.id(),
                        i,
                        organiser.value(),
                        members.value().get(i),
                        shares.value().membersMinor().get(i),
                        order.currency(),
                        order.note(),
                        order.channel());
            }
            return new SplitResult.Made(view(split), false);
        });
    }

    private Checked<List<AskForMoney.Asked>> members(SplitOrder order, AskForMoney.Requester organiser) {
        List<AskForMoney.Asked> members = new ArrayList<>();
        Set<CustomerId> customers = new HashSet<>();
        for (Share share : order.shares()) {
            Checked<AskForMoney.Asked> asked = ask.asked(organiser, share.alias());
            if (asked instanceof Checked.No<AskForMoney.Asked> no) {
                return Checked.no(no.rejection().ofSplit());
            }
            Optional<CustomerId> customer = asked.value().match().map(AliasMatch::customerId);
            if (customer.isPresent() && !customers.add(customer.get())) {
                return Checked.no(RequestRejection.DUPLICATE_MEMBER); // two aliases of one customer
            }
            members.add(asked.value());
        }
        return Checked.ok(members);
    }

    Optional<Split> find(SplitId id) {
        return store.findSplit(id).map(this::view);
    }

    private Split view(SplitRow s) {
        List<RequestRow> rows = store.members(s.id());
        long paid = rows.stream()
                .filter(r -> r.status() == RequestStatus.PAID)
                .mapToLong(RequestRow::amountMinor)
                .sum();
        long open = rows.stream()
                .filter(RequestRow::open)
                .mapToLong(RequestRow::amountMinor)
                .sum();
        String state = open > 0
                ? "open"
                : rows.stream().allMatch(r -> r.status() == RequestStatus.PAID) ? "settled" : "closed";
        return new Split(
                s.id(),
                s.organiser(),
                s.totalMinor(),
                s.currency(),
                s.note(),
                s.channel(),
                s.includeOrganiser(),
                s.organiserShareMinor(),
                rows.stream().map(views::of).toList(),
                paid,
                open,
                state,
                s.createdAt());
    }
}
