package org.socialbank.applications;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.cards.CardId;
import org.socialbank.cards.CardResult;
import org.socialbank.cards.Cards;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.directory.DirectoryProperties;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.DemoMode;
import org.socialbank.shared.Digests;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Applications for a credit card or a loan. The chat starts one and gets a one-time link to the
 * form on the bank's page (the income, amount and purpose are never asked in chat); the customer
 * signs the answers with an SMS code ({@link SignOnPage}), which submits it; the underwriting
 * decides or refers it to staff, who may ask for more information. Every change of status
 * publishes {@link ApplicationStatusChanged} in its transaction, so the chat is told once. An
 * approved card application issues the card, an approved loan is paid out ({@link Loans}).
 */
@Service
public class Applications {

    private static final Logger log = LoggerFactory.getLogger(Applications.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The most applications a customer's list shows. */
    public static final int LIST_MAX = 20;

    public static final int PURPOSE_LENGTH_MAX = 200;
    public static final int REASON_LENGTH_MAX = 500;

    private final JdbcApplications store;
    private final Directory directory;
    private final DirectoryProperties pages;
    private final Cards cards;
    private final Loans loans;
    private final Underwriting underwriting;
    private final DurableTransactions writes;
    private final ApplicationEventPublisher events;
    private final ApplicationsProperties properties;
    private final Clock clock;
    /** {@code auto-decide} as set, else on unless the sandbox underwrites outside demo mode. */
    private final boolean autoDecide;

    Applications(
            JdbcApplications store,
            Directory directory,
            DirectoryProperties pages,
            Cards cards,
            Loans loans,
            Underwriting underwriting,
            DurableTransactions writes,
            ApplicationEventPublisher events,
            ApplicationsProperties properties,
            DemoMode demo,
            Clock clock) {
        this.autoDecide = autoDecide(properties, underwriting, demo);
        this.store = store;
        this.directory = directory;
        this.pages = pages;
        this.cards = cards;
        this.loans = loans;
        this.underwriting = underwriting;
        this.writes = writes;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Whether the underwriting's approvals and declines are applied at once: as configured, else
     * not when a stand-in (the sandbox) underwrites outside demo mode, so that no loan is paid out
     * on its rules alone; staff then decide each application.
     */
    static boolean autoDecide(ApplicationsProperties properties, Underwriting underwriting, DemoMode demo) {
        if (properties.autoDecide() != null) {
            return properties.autoDecide();
        }
        return demo.enabled() || !underwriting.standIn();
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
            String token = token();
            String lang = view.get().customer().language().locale().getLanguage();
            Instant expires = now.plus(properties.formTtl());
            Optional<Application> waiting = store.lock(id)
                    .filter(a -> a.customerId().equals(customer))
                    .or(() -> store.started(customer, product));
            if (waiting.isPresent()) {
                if (!waiting.get().status().awaitsForm()) {
                    return new Started(waiting.get(), null);
                }
                store.newToken(waiting.get().id(), hash(token), expires);
                return new Started(waiting.get(), url(token, lang));
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
            store.insert(a, hash(token), expires);
            events.publishEvent(new ApplicationStarted(id, customer, product, now)); // a campaign's conversion
            return new Started(a, url(token, lang));
        });
    }

    /**
     * The application the form's link opens, while it waits for its form (or for more information:
     * then the bank's question is its reason); empty for a spent or expired link.
     */
    public Optional<Form> form(String token) {
        return store.byToken(hash(token), clock.instant())
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
            Optional<Application> found = store.lockByToken(hash(token), clock.instant())
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
     */
    Optional<Application> submitSigned(ApplicationId id, String digest) {
        return writes.write(status -> store.lock(id)
                .filter(a -> a.status().awaitsForm())
                .filter(a -> digest(a).equals(digest))
                .map(a -> {
                    Application submitted = a.with(ApplicationStatus.SUBMITTED, null, Microseconds.now(clock));
                    store.submit(submitted);
                    publish(submitted, List.of(), null);
                    return underwrite(submitted);
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

    /**
     * Staff's decision: {@code in_review}, {@code approved} or {@code declined}. Deciding again as
     * decided changes nothing (and tells nobody again); another decision after a final one is
     * {@code already_decided}; a form not yet submitted cannot be decided.
     */
    public ApplicationResult decide(ApplicationId id, ApplicationStatus target, String reason) {
        if (target == ApplicationStatus.STARTED || target == ApplicationStatus.SUBMITTED) {
            return new ApplicationResult.Refused(ApplicationRefusal.STATUS_NOT_VALID);
        }
        if (reason != null
                && (reason.length() > REASON_LENGTH_MAX || reason.chars().anyMatch(Character::isISOControl))) {
            return new ApplicationResult.Refused(ApplicationRefusal.REASON_TOO_LONG);
        }
        if (target == ApplicationStatus.MORE_INFO && blankToNull(reason) == null) {
            return new ApplicationResult.Refused(ApplicationRefusal.REASON_REQUIRED);
        }
        return writes.write(status -> {
            Optional<Application> found = store.lock(id);
            if (found.isEmpty()) {
                return new ApplicationResult.Refused(ApplicationRefusal.APPLICATION_NOT_FOUND);
            }
            Application a = found.get();
            if (a.status() == target) {
                return new ApplicationResult.Done(a, false);
            }
            if (a.status().decided()) {
                return new ApplicationResult.Refused(ApplicationRefusal.ALREADY_DECIDED);
            }
            if (!a.status().mayBecome(target)) {
                return new ApplicationResult.Refused(ApplicationRefusal.TRANSITION_NOT_ALLOWED);
            }
            return new ApplicationResult.Done(change(a, target, blankToNull(reason), List.of()), true);
        });
    }

    /**
     * The underwriting's verdict on a form just submitted, recorded with the application; with
     * {@code auto-decide} an approval or a decline is applied at once and a referral goes to review.
     */
    private Application underwrite(Application a) {
        long instalment = a.product() == Product.LOAN ? loans.instalmentMinor(a.amountMinor(), a.termMonths()) : 0;
        Underwriting.Verdict verdict = underwriting.assess(new Underwriting.Applicant(
                a.product(), a.currency(), a.amountMinor(), a.termMonths(), a.incomeMinor(), a.purpose(), instalment));
        store.assess(a.id(), verdict.decision().wireName(), String.join(",", verdict.reasons()));
        if (!autoDecide) {
            return a;
        }
        ApplicationStatus target = switch (verdict.decision()) {
            case APPROVE -> ApplicationStatus.APPROVED;
            case DECLINE -> ApplicationStatus.DECLINED;
            case REFER -> ApplicationStatus.IN_REVIEW;
        };
        return change(
                a, target, verdict.reasons().isEmpty() ? null : String.join(",", verdict.reasons()), verdict.reasons());
    }

    /** The underwriting's verdict on the application, once its form was submitted. */
    public Optional<Underwriting.Verdict> assessment(ApplicationId id) {
        return store.assessment(id);
    }

    /**
     * One change of status, in the caller's transaction: the product follows an approval, a question
     * opens the form again under a new link, the chat is told.
     */
    private Application change(Application a, ApplicationStatus target, String reason, List<String> reasons) {
        Instant now = Microseconds.now(clock);
        Application changed = a.with(target, reason, now);
        store.setStatus(changed);
        Fulfilment card = target == ApplicationStatus.APPROVED && a.product() == Product.CREDIT_CARD
                ? issueCard(changed)
                : new Fulfilment.Fulfilled();
        String formUrl = null;
        if (target == ApplicationStatus.MORE_INFO) {
            String token = token();
            store.newToken(a.id(), hash(token), now.plus(properties.formTtl()));
            formUrl = url(
                    token,
                    directory
                            .customer(a.customerId())
                            .map(v -> v.customer().language().locale().getLanguage())
                            .orElse("en"));
        }
        publish(changed, reasons, formUrl);
        if (target == ApplicationStatus.APPROVED) { // told after the approval
            fulfilled(changed, a.product() == Product.LOAN ? loans.disburse(changed) : card);
        }
        return changed;
    }

    /** Pays out or issues an approved application again, in the caller's transaction (the janitor's). */
    Fulfilment fulfil(Application a) {
        Fulfilment outcome = a.product() == Product.LOAN ? loans.disburse(a) : issueCard(a);
        fulfilled(a, outcome);
        return outcome;
    }

    /**
     * Records what followed an approval: cleared when it was paid out or issued; else the state and
     * its reason, a retry in an interval when the cause can pass (else staff decide), and her chat
     * is told why and what happens next (once per reason: a retry that fails alike says nothing).
     */
    private void fulfilled(Application a, Fulfilment outcome) {
        if (outcome instanceof Fulfilment.Unfulfilled no) {
            Instant retryAt = no.retried() ? clock.instant().plus(properties.instalmentInterval()) : null;
            String state = a.product() == Product.LOAN ? "not_paid_out" : "not_issued";
            if (store.unfulfilled(a.id(), state, no.reason(), retryAt)) {
                events.publishEvent(
                        new ApplicationNotFulfilled(a.id(), a.customerId(), a.product(), no.reason(), retryAt != null));
            }
        } else {
            store.fulfilled(a.id());
        }
    }

    /** The approved card, its limit what was asked for; a refusal is the outcome (the approval stands). */
    private Fulfilment issueCard(Application a) {
        CardId card = new CardId(UUID.nameUUIDFromBytes(
                ("socialbank-applications:card:" + a.id().value()).getBytes(StandardCharsets.UTF_8)));
        CardResult result =
                cards.issueCredit(card, a.customerId(), a.currency(), a.amountMinor(), properties.cardStatementDay());
        if (result instanceof CardResult.Refused refused) {
            log.warn("application {} approved but its card was not issued: {}", a.id(), refused.code());
            return new Fulfilment.Unfulfilled(refused.code().code());
        }
        store.setCard(a.id(), card.value());
        return new Fulfilment.Fulfilled();
    }

    /** Approved applications not paid out or not issued (the janitor's retries and staff's), oldest first. */
    public List<Unfulfilled> unfulfilled(int limit) {
        return unfulfilled(limit, null);
    }

    /** A page of {@link #unfulfilled(int)} after {@code after} (null: the first page). */
    public List<Unfulfilled> unfulfilled(int limit, UnfulfilledAfter after) {
        return store.unfulfilled(Math.max(1, Math.min(limit, 100)), after);
    }

    /** Where a page of {@link #unfulfilled} ends: the next page starts after it. */
    public record UnfulfilledAfter(Instant updatedAt, ApplicationId id) {}

    /** Staff's retry: the application and what is still outstanding (empty: paid out or issued), or why not. */
    public sealed interface Retry {}

    public record Retried(Application application, Optional<Unfulfilled> outstanding) implements Retry {}

    public record NotRetried(ApplicationRefusal code) implements Retry {}

    /**
     * Staff try an approval not fulfilled again now (review 2026-12-07): after her account was
     * unfrozen, or she opened a primary account in the loan's currency, whatever its cause. The
     * janitor's path in one transaction under the application's row lock: the loan's and its
     * payout's ids are derived from the application's, so it pays once whoever tries and however
     * often. Already paid out or issued: nothing is done. Only an approved application.
     */
    public Retry retryFulfilment(ApplicationId id) {
        return writes.write(status -> {
            Optional<Application> found = store.lock(id);
            if (found.isEmpty()) {
                return new NotRetried(ApplicationRefusal.APPLICATION_NOT_FOUND);
            }
            Application a = found.get();
            if (a.status() != ApplicationStatus.APPROVED) {
                return new NotRetried(ApplicationRefusal.NOT_APPROVED);
            }
            if (store.unfulfilledOf(id).isPresent()) {
                Fulfilment outcome = fulfil(a);
                log.info("staff retried approval {}: {}", id, outcome);
            }
            return new Retried(a, store.unfulfilledOf(id));
        });
    }

    /**
     * An approved application not paid out ({@code not_paid_out}) or not issued ({@code
     * not_issued}), why ({@code reason}: a ledger, directory or cards code) and when it is tried
     * again (null: staff decide).
     */
    public record Unfulfilled(Application application, String state, String reason, Instant retryAt) {}

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

    private void publish(Application a, List<String> reasons, String formUrl) {
        events.publishEvent(new ApplicationStatusChanged(
                a.id(), a.customerId(), a.product(), a.status(), a.reason(), reasons, formUrl));
    }

    /** The form's link; it opens the page in the customer's language. */
    private String url(String token, String language) {
        return pages.url("/apply/" + token + "?lang=" + language);
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return HexFormat.of().formatHex(Digests.sha256(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
