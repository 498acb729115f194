package org.socialbank.sweeping;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.Confirmations;
import org.socialbank.directory.ConfirmedOperations;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.directory.OperationConfirmed;
import org.socialbank.directory.OperationOutcome;
import org.socialbank.directory.OperationRef;
import org.socialbank.shared.Language;
import org.socialbank.shared.Uuids;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A collection the customer asked in chat from one linked account, for an amount or for all the
 * consent allows (issue 16 s6). Up to the step-up threshold it is recorded with the message; above
 * it (or, for "all", when the consent allows more than the threshold in one payment) it is recorded
 * only once confirmed on the bank's page, where the amount (or the most it may be) and the account
 * are bound to the SMS code. The worker ({@link ChatCollections}) then pulls and the chat is told.
 */
@Component
public class CollectInChat implements ConfirmedOperations {

    /** The owner of the operations this class starts on the step-up page; their id is {@code request:consent:amount}. */
    static final String OWNER = "sweeping-collect";

    /** What asking did: recorded now, waiting for the page at {@code url}, or why not. */
    public sealed interface Offer {}

    public record Asked(Consent consent) implements Offer {}

    /** @param amountMinor the amount asked, or for "all" the most one payment may be */
    public record ToConfirm(String url, Consent consent, long amountMinor, boolean all) implements Offer {}

    /** {@code consent_not_found}, {@code consent_revoked}, {@code invalid_amount}, {@code over_payment_limit}, {@code confirmation_unavailable}. */
    public record NotOffered(String code) implements Offer {}

    private final JdbcSweepConsents consents;
    private final JdbcChatCollections requests;
    private final Confirmations confirmations;
    private final StepUpProperties stepUp;
    private final Directory directory;
    private final MessageSource messages;
    private final java.time.Clock clock;

    CollectInChat(
            JdbcSweepConsents consents,
            JdbcChatCollections requests,
            Confirmations confirmations,
            StepUpProperties stepUp,
            Directory directory,
            MessageSource messages,
            java.time.Clock clock) {
        this.consents = consents;
        this.requests = requests;
        this.confirmations = confirmations;
        this.stepUp = stepUp;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Asks for a collection from the customer's consent, in the caller's transaction.
     *
     * @param id derived from the chat message (a redelivery records nothing more)
     * @param amountMinor the amount in the consent's currency, or null for all the consent allows
     */
    public Offer ask(UUID id, CustomerId customer, ConsentId consentId, Long amountMinor) {
        Optional<Consent> found =
                consents.find(consentId).filter(c -> c.customerId().equals(customer));
        if (found.isEmpty()) {
            return new NotOffered("consent_not_found");
        }
        Consent consent = found.get();
        if (consent.revoked()) {
            return new NotOffered("consent_revoked");
        }
        if (amountMinor != null && amountMinor <= 0) {
            return new NotOffered("invalid_amount");
        }
        if (amountMinor != null && amountMinor > consent.maxPaymentMinor()) {
            return new NotOffered("over_payment_limit");
        }
        long most = amountMinor != null ? amountMinor : consent.maxPaymentMinor();
        if (!stepUp.needsPage(most, consent.currency())) {
            record(id, customer, consent.id(), amountMinor);
            return new Asked(consent);
        }
        OperationRef reference = new OperationRef(
                OWNER, id + ":" + consent.id().value() + ":" + (amountMinor == null ? "all" : amountMinor));
        return confirmations
                .start(new Confirmations.Request(
                        customer,
                        reference,
                        most,
                        consent.currency(),
                        label(customer, consent, amountMinor == null),
                        0))
                .<Offer>map(started -> new ToConfirm(started.url(), consent, most, amountMinor == null))
                .orElse(new NotOffered("confirmation_unavailable"));
    }

    private void record(UUID id, CustomerId customer, ConsentId consent, Long amountMinor) {
        if (!requests.exists(id)) {
            requests.insert(id, customer, consent, amountMinor, org.socialbank.shared.Microseconds.now(clock));
        }
    }

    private String label(CustomerId customer, Consent consent, boolean all) {
        Language language =
                directory.customer(customer).map(v -> v.customer().language()).orElse(Language.EN);
        return messages.getMessage(
                all ? "sweeping.collect.label_all" : "sweeping.collect.label",
                new Object[] {consent.bank(), consent.accountRef()},
                language.locale());
    }

    @Override
    public Optional<OperationOutcome> outcome(OperationRef operation) {
        return parse(operation)
                .map(r -> requests.exists(r.id())
                        ? new OperationOutcome.Carried()
                        : new OperationOutcome.Refused("consent_revoked", null));
    }

    /** Records exactly what was confirmed: the customer's own consent, not revoked, the amount shown. */
    @EventListener
    void on(OperationConfirmed event) {
        parse(event.operation())
                .ifPresent(r -> consents.find(r.consent())
                        .filter(c -> c.customerId().equals(event.customerId())
                                && !c.revoked()
                                && c.currency().equals(event.currency())
                                && event.feeMinor() == 0
                                && event.amountMinor()
                                        == (r.amountMinor() == null ? c.maxPaymentMinor() : r.amountMinor()))
                        .ifPresent(c -> record(r.id(), c.customerId(), c.id(), r.amountMinor())));
    }

    private record Reference(UUID id, ConsentId consent, Long amountMinor) {}

    private static Optional<Reference> parse(OperationRef operation) {
        if (!operation.ownedBy(OWNER)) {
            return Optional.empty();
        }
        String[] parts = operation.id().split(":");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Long amountMinor = "all".equals(parts[2]) ? null : Long.valueOf(parts[2]);
            return Uuids.parse(parts[0])
                    .flatMap(id -> Uuids.parse(parts[1])
                            .map(consent -> new Reference(id, new ConsentId(consent), amountMinor)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The customer's consents a chat may collect from (not revoked), oldest first. */
    public List<Consent> collectable(CustomerId customer) {
        return consents.ofCustomer(customer).stream().filter(c -> !c.revoked()).toList();
    }
}
