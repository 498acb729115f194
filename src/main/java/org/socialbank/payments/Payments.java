package org.socialbank.payments;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.jdbc.JdbcPayments;
import org.socialbank.payouts.ExternalAccount;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.springframework.stereotype.Service;

/**
 * Payments by alias, for the bank's apps (over HTTP) and the chats. Every call is idempotent or
 * safe to repeat; a business "no" comes back as a value ({@link PaymentResult}, a {@link
 * PaymentRejection}), never as an exception. Outcomes that people should hear of are published as events in the transaction
 * that reached them: {@link PaymentCompleted}, {@link PaymentEscrowed}, {@link PaymentHeld},
 * {@link PaymentClaimed} and {@link PaymentReturned}.
 */
@Service
public class Payments {

    private final PayAlias pay;
    private final ClaimPayment claims;
    private final ReturnPayment returns;
    private final PaymentViews views;
    private final JdbcPayments store;
    private final PayeeLookups lookups;
    private final ClaimReceipts receipts;
    private final ClaimPayouts payouts;
    private final SettleHeldReturn settle;

    Payments(
            PayAlias pay,
            ClaimPayment claims,
            ReturnPayment returns,
            PaymentViews views,
            JdbcPayments store,
            PayeeLookups lookups,
            ClaimReceipts receipts,
            ClaimPayouts payouts,
            SettleHeldReturn settle) {
        this.settle = settle;
        this.receipts = receipts;
        this.payouts = payouts;
        this.pay = pay;
        this.claims = claims;
        this.returns = returns;
        this.views = views;
        this.store = store;
        this.lookups = lookups;
    }

    /**
     * For the chats, before an alias a customer typed is resolved to a (masked) name: takes one
     * lookup from the customer's allowance of this hour ({@code payee-lookups-per-hour}, shared by
     * every node). False when it is spent: the chat refuses instead of resolving.
     */
    public boolean takePayeeLookup(CustomerId customer) {
        return lookups.take(customer);
    }

    /**
     * Pays by alias. A recorded payment's status is {@code completed}, {@code awaiting_claim}, {@code
     * awaiting_confirmation} or {@code rejected} (with its {@link PaymentRejection}). A replay of the
     * id returns the payment as it is now; the id with other content is refused with {@link
     * PaymentRejection#ID_REUSED}, a payer who is no active customer with {@link
     * PaymentRejection#PAYER_NOT_FOUND} (and nothing is stored).
     */
    public PaymentResult pay(PaymentOrder order) {
        return pay.pay(order);
    }

    /**
     * Whether a payment would be refused if it were asked for now, and why, without writing
     * anything: for the chats, before they show a Confirm button (see {@link Precheck}).
     */
    public Precheck check(PaymentOrder order) {
        return pay.check(order);
    }

    public Optional<Payment> payment(PaymentId id) {
        return store.find(id).map(views::of);
    }

    /**
     * The payer's newest payment since {@code from} that paid nobody ({@code rejected}, {@code
     * not_confirmed}, {@code returned} or {@code return_held}; not one she cancelled): for the chats'
     * assistant, asked why a transfer failed or was declined.
     */
    public Optional<Payment> latestNotPaid(CustomerId payer, java.time.Instant from) {
        return store.latestNotPaid(payer, from).map(views::of);
    }

    /**
     * Payments the payer asked for in {@code channel} (a network's wire name, e.g. {@code telegram})
     * at or after {@code from} that were held, confirmed on the bank's page and carried out: for
     * another module's risk check of a newly linked chat, so that a confirmation of either kind
     * counts (security review #4). P2P payments only: a module that adds these to its own must not
     * also report them back ({@link org.socialbank.payments.risk.ConfirmationsElsewhere}).
     */
    public int confirmedSince(CustomerId payer, String channel, java.time.Instant from) {
        return store.confirmedSince(payer, channel, from);
    }

    /**
     * Locks the payer's row of {@code payment_payers} until the caller's transaction ends, the row
     * every P2P payment locks before its risk check reads the payer's totals: another module that
     * checks limits of its own (billing) takes the same lock first, so that one customer's payments,
     * of either kind, are decided one after the other and cannot together pass a limit that each
     * stays under (docs/payment-limits.md). Call it inside a transaction, before locking anything
     * else (a card's, the ledger's rows). A first payment of a payer inserts the row; a concurrent
     * first one fails on its key and its transaction is retried whole ({@code DurableTransactions}).
     */
    public void lockPayer(CustomerId payer) {
        store.lockPayer(payer);
    }

    /**
     * Cancels a payment that waits for a claim (the escrowed money goes back) or for the payer's
     * confirmation. A payment in any other state, or of another payer, is returned unchanged.
     *
     * @throws IllegalArgumentException when there is no such payment
     */
    public Payment cancel(PaymentId id, CustomerId by) {
        return returns.cancel(id, by);
    }

