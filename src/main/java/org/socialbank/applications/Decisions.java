package org.socialbank.applications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialbank.directory.Directory;
import org.socialbank.shared.DemoMode;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Deciding applications: the underwriting's verdict on a form just submitted and staff's decisions.
 * Every change of status is one update under the application's row lock, audited ({@link
 * StaffAction}) and published as {@link ApplicationStatusChanged} in its transaction, so the chat is
 * told once; an approval is fulfilled
 * at once ({@link FulfilApproval}), a question opens the form again under a new link.
 */
@Service
public class Decisions {

    public static final int REASON_LENGTH_MAX = 500;

    private final JdbcApplications store;
    private final Directory directory;
    private final FormLinks links;
    private final Loans loans;
    private final FulfilApproval fulfil;
    private final JdbcStaffActions actions;
    private final Underwriting underwriting;
    private final DurableTransactions writes;
    private final ApplicationEventPublisher events;
    private final ApplicationsProperties properties;
    private final Clock clock;
    /** {@code auto-decide} as set, else on unless the sandbox underwrites outside demo mode. */
    private final boolean autoDecide;

    Decisions(
            JdbcApplications store,
            Directory directory,
            FormLinks links,
            Loans loans,
            FulfilApproval fulfil,
            JdbcStaffActions actions,
            Underwriting underwriting,
            DurableTransactions writes,
            ApplicationEventPublisher events,
            ApplicationsProperties properties,
            DemoMode demo,
            Clock clock) {
        this.autoDecide = autoDecide(properties, underwriting, demo);
        this.store = store;
        this.directory = directory;
        this.links = links;
        this.loans = loans;
        this.fulfil = fulfil;
        this.actions = actions;
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

    /**
     * Staff's decision: {@code in_review}, {@code approved} or {@code declined}. Deciding again as
     * decided changes nothing (and tells nobody again); another decision after a final one is
     * {@code already_decided}; a form not yet submitted cannot be decided. Each decision that
     * changes the status is audited ({@link StaffAction#DECISION}: {@code actor}, the status reached
     * and the reason given) in its transaction, so a replay, which changes nothing, adds no row
     * (review 2026-12-07 applications follow-up).
     */
    public ApplicationResult decide(ApplicationId id, ApplicationStatus target, String reason, String actor) {
        if (target == ApplicationStatus.STARTED || target == ApplicationStatus.SUBMITTED) {
            return new ApplicationResult.Refused(ApplicationRefusal.STATUS_NOT_VALID);
        }
        if (reason != null
                && (reason.length() > REASON_LENGTH_MAX || reason.chars().anyMatch(Character::isISOControl))) {
            return new ApplicationResult.Refused(ApplicationRefusal.REASON_TOO_LONG);
        }
        if (target == ApplicationStatus.MORE_INFO && Applications.blankToNull(reason) == null) {
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
            String given = Applications.blankToNull(reason);
            actions.record(new StaffAction(
                    Microseconds.now(clock),
                    StaffAction.ActorKind.STAFF,
                    actor,
                    StaffAction.DECISION,
                    id,
                    null,
                    target.wireName(),
                    given));
            return new ApplicationResult.Done(change(a, target, given, List.of()), true);
        });
    }

    /**
     * A form just submitted, in the caller's transaction (the signature's): the chat hears it was
     * received, then the underwriting's verdict is recorded with the application; with {@code
     * auto-decide} an approval or a decline is applied at once and a referral goes to review, each
     * audited as the system's decision: the underwriting and its verdict, the status reached and
     * the reason codes (review 2026-12-07 apps follow-up).
     */
    Application submitted(Application a) {
        publish(a, List.of(), null);
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
        String reasons = verdict.reasons().isEmpty() ? null : String.join(",", verdict.reasons());
        actions.record(new StaffAction(
                Microseconds.now(clock),
                StaffAction.ActorKind.SYSTEM,
                rule(underwriting, verdict),
                StaffAction.DECISION,
                a.id(),
                null,
                target.wireName(),
                reasons));
        return change(a, target, reasons, verdict.reasons());
    }

    /** The audit's actor of an applied verdict: which underwriting and what it said ({@code underwriting:refer}). */
    static String rule(Underwriting underwriting, Underwriting.Verdict verdict) {
        return (underwriting.standIn() ? "sandbox-underwriting:" : "underwriting:")
                + verdict.decision().wireName();
    }

    /**
     * One change of status, in the caller's transaction: the product follows an approval, a question
     * opens the form again under a new link, the chat is told.
     */
    private Application change(Application a, ApplicationStatus target, String reason, List<String> reasons) {
        Instant now = Microseconds.now(clock);
        Application changed = a.with(target, reason, now);
        store.setStatus(changed);
        String formUrl = null;
        if (target == ApplicationStatus.MORE_INFO) {
            String token = FormLinks.token();
            store.newToken(a.id(), FormLinks.hash(token), now.plus(properties.formTtl()));
            formUrl = links.url(
                    token,
                    directory
                            .customer(a.customerId())
                            .map(v -> v.customer().language().locale().getLanguage())
                            .orElse("en"));
        }
        publish(changed, reasons, formUrl);
        if (target == ApplicationStatus.APPROVED) { // told after the approval
            fulfil.fulfil(changed, FulfilApproval.ON_APPROVAL);
        }
        return changed;
    }

    private void publish(Application a, List<String> reasons, String formUrl) {
        events.publishEvent(new ApplicationStatusChanged(
                a.id(), a.customerId(), a.product(), a.status(), a.reason(), reasons, formUrl));
    }
}
