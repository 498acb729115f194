package org.socialbank.sweeping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerStatus;
import org.socialbank.directory.Directory;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.stereotype.Service;

/**
 * Cross-bank fund collection for the apps and the chat: the customer's accounts at other banks,
 * linking one with a consent, revoking it, collecting now (idempotent by id) and standing rules.
 */
@Service
public class Sweeping {

    public static final int BANK_LENGTH_MAX = 32;
    public static final int ACCOUNT_REF_LENGTH_MAX = 64;

    private final JdbcSweepConsents consents;
    private final JdbcPulls pulls;
    private final JdbcRules rules;
    private final CollectMoney collect;
    private final ChatCollections chat;
    private final OpenBanking openBanking;
    private final Directory directory;
    private final SweepingProperties properties;
    private final DurableTransactions writes;
    private final Clock clock;
    private final ConsentPages pages;

    Sweeping(
            ConsentPages pages,
            JdbcSweepConsents consents,
            JdbcPulls pulls,
            JdbcRules rules,
            CollectMoney collect,
            ChatCollections chat,
            OpenBanking openBanking,
            Directory directory,
            SweepingProperties properties,
            DurableTransactions writes,
            Clock clock) {
        this.pages = pages;
        this.consents = consents;
        this.pulls = pulls;
        this.rules = rules;
        this.collect = collect;
        this.chat = chat;
        this.openBanking = openBanking;
        this.directory = directory;
        this.properties = properties;
        this.writes = writes;
        this.clock = clock;
    }

    /** The customer's accounts at {@code bank} that could be linked, as the provider lists them. */
    public List<ExternalAccount> available(CustomerId customer, String bank) {
        return openBanking.accounts(bank, customer.value().toString());
    }

    public LinkResult link(ConsentRequest request) {
        Objects.requireNonNull(request, "request");
        Optional<Consent> existing = consents.find(request.id());
        if (existing.isPresent()) {
            return same(existing.get(), request)
                    ? new LinkResult.Linked(existing.get(), true)
                    : new LinkResult.Refused(SweepRefusal.ID_REUSED);
        }
        Optional<SweepRefusal> refusal = check(request);
        if (refusal.isPresent()) {
            return new LinkResult.Refused(refusal.get());
        }
        Instant now = now();
        Consent consent = new Consent(
                request.id(),
                request.customer(),
                request.bank(),
                request.accountRef(),
                request.currency(),
                request.maxPaymentMinor(),
                request.maxPeriodMinor(),
                request.period(),
                Microseconds.cut(request.expiresAt()),
                false,
                now,
                null);
        return writes.write(tx -> {
            Optional<Consent> raced = consents.find(request.id());
            if (raced.isPresent()) {
                return same(raced.get(), request)
                        ? new LinkResult.Linked(raced.get(), true)
                        : new LinkResult.Refused(SweepRefusal.ID_REUSED);
            }
            consents.insert(consent);
            return new LinkResult.Linked(consent, false);
        });
    }

    private Optional<SweepRefusal> check(ConsentRequest r) {
        if (directory
                .customer(r.customer())
                .filter(c -> c.customer().status() == CustomerStatus.ACTIVE)
                .isEmpty()) {
            return Optional.of(SweepRefusal.CUSTOMER_NOT_FOUND);
        }
        Instant now = now();
        if (r.maxPaymentMinor() <= 0
                || r.maxPeriodMinor() < r.maxPaymentMinor()
                || !r.expiresAt().isAfter(now)
                || r.expiresAt().isAfter(now.plus(Duration.ofDays(properties.consentDaysMax())))
                || r.bank().isBlank()
                || r.bank().length() > BANK_LENGTH_MAX
                || r.accountRef().isBlank()
                || r.accountRef().length() > ACCOUNT_REF_LENGTH_MAX) {
            return Optional.of(SweepRefusal.INVALID_CONSENT);
        }
        if (available(r.customer(), r.bank()).stream()
                .noneMatch(a ->
                        a.accountRef().equals(r.accountRef()) && a.currency().equals(r.currency()))) {
            return Optional.of(SweepRefusal.UNKNOWN_EXTERNAL_ACCOUNT);
        }
        if (directory.primaryAccount(r.customer(), r.currency().code()).isEmpty()) {
            return Optional.of(SweepRefusal.NO_ACCOUNT_IN_CURRENCY);
        }
        return Optional.empty();
    }

    private static boolean same(Consent c, ConsentRequest r) {
        return c.customerId().equals(r.customer())
                && c.bank().equals(r.bank())
                && c.accountRef().equals(r.accountRef())
                && c.currency().equals(r.currency())
                && c.maxPaymentMinor() == r.maxPaymentMinor()
                && c.maxPeriodMinor() == r.maxPeriodMinor()
                && c.period() == r.period()
                && c.expiresAt().equals(Microseconds.cut(r.expiresAt()));
    }

