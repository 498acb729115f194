package org.socialbank.payments;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.AliasMatch;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.Confirmations;
import org.socialbank.directory.Customer;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerStatus;
import org.socialbank.directory.Directory;
import org.socialbank.directory.HandleHolders;
import org.socialbank.directory.OperationRef;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.Metadata;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.TransferCode;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.payments.jdbc.JdbcPayments;
import org.socialbank.payments.jdbc.PaymentRow;
import org.socialbank.payments.risk.Allow;
import org.socialbank.payments.risk.Attempt;
import org.socialbank.payments.risk.Check;
import org.socialbank.payments.risk.ConfirmationsElsewhere;
import org.socialbank.payments.risk.Decision;
import org.socialbank.payments.risk.PaymentPolicy;
import org.socialbank.payments.risk.Reject;
import org.socialbank.payments.risk.StepUp;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.Network;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Paying by alias, in one transaction: resolve the alias, ask the risk policy, then refuse, hold
 * for a step-up, or carry the payment out (one transfer to a customer; a pending transfer into
 * escrow for anyone else). The payment's id is the idempotency key of all of it.
 */
@Component
class PayAlias {

    /** The owner of payments' step-up confirmations: {@code payment:<payment id>}. */
    static final String CONFIRMATION_OWNER = "payment";

    private final JdbcPayments store;
    private final Directory directory;
    private final ChannelIdentities identities;
    private final Confirmations confirmations;
    private final Ledger ledger;
    private final PaymentPolicy policy;
    private final ObjectProvider<ConfirmationsElsewhere> elsewhere;
    private final BankAccounts bank;
    private final ClaimSecrets secrets;
    private final ClaimGuards guards;
    private final ConfirmationLinks links;
    private final PaymentViews views;
    private final PaymentsProperties properties;
    private final ApplicationEventPublisher events;
    private final DurableTransactions writes;
    private final Clock clock;

    PayAlias(
            JdbcPayments store,
            Directory directory,
            ChannelIdentities identities,
            Confirmations confirmations,
            Ledger ledger,
            PaymentPolicy policy,
            ObjectProvider<ConfirmationsElsewhere> elsewhere,
            BankAccounts bank,
            ClaimSecrets secrets,
            ClaimGuards guards,
            ConfirmationLinks links,
            PaymentViews views,
            PaymentsProperties properties,
            ApplicationEventPublisher events,
            DurableTransactions writes,
            Clock clock) {
        this.store = store;
        this.directory = directory;
        this.identities = identities;
        this.confirmations = confirmations;
        this.ledger = ledger;
        this.policy = policy;
        this.elsewhere = elsewhere;
        this.bank = bank;
        this.secrets = secrets;
        this.guards = guards;
        this.links = links;
        this.views = views;
        this.properties = properties;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
    }

    PaymentResult pay(PaymentOrder order) {
        Optional<HandleHolders.Holder> holder = holderOf(order);
        return writes.write(status -> {
            Optional<PaymentRow> existing = store.find(order.id());
            if (existing.isPresent()) {
                PaymentRow r = existing.get();
                return r.sameOrder(order.payer(), order.payee(), order.amountMinor(), order.currency(), order.channel())
                        ? new PaymentResult.Recorded(views.of(r), true)
                        : new PaymentResult.Refused(PaymentRejection.ID_REUSED);
            }
            Optional<Customer> payer = directory.find(order.payer()).filter(c -> c.status() == CustomerStatus.ACTIVE);
            if (payer.isEmpty()) {
                return new PaymentResult.Refused(PaymentRejection.PAYER_NOT_FOUND);
            }
            Decided decided = decide(order, payer.get(), holder);
            return new PaymentResult.Recorded(views.of(decided.row(), decided.decision()), false);
        });
    }

