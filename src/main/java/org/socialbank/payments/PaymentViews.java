package org.socialbank.payments;

import java.util.List;
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
        JdbcPayments.Decision decision = store.decision(r.id()).orElse(new JdbcPayments.Decision(null, null, List.of()));
        return new Payment(r.id(), r.payer(), r.payee(), r.payeeCustomer(), r.payeeMaskedName(), r.amountMinor(),
                r.currency(), r.channel(), r.status(), r.code(), r.limitMinor(), r.usedMinor(), r.resetsAt(),
                r.status() == PaymentStatus.AWAITING_CONFIRMATION
                        ? links.open(r.id(), r.confirmationLinkSealed()).orElse(null) : null,
                r.status() == PaymentStatus.AWAITING_CLAIM ? claimUrl(r.id()) : null,
                r.status() == PaymentStatus.AWAITING_CLAIM ? r.claimExpiresAt() : null, decision.decision(), decision.reason(), decision.checks(), r.createdAt(),
                r.updatedAt());
    }

    String claimUrl(PaymentId id) {
        return urls.url("/claim/" + secrets.token(id));
    }
}
