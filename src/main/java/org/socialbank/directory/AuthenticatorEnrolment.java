package org.socialbank.directory;

import java.util.Optional;
import java.util.function.Supplier;
import org.socialbank.directory.challenges.Authenticators;
import org.socialbank.directory.jdbc.JdbcDirectory;
import org.socialbank.directory.jdbc.JdbcLinking;
import org.socialbank.directory.jdbc.JdbcLinking.Token;
import org.socialbank.directory.jdbc.TokenState;
import org.socialbank.shared.Digits;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.stereotype.Service;

/**
 * Right after linking, from the browser that did it, and only while the customer has none: setting
 * up an authenticator app (the QR code, then its first code). The link's page hands that browser a
 * one-time enrolment secret ({@link LinkStep.Linked#browserSecret()}); the first right code
 * spends it.
 */
@Service
public class AuthenticatorEnrolment {

    private final JdbcLinking store;
    private final JdbcDirectory directory;
    private final LinkTokens tokens;
    private final Authenticators authenticators;
    private final DurableTransactions writes;

    AuthenticatorEnrolment(
            JdbcLinking store,
            JdbcDirectory directory,
            LinkTokens tokens,
            Authenticators authenticators,
            DurableTransactions writes) {
        this.store = store;
        this.directory = directory;
        this.tokens = tokens;
        this.authenticators = authenticators;
        this.writes = writes;
    }

    /** Starts setting up an authenticator app: its secret as a QR code and as text. */
    public LinkStep begin(String token, String browserSecret) {
        return write(() -> enrollable(token, browserSecret)
                .map(t -> enrol(t.customerId(), false))
                .orElse(new LinkStep.Invalid()));
    }

    /** Activates the authenticator app with its first code; a wrong code shows a new secret. */
    public LinkStep confirm(String token, String browserSecret, String code) {
        return write(() -> enrollable(token, browserSecret)
                .map(t -> {
                    if (authenticators.confirm(
                            t.customerId(), Digits.toAscii(code).replaceAll("\\s", ""))) {
                        store.setBrowser(t.hash(), null);
                        return (LinkStep) new LinkStep.Enrolled();
                    }
                    return enrol(t.customerId(), true);
                })
                .orElse(new LinkStep.Invalid()));
    }

    private LinkStep enrol(CustomerId customer, boolean wrongCode) {
        Authenticators.Enrolment e = authenticators.begin(customer, label(customer));
        return new LinkStep.Enrol(e.qrSvg(), e.secretBase32(), wrongCode);
    }

    private String label(CustomerId customer) {
        Customer c = directory.findCustomer(customer).orElseThrow();
        return c.username() != null ? c.username() : MaskedName.of(c.displayName());
    }

    private Optional<Token> enrollable(String token, String browserSecret) {
        return tokens.current(token)
                .filter(t -> LinkTokens.is(t, LinkTokens.PURPOSE_LINK, TokenState.DONE))
                .filter(t -> tokens.boundTo(t, browserSecret))
                .filter(t -> !authenticators.active(t.customerId()));
    }

    private <T> T write(Supplier<T> work) {
        return writes.write(status -> work.get());
    }
}
