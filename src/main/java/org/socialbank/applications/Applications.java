package org.socialbank.applications;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Digests;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Applications for a credit card or a loan, the customer's side. The chat starts one and gets a
 * one-time link to the form on the bank's page (the income, amount and purpose are never asked in
 * chat); the customer signs the answers with an SMS code ({@link SignOnPage}), which submits it;
 * the underwriting decides or refers it to staff ({@link Decisions}), who may ask for more
 * information. An approval not paid out or not issued is taken up by {@link Fulfilments}.
 */
@Service
public class Applications {

    /** The most applications a customer's list shows. */
    public static final int LIST_MAX = 20;

    public static final int PURPOSE_LENGTH_MAX = 200;

    private final JdbcApplications store;
    private final Directory directory;
    private final FormLinks links;
    private final Loans loans;
    private final Decisions decisions;
    private final JdbcStaffActions actions;
    private final DurableTransactions writes;
    private final ApplicationEventPublisher events;
    private final ApplicationsProperties properties;
    private final Clock clock;

    Applications(
            JdbcApplications store,
            Directory directory,
            FormLinks links,
            Loans loans,
            Decisions decisions,
            JdbcStaffActions actions,
            DurableTransactions writes,
            ApplicationEventPublisher events,
            ApplicationsProperties properties,
            Clock clock) {
        this.store = store;
        this.directory = directory;
        this.links = links;
        this.loans = loans;
        this.decisions = decisions;
        this.actions = actions;
        this.writes = writes;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** An application whose form waits at {@code url}, or why not. */
    public sealed interface Start {}

    public record Started(Application application, String url) implements Start {}

    public record NotStarted(ApplicationRefusal code) implements Start {}

    /**
     * Starts an application (or, when one of the product still waits for its form, sends a new link
     * to that one). The id comes from the chat message, so a redelivery starts nothing more.
     */
    public Start start(ApplicationId id, CustomerId customer, Product product, String channel) {
        return writes.write(status -> {
            Optional<CustomerView> view = directory.customer(customer);
            if (view.isEmpty()) {
                return new NotStarted(ApplicationRefusal.CUSTOMER_NOT_FOUND);
            }
            Optional<CurrencyCode> currency = view.get().accounts().stream()
                    .filter(CustomerView.HeldAccount::primary)
                    .findFirst()
                    .flatMap(a -> CurrencyCode.find(a.currency()));
            if (currency.isEmpty()) {
                return new NotStarted(ApplicationRefusal.NO_ACCOUNT);
            }
            Instant now = Microseconds.now(clock);
            String token = FormLinks.token();
            String lang = view.get().customer().language().locale().getLanguage();
            Instant expires = now.plus(properties.formTtl());
            Optional<Application> waiting = store.lock(id)
                    .filter(a -> a.customerId().equals(customer))
                    .or(() -> store.started(customer, product));
            if (waiting.isPresent()) {
                if (!waiting.get().status().awaitsForm()) {
                    return new Started(waiting.get(), null);
                }
                store.newToken(waiting.get().id(), FormLinks.hash(token), expires);
                return new Started(waiting.get(), links.url(token, lang));
            }
            Application a = new Application(
                    id,
                    customer,
                    product,
                    ApplicationStatus.STARTED,
                    currency.get(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    channel,
                    now,
                    now);
            store.insert(a, FormLinks.hash(token), expires);
            events.publishEvent(new ApplicationStarted(id, customer, product, now)); // a campaign's conversion
            return new Started(a, links.url(token, lang));
        });
    }

    /**
     * The application the form's link opens, while it waits for its form (or for more information:
     * then the bank's question is its reason); empty for a spent or expired link.
     */
    public Optional<Form> form(String token) {
        return store.byToken(FormLinks.hash(token), clock.instant())
                .filter(a -> a.status().awaitsForm())
                .map(a -> new Form(
                        a,
                        directory
                                .customer(a.customerId())
                                .map(v -> v.customer().displayName())
                                .orElse("")));
    }

    /** An application waiting for its form and the name of the customer it is prefilled with. */
    public record Form(Application application, String customerName) {}

    /** What the customer wrote on the form. */
    public record Answers(Long amountMinor, Integer termMonths, Long incomeMinor, String purpose) {}

    /**
     * The form's outcome: kept to be signed, or which field is wrong ({@code amount}, {@code term},
     * {@code income}, {@code purpose}), or the link is spent, or no code can be sent to sign it.
     */
    public sealed interface Submission {}

    public record Invalid(String field) implements Submission {}

    public record LinkSpent() implements Submission {}

    /** The form's answers are valid and kept, not signed yet: the customer signs them with a code. */
    public record ToSign(Application application) implements Submission {}

    /** The customer has no phone to send the signing code to (or their codes are locked out for now). */
    public record SigningUnavailable() implements Submission {}

    /**
     * Checks the form and keeps its answers with the application, which still waits for its form:
     * nothing is submitted before the customer signs exactly these answers ({@link SignOnPage}).
     */
    Submission keep(String token, Answers answers) {
        return writes.write(status -> {
            Optional<Application> found = store.lockByToken(FormLinks.hash(token), clock.instant())
                    .filter(a -> a.status().awaitsForm());
            if (found.isEmpty()) {
                return new LinkSpent();
            }
            Application a = found.get();
            Optional<String> wrong = invalid(a.product(), answers);
            if (wrong.isPresent()) {
                return new Invalid(wrong.get());
            }
            Application kept = new Application(
                    a.id(),
                    a.customerId(),
                    a.product(),
                    a.status(),
                    a.currency(),
                    answers.amountMinor(),
                    a.product() == Product.LOAN ? answers.termMonths() : null,
                    answers.incomeMinor(),
                    blankToNull(answers.purpose()),
                    a.reason(),
                    a.channel(),
                    a.createdAt(),
                    a.updatedAt());
            store.keepAnswers(kept);
            return new ToSign(kept);
        });
    }

    /**
     * Submits the answers the customer signed, in the caller's transaction (the confirmation's):
     * only while the application waits for its form and only when its answers are still the very
     * ones signed ({@code digest}); the link is spent with it, so a second confirmation changes nothing.
     * The submission is audited as hers ({@link StaffAction.ActorKind#CUSTOMER}) in this transaction.
     */
    Optional<Application> submitSigned(ApplicationId id, String digest) {
        return writes.write(status -> store.lock(id)
                .filter(a -> a.status().awaitsForm())
                .filter(a -> digest(a).equals(digest))
                .map(a -> {
                    Application submitted = a.with(ApplicationStatus.SUBMITTED, null, Microseconds.now(clock));
                    store.submit(submitted);
                    actions.record(new StaffAction(
                            submitted.updatedAt(),
                            StaffAction.ActorKind.CUSTOMER,
                            "customer:" + a.customerId().value(),
                            StaffAction.SUBMISSION,
                            a.id(),
                            null,
                            ApplicationStatus.SUBMITTED.wireName(),
                            null));
                    return decisions.submitted(submitted);
                }));
    }

    /** What the customer signs: a digest of the answers kept with the application. */
    static String digest(Application a) {
        String answers = a.product().wireName() + "|" + a.currency().code() + "|" + a.amountMinor() + "|"
                + a.termMonths() + "|" + a.incomeMinor() + "|" + a.purpose();
        return HexFormat.of()
                .formatHex(Digests.sha256(answers.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 32);
    }

    private Optional<String> invalid(Product product, Answers answers) {
        if (answers.amountMinor() == null
                || answers.amountMinor() <= 0
                || answers.amountMinor() > properties.amountMaxMinor()) {
            return Optional.of("amount");
        }
        if (product == Product.LOAN
                && (answers.termMonths() == null
                        || answers.termMonths() < 1
                        || answers.termMonths() > properties.termMonthsMax())) {
            return Optional.of("term");
        }
        if (answers.incomeMinor() == null || answers.incomeMinor() < 0) {
            return Optional.of("income");
        }
        String purpose = answers.purpose();
        if (purpose != null
                && (purpose.length() > PURPOSE_LENGTH_MAX || purpose.chars().anyMatch(Character::isISOControl))) {
            return Optional.of("purpose");
        }
        return Optional.empty();
    }

    /** The underwriting's verdict on the application, once its form was submitted. */
    public Optional<Underwriting.Verdict> assessment(ApplicationId id) {
        return store.assessment(id);
    }

    public Optional<Application> application(ApplicationId id) {
        return store.find(id);
    }

    /** The customer's newest loan, what it still owes and its schedule ("my loan" in chat). */
    public Optional<Loans.Statement> latestLoan(CustomerId customer) {
        return loans.latest(customer);
    }

    /** The customer's applications, newest first (at most {@link #LIST_MAX}). */
    public List<Application> ofCustomer(CustomerId customer) {
        return store.ofCustomer(customer, LIST_MAX);
    }

    /** Applications in a status, oldest change first, for staff's queue. */
    public List<Application> withStatus(ApplicationStatus status, int limit) {
        return store.withStatus(status, Math.max(1, Math.min(limit, 100)));
    }

    /**
     * The audit of an application, newest first, at most {@code limit} (1..100): every change of its
     * status (staff's, the system's, hers) and staff's retries.
     */
    public List<StaffAction> staffActions(ApplicationId id, int limit) {
        return actions.ofApplication(id, limit);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
