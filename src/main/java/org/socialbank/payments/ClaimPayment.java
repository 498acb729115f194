package org.socialbank.payments;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.directory.DirectoryResult;
import org.socialbank.directory.HandleHolders;
import org.socialbank.directory.KycLevel;
import org.socialbank.directory.MaskedName;
import org.socialbank.directory.NewCustomer;
import org.socialbank.ledger.AccountFlag;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewAccount;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.OpenResult;
import org.socialbank.ledger.RejectionCode;
import org.socialbank.ledger.Resolution;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.notifications.SendBudgets;
import org.socialbank.payments.ClaimView.Proof;
import org.socialbank.payments.ClaimView.State;
import org.socialbank.payments.jdbc.JdbcPayments;
import org.socialbank.payments.jdbc.PaymentRow;
import org.socialbank.payouts.ExternalAccount;
import org.socialbank.payouts.PayoutId;
import org.socialbank.payouts.PayoutOrder;
import org.socialbank.payouts.Payouts;
import org.socialbank.shared.Language;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.Network;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;

/**
 * Claims by people who are not customers: prove the alias (a code by SMS or e-mail, or a claim
 * code sent from the network handle), then take the money into a new claim-only wallet or to an
 * external account. Every step locks the payment row, so two claims, or a claim and a cancel or
 * the expiry, never both win.
 */
@Component
class ClaimPayment {

    private final JdbcPayments store;
    private final Directory directory;
    private final Ledger ledger;
    private final ClaimSecrets secrets;
    private final ClaimCodeSender sender;
    private final ClaimGuards guards;
    private final BankAccounts bank;
    private final Payouts payouts;
    private final PaymentsProperties properties;
    private final ApplicationEventPublisher events;
    private final DurableTransactions writes;
    private final Clock clock;

    ClaimPayment(
            JdbcPayments store,
            Directory directory,
            Ledger ledger,
            ClaimSecrets secrets,
            ClaimCodeSender sender,
            ClaimGuards guards,
            BankAccounts bank,
            Payouts payouts,
            PaymentsProperties properties,
            ApplicationEventPublisher events,
            DurableTransactions writes,
            Clock clock) {
        this.store = store;
        this.directory = directory;
        this.ledger = ledger;
        this.secrets = secrets;
        this.sender = sender;
        this.guards = guards;
        this.bank = bank;
        this.payouts = payouts;
        this.properties = properties;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
    }

    Optional<ClaimView> view(String token) {
        return hash(token).flatMap(store::findByToken).map(this::view);
    }

    /**
     * The claim page's data for one browser: a claim proven by a code in another browser is not
     * this browser's to take (issue 13, UX walk-through P6: a forwarded link, the payer, a preview
     * bot); its page says so instead of offering the destinations.
     */
    Optional<ClaimView> view(String token, String browserSecret) {
        return hash(token).flatMap(store::findByToken).map(r -> otherBrowser(r, view(r), browserSecret));
    }

    private ClaimView otherBrowser(PaymentRow r, ClaimView v, String browserSecret) {
        if (v.state() != State.CHOOSE) {
            return v;
        }
        Optional<String> bound = store.boundBrowser(r.id());
        return bound.isPresent() && !bound.get().equals(browserHash(browserSecret))
                ? v.withProblem("other_browser")
                : v;
    }