    /**
     * The refusal {@link #pay} would give now, found by reading only: the payer, the payee and the
     * currencies ({@link #precheck}), the limits of the risk policy (in the order {@link #pay} meets
     * them), then the money the payer can spend. A hold for the bank's page is not a refusal: it is left to the payment.
     */
    Precheck check(PaymentOrder order) {
        Optional<Customer> payer = directory.find(order.payer()).filter(c -> c.status() == CustomerStatus.ACTIVE);
        if (payer.isEmpty()) {
            return new Precheck.Refused(PaymentRejection.PAYER_NOT_FOUND, null, null, null);
        }
        Optional<AliasMatch> match = directory.resolve(order.payee());
        Accounts accounts = accounts(order, match);
        Optional<PaymentRejection> refusal = precheck(order, match, accounts);
        if (refusal.isPresent()) {
            return new Precheck.Refused(refusal.get(), null, null, null);
        }
        CustomerId payee = match.map(AliasMatch::customerId).orElse(null);
        Decision decision = assess(new Attempt(
                order.payer(),
                payer.get().kycLevel(),
                order.channel(),
                order.amountMinor(),
                order.currency(),
                !store.paidBefore(order.payer(), order.payee(), payee),
                match.isPresent(),
                channelLinkedAt(order),
                now()));
        if (decision instanceof Reject reject) {
            return new Precheck.Refused(
                    rejection(reject), reject.limitMinor(), reject.resetsAt().orElse(null), null);
        }
        long available = accounts.from()
                .flatMap(ledger::account)
                .map(org.socialbank.ledger.Account::availableMinor)
                .orElse(0L);
        if (available < order.amountMinor()) {
            return new Precheck.Refused(PaymentRejection.INSUFFICIENT_FUNDS, null, null, available);
        }
        return new Precheck.Clear();
    }

    /**
     * Who holds the paid handle, on a network whose claims are bound to an account id: asked of the
     * network before the transaction (a call to X), for a new payment to someone not a customer.
     */
    private Optional<HandleHolders.Holder> holderOf(PaymentOrder order) {
        if (!ClaimGuards.boundById(order.payee()) || store.find(order.id()).isPresent()) {
            return Optional.empty();
        }
        // asked for a customer's handle too (review 2026-12-07 alias follow-up): X handles change hands
        return Optional.of(guards.resolve(order.payee()));
    }

    /**
     * In the payment's transaction, before the payee is resolved: what the network answered for a
     * handle whose alias is bound to an account id. An alias proved by another account than the
     * one holding the handle now, or by none, is released (the payment then waits for a claim that
     * only today's holder can prove); no answer (Unknown) leaves the directory's word standing.
     */
    private void recheckHandle(PaymentOrder order, Optional<HandleHolders.Holder> holder) {
        if (holder.orElse(null) instanceof HandleHolders.Found found) {
            directory.handleHeld(order.payee(), Optional.of(found.externalId()));
        } else if (holder.orElse(null) instanceof HandleHolders.NoSuchAccount) {
            directory.handleHeld(order.payee(), Optional.empty());
        }
    }

    /** A new payment as stored, with its decision's audit as stored (none when refused before the policy). */
    private record Decided(PaymentRow row, JdbcPayments.Decision decision) {}

    private Decided decide(PaymentOrder order, Customer payer, Optional<HandleHolders.Holder> holder) {
        Instant now = now();
        recheckHandle(order, holder);
        Optional<AliasMatch> match = directory.resolve(order.payee());
        CustomerId payee = match.map(AliasMatch::customerId).orElse(null);
        boolean newPayee = !store.paidBefore(order.payer(), order.payee(), payee);
        PaymentRow fresh = PaymentRow.fresh(
                order.id(),
                new PaymentRow.Parties(
                        order.payer(),
                        order.payee(),
                        payee,
                        match.map(AliasMatch::maskedName).orElse(null),
                        newPayee),
                order.amountMinor(),
                order.currency(),
                order.channel(),
                now);
        Accounts accounts = accounts(order, match);
        Optional<PaymentRejection> refusal = precheck(order, match, accounts);
        if (refusal.isEmpty() && match.isEmpty() && holder.orElse(null) instanceof HandleHolders.NoSuchAccount) {
            refusal = Optional.of(
                    PaymentRejection.PAYEE_NOT_FOUND); // the network has no such account: nobody could ever claim it
        }
        if (refusal.isPresent()) {
            return new Decided(insert(fresh.rejected(refusal.get(), null, null, null)), JdbcPayments.Decision.NONE);
        }
        if (match.isEmpty() && holder.orElse(null) instanceof HandleHolders.Found found) {
            guards.bind(order.id(), order.payee().network(), found.externalId()); // the claim is this account's only
        }
        store.lockPayer(
                order.payer()); // the limits read this payer's totals: no other payment of theirs may change them now
        Decision decision = assess(new Attempt(
                order.payer(),
                payer.kycLevel(),
                order.channel(),
                order.amountMinor(),
                order.currency(),
                newPayee,
                match.isPresent(),
                channelLinkedAt(order),
                now));
        if (decision instanceof Allow allow && PaymentOrder.PAY_FORM.equals(order.channel())) {
            decision = payForm(allow); // an agent's prefilled form: the payer confirms it, whatever the amount
        }
        PaymentRow row;
        if (decision instanceof Reject reject) {
            row = insert(fresh.rejected(
                    rejection(reject),
                    reject.limitMinor(),
                    reject.usedMinor(),
                    reject.resetsAt().orElse(null)));
        } else if (decision instanceof StepUp stepUp) {
            row = insert(hold(fresh, stepUp));
        } else {
            row = insert(execute(fresh, order.answeredInChat(), accounts));
        }
        return new Decided(
                row, store.insertDecision(row.id(), decisionName(decision), reason(decision), checks(decision), now));
    }

