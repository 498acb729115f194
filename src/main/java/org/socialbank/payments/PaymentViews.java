package org.socialbank.payments;

import org.socialbank.directory.DirectoryProperties;
import org.socialbank.payments.jdbc.JdbcPayments;
import org.socialbank.payments.jdbc.PaymentRow;
import org.springframework.stereotype.Component;

/** Turns stored payments into what their payer sees, with the links that apply in their state. */
@Component
class PaymentViews {

    private final JdbcPayments store;
    private final ClaimSecrets secrets;
    private final ConfirmationLinks links;
    private final DirectoryProperties urls;

    PaymentViews(JdbcPayments store, ClaimSecrets secrets, ConfirmationLinks links, DirectoryProperties urls) {
        this.store = store;
        this.secrets = secrets;
        this.links = links;
        this.urls = urls;
    }

    Payment of(PaymentRow r) {
        return of(r, store.decision(r.id()).orElse(JdbcPayments.Decision.NONE));
    }

    /** {@link #of(PaymentRow)} with its decision as just stored in this transaction (not read again). */
    Payment of(PaymentRow r, JdbcPayments.Decision decision) {
        PaymentRow.Verdict v = r.verdict();
        return new Payment(
                r.id(),
                r.payer(),
                new Payment.Payee(r.payee(), r.payeeCustomer(), r.parties().payeeMaskedName()),
                r.amountMinor(),
                r.currency(),
                r.channel(),
                r.status(),
                v.code(),
                new Payment.Limit(v.limitMinor(), v.usedMinor(), v.resetsAt()),
                links(r),
                new Payment.Audit(decision.decision(), decision.reason(), decision.checks()),
                r.createdAt(),
                r.updatedAt());
    }

    /** The step-up page while it waits for its confirmation; the claim page and its expiry while it waits for a claim. */
    private Payment.Links links(PaymentRow r) {
        return switch (r.status()) {
            case AWAITING_CONFIRMATION ->
                new Payment.Links(
                        links.open(r.id(), r.confirmation().linkSealed()).orElse(null), null, null);
            case AWAITING_CLAIM ->
                new Payment.Links(null, claimUrl(r.id()), r.claim().expiresAt());
            default -> new Payment.Links(null, null, null);
        };
    }

    String claimUrl(PaymentId id) {
        return urls.url("/claim/" + secrets.token(id));
    }
}
