package org.socialbank.payments.requests;

import org.socialbank.directory.DirectoryProperties;
import org.socialbank.payments.PaymentId;
import org.socialbank.payments.requests.jdbc.RequestRow;
import org.springframework.stereotype.Component;

/** Turns stored requests into what their requester sees, with the pay link while it applies. */
@Component
class RequestViews {

    private final RequestSecrets secrets;
    private final DirectoryProperties urls;

    RequestViews(RequestSecrets secrets, DirectoryProperties urls) {
        this.secrets = secrets;
        this.urls = urls;
    }

    MoneyRequest of(RequestRow r) {
        return new MoneyRequest(
                r.id(),
                r.splitId(),
                r.requester(),
                r.parties().requesterMaskedName(),
                r.payer(),
                r.payerCustomer(),
                r.amountMinor(),
                r.currency(),
                r.note(),
                r.channel(),
                r.status(),
                r.open() ? payUrl(r) : null,
                r.payLink().reference(),
                r.paying().paymentId() == null ? null : new PaymentId(r.paying().paymentId()),
                r.expiresAt(),
                r.remindedAt(),
                r.createdAt(),
                r.updatedAt());
    }

    /** The pay link of a request to someone who is not a customer; null for a customer's. */
    String payUrl(RequestRow r) {
        return r.payLink().tokenHash() == null ? null : urls.url("/pay-request/" + secrets.token(r.id()));
    }
}
