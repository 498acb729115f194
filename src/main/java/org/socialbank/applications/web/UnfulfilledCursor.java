package org.socialbank.applications.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.applications.ApplicationId;
import org.socialbank.applications.Fulfilments;
import org.socialbank.applications.LoanId;
import org.socialbank.applications.Loans;
import org.socialbank.shared.Uuids;
import org.socialbank.shared.jdbc.Timestamps;

/**
 * Where a page of staff's list of what was not fulfilled ends, in both of its lists: the approvals
 * after {@code approvals} and the instalments after {@code held} (null: from the start; done: that
 * list has no more). Written as an opaque base64url string of
 * {@code a:<updatedAt>,<id>|h:<dueOn>,<loanId>,<number>}, a list with no more being {@code -}.
 */
record UnfulfilledCursor(
        Fulfilments.UnfulfilledAfter approvals, boolean approvalsDone, Loans.HeldAfter held, boolean heldDone) {

    static final UnfulfilledCursor FIRST = new UnfulfilledCursor(null, false, null, false);

    /** The cursor after this page; empty when both lists ended on it. */
    static Optional<UnfulfilledCursor> next(
            List<Fulfilments.Unfulfilled> approvals, List<Loans.HeldInstalment> held, int size) {
        boolean approvalsDone = approvals.size() < size;
        boolean heldDone = held.size() < size;
        if (approvalsDone && heldDone) {
            return Optional.empty();
        }
        Fulfilments.UnfulfilledAfter a = approvalsDone
                ? null
                : new Fulfilments.UnfulfilledAfter(
                        approvals.get(approvals.size() - 1).application().updatedAt(),
                        approvals.get(approvals.size() - 1).application().id());
        Loans.HeldAfter h = heldDone
                ? null
                : new Loans.HeldAfter(
                        held.get(held.size() - 1).instalment().dueOn(),
                        held.get(held.size() - 1).loan().id(),
                        held.get(held.size() - 1).instalment().number());
        return Optional.of(new UnfulfilledCursor(a, approvalsDone, h, heldDone));
    }

    String write() {
        String a = approvalsDone
                ? "-"
                : approvals.updatedAt() + "," + approvals.id().value();
        String h = heldDone ? "-" : held.dueOn() + "," + held.loanId().value() + "," + held.number();
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("a:" + a + "|h:" + h).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a previous page gave; empty when it is not one this server wrote. */
    static Optional<UnfulfilledCursor> read(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 2 || !parts[0].startsWith("a:") || !parts[1].startsWith("h:")) {
                return Optional.empty();
            }
            String a = parts[0].substring(2);
            String h = parts[1].substring(2);
            Fulfilments.UnfulfilledAfter approvals = null;
            if (!a.equals("-")) {
                String[] at = a.split(",", -1);
                Optional<UUID> id = at.length == 2 ? Uuids.parse(at[1]) : Optional.empty();
                if (id.isEmpty()) {
                    return Optional.empty();
                }
                Instant told = Instant.parse(at[0]);
                if (!Timestamps.storable(told)) { // a billion years away: the query would fail as the bank's
                    return Optional.empty();
                }
                approvals = new Fulfilments.UnfulfilledAfter(told, new ApplicationId(id.get()));
            }
            Loans.HeldAfter held = null;
            if (!h.equals("-")) {
                String[] at = h.split(",", -1);
                Optional<UUID> id = at.length == 3 ? Uuids.parse(at[1]) : Optional.empty();
                if (id.isEmpty()) {
                    return Optional.empty();
                }
                held = new Loans.HeldAfter(LocalDate.parse(at[0]), new LoanId(id.get()), Integer.parseInt(at[2]));
            }
            return Optional.of(new UnfulfilledCursor(approvals, approvals == null, held, held == null));
        } catch (RuntimeException notOurs) { // bad base64, a date or a number
            return Optional.empty();
        }
    }
}