    /** The SHA-256 (hex) of a browser's claim secret; a missing secret matches no browser. */
    static String browserHash(String secret) {
        if (secret == null || secret.isBlank()) {
            return "-";
        }
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a fresh code to the phone or e-mail being claimed; a bounded number per claim. */
    Optional<ClaimView> sendCode(String token, Locale locale) {
        return write(token, (r, status) -> {
            ClaimView v = view(r);
            if (v.state() != State.PROVE || v.proof() == Proof.NETWORK_MESSAGE) {
                return v;
            }
            if (r.claim().codesSent() >= properties.claimCodesMax()) {
                return v.withProblem("too_many_codes");
            }
            String code = secrets.newSentCode();
            Optional<String> refused = sender.send(r.payer(), r.payee(), code, r.amountMinor(), r.currency(), locale);
            if (refused.isPresent()) {
                return v.withProblem(budgetProblem(refused.get())); // nothing went out, nothing is recorded
            }
            Instant now = now();
            store.recordClaimCode(
                    r.id(),
                    secrets.sentCodeHash(code, r.id(), r.payee().value()),
                    now.plus(properties.claimCodeTtl()),
                    r.claim().codesSent() + 1,
                    now);
            return reload(r.id());
        });
    }

    /** The claim page's problem for a send the budgets refused (security review #5). */
    static String budgetProblem(String reason) {
        return switch (reason) {
            case SendBudgets.Refused.DENIED_DESTINATION -> "destination_refused";
            case SendBudgets.Refused.GLOBAL_HOUR -> "codes_busy";
            default -> "codes_today";
        };
    }

    Optional<ClaimView> prove(String token, String code, String browserSecret) {
        return write(token, (r, status) -> {
            ClaimView v = view(r);
            if (v.state() != State.PROVE || !v.codeSent()) {
                return v;
            }
            Instant now = now();
            if (!r.claim().codeExpiresAt().isAfter(now)) {
                return v.withProblem("code_expired");
            }
            if (!secrets.sentCodeMatches(
                    code, r.id(), r.payee().value(), r.claim().codeHash())) {
                store.recordClaimAttempts(r.id(), r.claim().attempts() + 1, now);
                return reload(r.id()).withProblem("wrong_code");
            }
            store.recordProof(r.id(), now);
            store.bindBrowser(r.id(), browserHash(browserSecret), now);
            return reload(r.id());
        });
    }

    /**
     * A message that looks like a claim code arrived from a network account: it proves the
     * claim when the code is that of an open claim of this very account ({@link ClaimGuards#sender}).
     * The code of a claim to another account counts as a wrong attempt on that claim; any code that
     * proves nothing counts against the sending account, which is locked out after too many.
     */
    boolean proveByNetworkCode(String code, Network network, String externalUserId, String handle) {
        if (!ClaimSecrets.looksLikeNetworkCode(code) || network == null || externalUserId == null) {
            return false;
        }
        if (guards.lockedOut(network, externalUserId)) {
            return false; // not even looked up: guessing stays as slow as the lockout allows
        }
        boolean askLater = false;
        for (PaymentId id : store.awaitingByNetworkCode(secrets.networkCodeHash(code), 4)) {
            Optional<HandleHolders.Holder> late = lateHolder(id, network);
            ClaimGuards.Sender proof = writes.write(status -> store.lock(id)
                    .map(r -> prove(r, network, externalUserId, handle, late))
                    .orElse(ClaimGuards.Sender.SOMEONE_ELSE));
            if (proof == ClaimGuards.Sender.PAYEE) {
                return true;
            }
            askLater |= proof == ClaimGuards.Sender.UNKNOWN_YET;
        }
        if (!askLater) {
            writes.write(status -> {
                guards.failed(network, externalUserId);
                return null;
            });
        }
        return false;
    }

    /** Under the payment's lock: proves the claim if the sender is the payee's account. */
    private ClaimGuards.Sender prove(
            PaymentRow r, Network network, String externalUserId, String handle, Optional<HandleHolders.Holder> late) {
        if (view(r).state() != State.PROVE || r.payee().network() != network) {
            return ClaimGuards.Sender.SOMEONE_ELSE;
        }
        Optional<String> bound = guards.holder(r.id(), network);
        if (bound.isEmpty() && late.orElse(null) instanceof HandleHolders.Found found) {
            guards.bind(
                    r.id(), network, found.externalId()); // the network was not asked, or did not answer, at payment
            bound = Optional.of(found.externalId());
        }
        ClaimGuards.Sender sender = bound.isEmpty() && late.orElse(null) instanceof HandleHolders.NoSuchAccount
                ? ClaimGuards.Sender.SOMEONE_ELSE // nobody holds the handle now: not this sender either
                : ClaimGuards.sender(r.payee(), network, externalUserId, handle, bound);
        if (sender == ClaimGuards.Sender.SOMEONE_ELSE) {
            store.recordClaimAttempts(r.id(), r.claim().attempts() + 1, now());
        } else if (sender == ClaimGuards.Sender.PAYEE) {
            store.recordProof(r.id(), now());
            if (bound.isEmpty()) {
                guards.bind(r.id(), network, externalUserId); // the account that proved it: its alias's holder
            }
        }
        return sender;
    }

    /**
     * For a claim bound by account id that no account was bound to when it was paid (the network
     * did not answer then): who holds the handle now, asked outside any transaction.
     */
    private Optional<HandleHolders.Holder> lateHolder(PaymentId id, Network network) {
        if (!ClaimGuards.BOUND_BY_ID.contains(network)
                || guards.holder(id, network).isPresent()) {
            return Optional.empty();
        }
        return store.find(id)
                .filter(r -> ClaimGuards.boundById(r.payee()) && r.payee().network() == network)
                .map(r -> guards.resolve(r.payee()));
    }

    /** Opens a claim-only wallet for the claimant and moves the money there, all in one transaction. */
    Optional<ClaimView> toWallet(String token, String displayName, Language language, String browserSecret) {
        return write(token, (r, status) -> {
            ClaimView v = otherBrowser(r, view(r), browserSecret);
            if ("other_browser".equals(v.problem())) {
                return v;
            }
            Optional<String> refused = cannotChoose(v, displayName);
            if (refused.isPresent()) {
                return v.withProblem(refused.get());
            }
            if (directory.resolve(r.payee()).isPresent()) {
                return v.withProblem("alias_taken"); // it became a customer's since: they are paid by alias now
            }
            CustomerId claimant = new CustomerId(r.id().derive("claimant"));
            if (!(directory.register(new NewCustomer(
                            claimant,
                            displayName.strip(),
                            language,
                            KycLevel.CLAIM_ONLY,
                            null,
                            null,
                            List.of(new CustomerView.AliasEntry(r.payee(), true))))
                    instanceof DirectoryResult.Done)) {
                status.setRollbackOnly();
                return v.withProblem("alias_taken");
            }
            AccountId wallet = new AccountId(r.id().derive("wallet"));
            if (ledger.open(new NewAccount(
                            wallet,
                            r.currency(),
                            claimant.ownerRef(),
                            AccountKind.CUSTOMER_WALLET,
                            Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)))
                    instanceof OpenResult.Rejected) {
                status.setRollbackOnly();
                return v.withProblem("wallet_unavailable");
            }
            provenBy(r).ifPresent(account -> directory.bindHandle(claimant, r.payee(), account));
            directory.holdAccount(claimant, wallet, true);
            Optional<String> moved = release(r, wallet, "claim");
            if (moved.isPresent()) {
                status.setRollbackOnly();
                return v.withProblem(moved.get());
            }
            store.recordSettlement(r.id(), PaymentStatus.COMPLETED, r.id().derive("settle"), claimant, null, now());
            events.publishEvent(
                    new PaymentClaimed(r.id(), r.payer(), claimant, r.amountMinor(), r.currency(), "wallet"));
            return reload(r.id());
        });
    }