    /**
     * The policy's decision, its questions about the payer's past answered by one read (issue 22), a
     * chat's confirmations also by the other modules that carry out payments ({@link JointHistory}).
     */
    private Decision assess(Attempt attempt) {
        return policy.assess(
                attempt,
                new JointHistory(
                        store.history(policy.questions(attempt)),
                        elsewhere.orderedStream().toList()));
    }

    /** The hold of a payment from an agent's prefilled form, with the checks the policy made and its own. */
    private static StepUp payForm(Allow allow) {
        List<Check> checks = new java.util.ArrayList<>(allow.checks());
        checks.add(new Check(StepUp.PAY_FORM, Check.STEP_UP, "channel=" + PaymentOrder.PAY_FORM));
        return new StepUp(StepUp.PAY_FORM, checks);
    }

    /**
     * The primary accounts in the payment's currency of the payer and of the payee when a
     * customer: read once for the precheck and the transfer (issue 22).
     */
    record Accounts(Optional<AccountId> from, Optional<AccountId> to) {}

    private Accounts accounts(PaymentOrder order, Optional<AliasMatch> match) {
        String currency = order.currency().code();
        return new Accounts(
                directory.primaryAccount(order.payer(), currency),
                match.flatMap(m -> directory.primaryAccount(m.customerId(), currency)));
    }

    /** Refusals that need no risk decision: nobody to pay, no account to pay from or into. */
    private Optional<PaymentRejection> precheck(PaymentOrder order, Optional<AliasMatch> match, Accounts accounts) {
        if (match.isEmpty() && order.payee().type() == AliasType.TAG) {
            return Optional.of(
                    PaymentRejection.PAYEE_NOT_FOUND); // a $tag is a customer's: nobody can claim an unknown one
        }
        if (match.isPresent() && match.get().customerId().equals(order.payer())) {
            return Optional.of(PaymentRejection.PAYEE_IS_PAYER);
        }
        if (accounts.from().isEmpty()) {
            return Optional.of(PaymentRejection.NO_ACCOUNT_IN_CURRENCY);
        }
        if (match.isPresent() && accounts.to().isEmpty()) {
            return Optional.of(PaymentRejection.PAYEE_CANNOT_RECEIVE_CURRENCY);
        }
        return Optional.empty();
    }

    /** A limit's "no" as the payment's rejection; the policy names only limits this enum has. */
    private static PaymentRejection rejection(Reject reject) {
        return PaymentRejection.fromCode(reject.code())
                .filter(r -> r.limit() || r == PaymentRejection.CURRENCY_NOT_SUPPORTED)
                .orElseThrow(() -> new IllegalStateException(
                        "the risk policy refused with " + reject.code() + ", which is no payment rejection"));
    }

    private PaymentRow hold(PaymentRow row, StepUp stepUp) {
        Optional<Confirmations.Started> started = confirmations.start(new Confirmations.Request(
                row.payer(),
                new OperationRef(CONFIRMATION_OWNER, row.id().toString()),
                row.amountMinor(),
                row.currency(),
                payeeLabel(row),
                0));
        if (started.isEmpty()) {
            return row.rejected(PaymentRejection.CONFIRMATION_UNAVAILABLE, null, null, null);
        }
        events.publishEvent(new PaymentHeld(row.id(), row.payer(), started.get().url(), stepUp.reason()));
        return row.held(
                started.get().challengeId(), links.seal(row.id(), started.get().url()));
    }

    /** What the step-up page shows as the payee: the masked name of a customer, else the alias. */
    static String payeeLabel(PaymentRow row) {
        String masked = row.parties().payeeMaskedName();
        String label = masked != null ? masked : row.payee().display();
        label = label.replace('|', '/');
        return label.length() <= 120 ? label : label.substring(0, 119) + "…";
    }

    /**
     * Carries a payment out: to a customer in one transfer, to anyone else into escrow. A refusal
     * by the ledger (no funds, a frozen account) becomes the payment's rejection.
     *
     * @param answeredInChat whether a chat's reply to the payer's own message tells them of it now
     */
    PaymentRow execute(PaymentRow row, boolean answeredInChat) {
        String currency = row.currency().code();
        return execute(
                row,
                answeredInChat,
                new Accounts(
                        directory.primaryAccount(row.payer(), currency),
                        Optional.ofNullable(row.payeeCustomer())
                                .flatMap(payee -> directory.primaryAccount(payee, currency))));
    }

