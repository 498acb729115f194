package org.socialbank.payments;

import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.directory.DirectoryResult;
import org.socialbank.directory.NewCustomer;
import org.socialbank.ledger.Account;
import org.socialbank.ledger.Ledger;
import org.socialbank.payments.jdbc.JdbcPayments;
import org.socialbank.payments.jdbc.PaymentRow;
import org.springframework.stereotype.Component;

/** The claimant's receipt of a payment claimed into a wallet, for the browser that proved the claim. */
@Component
class ClaimReceipts {

    private final JdbcPayments store;
    private final ClaimSecrets secrets;
    private final Directory directory;
    private final Ledger ledger;

    ClaimReceipts(JdbcPayments store, ClaimSecrets secrets, Directory directory, Ledger ledger) {
        this.store = store;
        this.secrets = secrets;
        this.directory = directory;
        this.ledger = ledger;
    }

    Optional<ClaimReceipt> of(String token, String browserSecret) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return store.findByToken(secrets.tokenHash(token))
                .filter(r -> r.status() == PaymentStatus.COMPLETED && r.claim().claimant() != null)
                .filter(r -> store.boundBrowser(r.id())
                        .filter(ClaimPayment.browserHash(browserSecret)::equals)
                        .isPresent())
                .flatMap(this::receipt);
    }

    /**
     * Issue 13 (a wallet opened from a claim is no dead end): the claimant chooses a login on the
     * page, from the browser that proved the claim; empty when done, else why not
     * ({@code not_proven}, {@code invalid_username}, {@code invalid_password}, {@code username_taken}).
     */
    Optional<String> chooseSignIn(String token, String browserSecret, String username, String password) {
        Optional<ClaimReceipt> receipt = of(token, browserSecret);
        if (receipt.isEmpty()) {
            return Optional.of("not_proven");
        }
        Optional<String> problem = NewCustomer.signInProblem(username, password);
        if (problem.isPresent()) {
            return problem;
        }
        CustomerId claimant = store.findByToken(secrets.tokenHash(token))
                .orElseThrow()
                .claim()
                .claimant();
        return directory.chooseSignIn(claimant, username, password) instanceof DirectoryResult.Done
                ? Optional.empty()
                : Optional.of("username_taken");
    }

    private Optional<ClaimReceipt> receipt(PaymentRow r) {
        String username = directory
                .customer(r.claim().claimant())
                .map(v -> v.customer().username())
                .orElse(null);
        return directory
                .primaryAccount(r.claim().claimant(), r.currency().code())
                .flatMap(ledger::account)
                .map(Account::availableMinor)
                .map(available ->
                        new ClaimReceipt(r.id(), r.updatedAt(), r.amountMinor(), available, r.currency(), username));
    }
}