    /**
     * The account that proved a claim of a handle, by the network's fixed id (review 2026-12-07
     * alias follow-up): the wallet's handle alias is bound to it, and released when the bank sees
     * that account renamed or another account holding the handle. A WeChat openid or WhatsApp
     * wa_id is the id itself. Empty for a phone or an e-mail, and for a claim proven before V128.
     */
    private Optional<String> provenBy(PaymentRow r) {
        if (r.payee().type() != AliasType.HANDLE) {
            return Optional.empty();
        }
        return ClaimGuards.HANDLE_IS_ID.contains(r.payee().network())
                ? Optional.of(r.payee().value())
                : guards.holder(r.id(), r.payee().network());
    }

    /**
     * Moves the money to the bank's settlement account and records the payout to the claimant's
     * external account, in one transaction; the payout's outcome arrives later as an event.
     */
    Optional<ClaimView> toAccount(String token, ExternalAccount account, String beneficiaryName, String browserSecret) {
        return write(token, (r, status) -> {
            ClaimView v = otherBrowser(r, view(r), browserSecret);
            if ("other_browser".equals(v.problem())) {
                return v;
            }
            Optional<String> refused = cannotChoose(v, beneficiaryName)
                    // the page asks this first too; every caller is held to it here (reread 2026-12-08 payouts)
                    .or(() -> ExternalAccount.problemWithCurrency(account, r.currency())
                            .map(org.socialbank.payouts.AccountProblem::code));
            if (refused.isPresent()) {
                return v.withProblem(refused.get());
            }
            bank.open(r.currency());
            Optional<String> moved = release(r, BankAccounts.settlement(r.currency()), "payout");
            if (moved.isPresent()) {
                status.setRollbackOnly();
                return v.withProblem(moved.get());
            }
            PayoutId payout = new PayoutId(r.id().derive("payout"));
            payouts.submit(new PayoutOrder(
                    payout, account, beneficiaryName.strip(), r.amountMinor(), r.currency(), r.id().toString()));
            store.recordSettlement(
                    r.id(), PaymentStatus.PAYING_OUT, r.id().derive("settle"), null, payout.value(), now());
            events.publishEvent(
                    new PaymentClaimed(r.id(), r.payer(), null, r.amountMinor(), r.currency(), "external_account"));
            return reload(r.id());
        });
    }