    /** {@link #execute(PaymentRow, boolean)} with the primary accounts already read in this transaction. */
    private PaymentRow execute(PaymentRow row, boolean answeredInChat, Accounts accounts) {
        AccountId from = accounts.from().orElse(null);
        if (from == null) {
            return row.rejected(PaymentRejection.NO_ACCOUNT_IN_CURRENCY, null, null, null);
        }
        if (row.payeeCustomer() != null) {
            Optional<AccountId> to = accounts.to();
            if (to.isEmpty()) {
                return row.rejected(PaymentRejection.PAYEE_CANNOT_RECEIVE_CURRENCY, null, null, null);
            }
            UUID transfer = row.id().derive("p2p");
            TransferResult result = ledger.transfer(new NewTransfer(
                    new TransferId(transfer),
                    from,
                    to.get(),
                    row.amountMinor(),
                    row.currency(),
                    new TransferCode("p2p"),
                    false,
                    0,
                    notes(row, answeredInChat)));
            if (result instanceof TransferResult.Rejected rejected) {
                return row.rejected(PaymentRejection.of(rejected.code()), null, null, null);
            }
            events.publishEvent(new PaymentCompleted(
                    row.id(),
                    row.payer(),
                    row.payeeCustomer(),
                    row.amountMinor(),
                    row.currency(),
                    row.channel(),
                    answeredInChat));
            return row.completed(transfer);
        }
        return escrow(row, from, answeredInChat);
    }

    private PaymentRow escrow(PaymentRow row, AccountId from, boolean answeredInChat) {
        bank.open(row.currency());
        UUID pending = row.id().derive("escrow");
        TransferResult result = ledger.transfer(new NewTransfer(
                new TransferId(pending),
                from,
                BankAccounts.escrow(row.currency()),
                row.amountMinor(),
                row.currency(),
                new TransferCode("p2p-escrow"),
                true,
                properties.claimTtl().toSeconds(),
                notes(row, answeredInChat)));
        if (result instanceof TransferResult.Rejected rejected) {
            return row.rejected(PaymentRejection.of(rejected.code()), null, null, null);
        }
        Instant expires = ((TransferResult.Posted) result).transfer().expiresAt();
        String token = secrets.token(row.id());
        String networkHash =
                row.payee().type() == AliasType.HANDLE ? secrets.networkCodeHash(secrets.networkCode(row.id())) : null;
        String holder = row.payee().network() == null
                ? null
                : guards.holder(row.id(), row.payee().network()).orElse(null);
        events.publishEvent(new PaymentEscrowed(
                row.id(),
                row.payer(),
                row.payee(),
                row.amountMinor(),
                row.currency(),
                views.claimUrl(row.id()),
                expires,
                row.channel(),
                holder,
                answeredInChat));
        return row.escrowed(pending, secrets.tokenHash(token), expires, networkHash);
    }

    /** What a customer can spend now from their primary account in a currency. */
    Optional<Long> available(CustomerId customer, CurrencyCode currency) {
        return directory
                .primaryAccount(customer, currency.code())
                .flatMap(ledger::account)
                .map(org.socialbank.ledger.Account::availableMinor);
    }

    /**
     * The transfer's metadata: the payment and the channel it was ordered on, and, when a chat's
     * reply to the payer's own message is her receipt, {@code "receipt": "chat"} (the alerts module
     * then does not repeat that receipt in the same chat: alerts.TransactionAlerts#toldByItsReceipt).
     */
    private static Metadata notes(PaymentRow row, boolean answeredInChat) {
        return Metadata.of(
                answeredInChat
                        ? java.util.Map.of("payment", row.id().toString(), "channel", row.channel(), "receipt", "chat")
                        : java.util.Map.of("payment", row.id().toString(), "channel", row.channel()));
    }

    private PaymentRow insert(PaymentRow row) {
        store.insert(row);
        return row;
    }

    private Optional<Instant> channelLinkedAt(PaymentOrder order) {
        return Network.fromWireName(order.channel()).flatMap(n -> identities.linkedAt(order.payer(), n));
    }

    private static String decisionName(Decision d) {
        return d instanceof Reject ? "reject" : d instanceof StepUp ? "step_up" : "allow";
    }

    private static String reason(Decision d) {
        return d instanceof Reject r ? r.code() : d instanceof StepUp s ? s.reason() : null;
    }

    private static List<PaymentCheck> checks(Decision d) {
        return d.checks().stream()
                .map((Check c) -> new PaymentCheck(c.rule(), c.outcome(), c.detail()))
                .toList();
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