    /** The claim page's data; empty when the token is no claim's. */
    public Optional<ClaimView> claim(String token) {
        return claims.view(token);
    }

    /**
     * The claim page's data as one browser sees it ({@code browserSecret} from its cookie, null
     * when it has none): once proven by a code, only the browser that typed it may choose where
     * the money goes; others see the problem {@code other_browser}.
     */
    public Optional<ClaimView> claim(String token, String browserSecret) {
        return claims.view(token, browserSecret);
    }

    /**
     * Issue 13: the claimant's receipt once the money is in her new wallet (when, the reference, what
     * she can spend now), only for the browser that proved the claim; empty otherwise.
     */
    public Optional<ClaimReceipt> claimReceipt(String token, String browserSecret) {
        return receipts.of(token, browserSecret);
    }

    /**
     * Issue 13 (a wallet opened from a claim is no dead end): the claimant chooses a login for her
     * new wallet, from the browser that proved the claim; empty when done, else why not
     * ({@code not_proven}, {@code invalid_username}, {@code invalid_password}, {@code username_taken}).
     */
    public Optional<String> chooseClaimantSignIn(String token, String browserSecret, String username, String password) {
        return receipts.chooseSignIn(token, browserSecret, username, password);
    }

    /** Sends the code that proves a claimed phone or e-mail address, in the page's language. */
    public Optional<ClaimView> sendClaimCode(String token, Locale locale) {
        return claims.sendCode(token, locale);
    }

    /**
     * Checks a code sent to the claimed phone or e-mail; wrong ones count towards the claim's lock.
     * A right one binds the claim to the browser that typed it ({@code browserSecret}, kept in its
     * cookie).
     */
    public Optional<ClaimView> proveClaim(String token, String code, String browserSecret) {
        return claims.prove(token, code, browserSecret);
    }

    /** Takes a proven claim into a new claim-only wallet of the claimant's, from the proving browser. */
    public Optional<ClaimView> claimToWallet(
            String token, String displayName, Language language, String browserSecret) {
        return claims.toWallet(token, displayName, language, browserSecret);
    }

    /**
     * Pays a proven claim out to the claimant's account at another bank; the payment is {@code
     * paying_out} until the payout settles ({@code completed}) or fails ({@code returned}).
     */
    public Optional<ClaimView> claimToAccount(
            String token, ExternalAccount account, String beneficiaryName, String browserSecret) {
        return claims.toAccount(token, account, beneficiaryName, browserSecret);
    }

    /**
     * For the chats: a message that {@link #looksLikeClaimCode looks like a claim code} arrived
     * from a network account. Returns whether it proved a claim (the claimant then finishes on
     * the claim page).
     */
    public boolean claimByNetworkCode(String code, Network network, String externalUserId, String handle) {
        return claims.proveByNetworkCode(code, network, externalUserId, handle);
    }

    /**
     * Whether a claim of this alias is bound to the account id its network resolved at payment
     * (X handles): then neither claim links nor claim proofs ever follow a handle a message reported.
     */
    public static boolean claimsBoundToAccountId(org.socialbank.directory.Alias payee) {
        return ClaimGuards.boundById(payee);
    }

    /** Whether a chat message is a claim code, e.g. {@code CLAIM-7K3Q9X}: "CLAIM-" and six letters or digits. */
    public static boolean looksLikeClaimCode(String text) {
        return ClaimSecrets.looksLikeNetworkCode(text);
    }

    /** Returns unclaimed payments past their expiry (the janitor does this on a schedule); returns how many. */
    public int returnExpired(int limit) {
        return returns.expireDue(limit);
    }

    /**
     * Payments whose failed payout's money the payer's account refused back ({@code return_held}),
     * the oldest first, at most {@code limit}: for operations (review 2026-12-07 money #7).
     */
    public List<Payment> heldReturns(int limit) {
        return store.heldReturns(limit).stream().map(views::of).toList();
    }

    /** Offers due held returns to the payers' accounts again (the janitor does this on a schedule); returns how many went back. */
    public int retryHeldReturns(int limit) {
        return payouts.retryHeld(limit);
    }

    /**
     * For operations: settles a held return by hand (review 2026-12-07 money follow-up), moving its
     * money from the settlement account to another open account the payer holds in its currency;
     * the payment becomes {@code returned} ({@link SettleResult.Settlement#CODE}) and {@link
     * HeldReturnSettled} tells the payer. Idempotent by the order's key; a "no" is a {@link
     * SettleResult.Refused} with its {@link SettleRefusal}.
     */
    public SettleResult settleHeldReturn(SettleHeldReturnOrder order) {
        return settle.settle(order);
    }
}