    public List<Consent> consents(CustomerId customer) {
        return consents.ofCustomer(customer);
    }

    /** The signed link to the bank's page where the customer's linked accounts are listed and revoked. */
    public String pageUrl(CustomerId customer) {
        return pages.url(customer);
    }

    public Optional<Consent> consent(CustomerId customer, ConsentId id) {
        return consents.find(id).filter(c -> c.customerId().equals(customer));
    }

    /** Revokes the consent and deletes its rules; a pull already sent still completes. Empty when not the customer's. */
    public Optional<Consent> revoke(CustomerId customer, ConsentId id) {
        return writes.write(tx -> {
            Optional<Consent> consent =
                    consents.lock(id).filter(c -> c.customerId().equals(customer));
            consent.filter(c -> !c.revoked()).ifPresent(c -> {
                consents.revoke(id, now());
                rules.deleteOfConsent(id);
            });
            return consent.flatMap(c -> consents.find(id));
        });
    }

    public CollectResult collect(CollectRequest request) {
        Objects.requireNonNull(request, "request");
        return collect.collect(request, Optional.empty());
    }

    /**
     * "Collect my money" in chat: records the request (idempotent by {@code id}, which the chat
     * derives from the message) in the caller's transaction, without asking the provider; a worker
     * collects from each consent and publishes {@link CollectionSettled} per pull. Answers the
     * consents that will be asked; none (nothing linked, or all revoked) records nothing.
     */
    public List<Consent> askCollection(UUID id, CustomerId customer) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        return chat.ask(id, customer);
    }

    public List<Pull> pulls(CustomerId customer) {
        return pulls.ofCustomer(customer);
    }

    public Optional<Pull> pull(CustomerId customer, PullId id) {
        return pulls.find(id)
                .map(JdbcPulls.Row::pull)
                .filter(p -> p.customerId().equals(customer));
    }

    /**
     * Creates a standing rule, idempotent by its id. The consent is checked and the rule inserted
     * in one transaction under the consent's row lock, the lock {@link #revoke} takes: a revoke
     * either comes first (the rule is refused) or deletes the rule with the consent's others, so no
     * rule stays active on a revoked consent; a concurrent create with the same id waits on the
     * lock and answers the rule as a replay (review 2026-12-07 cards/sweeping follow-up).
     */
    public RuleResult createRule(RuleRequest request) {
        Objects.requireNonNull(request, "request");
        Optional<SweepRule> existing = rules.find(request.id());
        if (existing.isPresent()) {
            return replay(existing.get(), request);
        }
        if (request.dayOfMonth() < 1 || request.dayOfMonth() > 31 || request.keepMinor() < 0) {
            return new RuleResult.Refused(SweepRefusal.INVALID_RULE);
        }
        // a same id under another consent takes another lock: its insert's duplicate key is retried
        return writes.write(tx -> createLocked(request));
    }

    private RuleResult createLocked(RuleRequest request) {
        Optional<Consent> consent =
                consents.lock(request.consent()).filter(c -> c.customerId().equals(request.customer()));
        Optional<SweepRule> raced = rules.find(request.id());
        if (raced.isPresent()) {
            return replay(raced.get(), request);
        }
        if (consent.isEmpty()) {
            return new RuleResult.Refused(SweepRefusal.CONSENT_NOT_FOUND);
        }
        String state = consent.get().state(now());
        if (!"active".equals(state)) {
            return new RuleResult.Refused(
                    "revoked".equals(state) ? SweepRefusal.CONSENT_REVOKED : SweepRefusal.CONSENT_EXPIRED);
        }
        SweepRule rule = new SweepRule(
                request.id(),
                request.customer(),
                request.consent(),
                request.dayOfMonth(),
                request.keepMinor(),
                true,
                now());
        rules.insert(rule);
        return new RuleResult.Created(rule, false);
    }

    private static RuleResult replay(SweepRule r, RuleRequest request) {
        boolean same = r.customerId().equals(request.customer())
                && r.consentId().equals(request.consent())
                && r.dayOfMonth() == request.dayOfMonth()
                && r.keepMinor() == request.keepMinor();
        return same ? new RuleResult.Created(r, true) : new RuleResult.Refused(SweepRefusal.ID_REUSED);
    }

    public List<SweepRule> rules(CustomerId customer) {
        return rules.ofCustomer(customer);
    }

    /** Deletes the customer's rule; false when there is no such active rule of theirs. */
    public boolean deleteRule(CustomerId customer, RuleId id) {
        return rules.find(id)
                .filter(r -> r.customerId().equals(customer) && r.active())
                .map(r -> writes.write(tx -> rules.delete(id)) > 0)
                .orElse(false);
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
