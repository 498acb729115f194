package org.socialbank.applications;

import java.util.Optional;
import org.socialbank.directory.Confirmations;
import org.socialbank.directory.ConfirmedOperations;
import org.socialbank.directory.Directory;
import org.socialbank.directory.OperationConfirmed;
import org.socialbank.directory.OperationOutcome;
import org.socialbank.directory.OperationRef;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;
import org.socialbank.shared.Uuids;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The form is signed with an SMS code: its valid answers are kept with the application and the
 * bank's step-up page ({@link Confirmations}) asks for the code, bound to a label that names the
 * product, amount and term ("Sign the loan application: €6,000.00 over 12 months") and to a digest
 * of every answer. Only the confirmation submits the application, and only with the very answers
 * signed (the form changed since: nothing is submitted); a second confirmation changes nothing.
 */
@Component
public class SignOnPage implements ConfirmedOperations {

    static final String OWNER = "applications-sign";

    private final Applications applications;
    private final Confirmations confirmations;
    private final Directory directory;
    private final MessageSource messages;

    SignOnPage(Applications applications, Confirmations confirmations, Directory directory, MessageSource messages) {
        this.applications = applications;
        this.confirmations = confirmations;
        this.directory = directory;
        this.messages = messages;
    }

    /** The form's answers, checked and kept; then the signing page, or why not. */
    public record Signing(Applications.Submission submission, String url) {}

    /** Checks the form, keeps its answers and starts the signature (the code goes to the customer's phone). */
    public Signing start(String token, Applications.Answers answers) {
        Applications.Submission kept = applications.keep(token, answers);
        if (!(kept instanceof Applications.ToSign toSign)) {
            return new Signing(kept, null);
        }
        Application a = toSign.application();
        OperationRef operation = new OperationRef(OWNER, a.id().value() + ":" + Applications.digest(a));
        return confirmations
                .start(Confirmations.Request.operation(a.customerId(), operation.reference(), label(a), a.currency()))
                .map(started -> new Signing(kept, started.url()))
                .orElseGet(() -> new Signing(new Applications.SigningUnavailable(), null));
    }

    private String label(Application a) {
        Language language = directory
                .customer(a.customerId())
                .map(v -> v.customer().language())
                .orElse(Language.EN);
        String amount = MoneyFormat.format(a.amountMinor(), a.currency(), language.locale());
        return messages.getMessage(
                "applications.sign.label." + a.product().wireName(),
                new Object[] {amount, a.termMonths() == null ? 0 : a.termMonths()},
                language.locale());
    }

    @Override
    public Optional<OperationOutcome> outcome(OperationRef operation) {
        return parse(operation)
                .map(r -> applications
                        .application(r.id())
                        .filter(a -> !a.status().awaitsForm()
                                && Applications.digest(a).equals(r.digest()))
                        .<OperationOutcome>map(a -> new OperationOutcome.Carried())
                        .orElse(new OperationOutcome.Refused("form_changed", null)));
    }

    /** Submits exactly what was signed, in the confirmation's transaction. */
    @EventListener
    void on(OperationConfirmed event) {
        parse(event.operation())
                .filter(r -> event.amountMinor() == 0 && event.feeMinor() == 0)
                .filter(r -> applications
                        .application(r.id())
                        .filter(a -> a.customerId().equals(event.customerId()))
                        .isPresent())
                .ifPresent(r -> applications.submitSigned(r.id(), r.digest()));
    }

    private record Reference(ApplicationId id, String digest) {}

    private static Optional<Reference> parse(OperationRef operation) {
        if (!operation.ownedBy(OWNER)) {
            return Optional.empty();
        }
        String[] parts = operation.id().split(":");
        return parts.length == 2
                ? Uuids.parse(parts[0]).map(id -> new Reference(new ApplicationId(id), parts[1]))
                : Optional.empty();
    }
}