    /**
     * Posts the escrowed pending transfer and moves the money on from escrow, in the caller's
     * transaction; empty when done, else the problem code (the caller rolls back).
     */
    Optional<String> release(PaymentRow r, AccountId to, String code) {
        TransferResult posted =
                ledger.resolve(Resolution.post(new TransferId(r.transfers().transferId()), OptionalLong.empty()));
        if (posted instanceof TransferResult.Rejected rejected) {
            return Optional.of(
                    rejected.code() == RejectionCode.PENDING_EXPIRED
                            ? "expired"
                            : rejected.code().code());
        }
        TransferResult moved = ledger.transfer(NewTransfer.posted(
                new TransferId(r.id().derive("settle")),
                BankAccounts.escrow(r.currency()),
                to,
                r.amountMinor(),
                r.currency(),
                code));
        return moved instanceof TransferResult.Rejected rejected
                ? Optional.of(rejected.code().code())
                : Optional.empty();
    }

    /** Why the claim cannot be taken now by someone of this name; empty when it can. */
    private static Optional<String> cannotChoose(ClaimView v, String name) {
        if (v.state() != State.CHOOSE) {
            return Optional.of(problemFor(v.state()));
        }
        return validName(name) ? Optional.empty() : Optional.of("invalid_name");
    }

    static String problemFor(State state) {
        return switch (state) {
            case PROVE -> "not_proven";
            case EXPIRED -> "expired";
            case LOCKED -> "locked";
            case CANCELLED, RETURNED -> "cancelled";
            default -> "already_claimed";
        };
    }

    ClaimView view(PaymentRow r) {
        Instant now = clock.instant();
        State state = state(r, now);
        Proof proof = switch (r.payee().type()) {
            case PHONE -> Proof.SMS;
            case EMAIL -> Proof.EMAIL;
            default -> Proof.NETWORK_MESSAGE;
        };
        String payer = directory
                .customer(r.payer())
                .map(c -> MaskedName.of(c.customer().displayName()))
                .orElse("");
        boolean codeSent = r.claim().codeHash() != null && r.claim().codeExpiresAt() != null;
        return new ClaimView(
                state,
                payer,
                r.amountMinor(),
                r.currency(),
                r.claim().expiresAt(),
                proof,
                r.payee().network(),
                mask(r.payee()),
                proof == Proof.NETWORK_MESSAGE && state == State.PROVE ? secrets.networkCode(r.id()) : null,
                codeSent && state == State.PROVE,
                Math.max(0, properties.claimAttemptsMax() - r.claim().attempts()),
                null);
    }

    private State state(PaymentRow r, Instant now) {
        return switch (r.status()) {
            case AWAITING_CLAIM ->
                !r.claim().expiresAt().isAfter(now)
                        ? State.EXPIRED
                        : r.claim().attempts() >= properties.claimAttemptsMax()
                                ? State.LOCKED
                                : r.claim().provenAt() != null ? State.CHOOSE : State.PROVE;
            case PAYING_OUT -> State.PAYING_OUT;
            case COMPLETED -> State.CLAIMED;
            case RETURNED -> "expired".equals(r.code()) ? State.EXPIRED : State.RETURNED;
            case RETURN_HELD -> State.RETURNED; // to the claimant the payout failed, whoever holds the money now
            default -> State.CANCELLED;
        };
    }

    /** The alias as the claim page may show it: enough to recognise one's own, not to learn it. */
    static String mask(Alias alias) {
        String value = alias.value();
        return switch (alias.type()) {
            case PHONE -> value.substring(0, Math.min(3, value.length())) + "•••" + value.substring(value.length() - 2);
            case EMAIL -> value.charAt(0) + "•••" + value.substring(value.indexOf('@'));
            default -> alias.display();
        };
    }

    private static boolean validName(String name) {
        return name != null
                && !name.isBlank()
                && name.strip().length() <= 120
                && name.chars().noneMatch(Character::isISOControl);
    }

    private Optional<ClaimView> write(
            String token, java.util.function.BiFunction<PaymentRow, TransactionStatus, ClaimView> work) {
        Optional<String> hash = hash(token);
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        return writes.write(status -> store.lockByToken(hash.get()).map(r -> work.apply(r, status)));
    }

    private ClaimView reload(PaymentId id) {
        return view(store.find(id).orElseThrow());
    }

    private Optional<String> hash(String token) {
        return token == null || token.length() < 20 || token.length() > 100
                ? Optional.empty()
                : Optional.of(secrets.tokenHash(token));
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
