package org.socialbank.payments.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialbank.payments.web.PaymentFixtures.pay;
import static org.socialbank.payments.web.PaymentFixtures.phone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.socialbank.directory.KycLevel;
import org.socialbank.ledger.AccountStatus;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.StatusResult;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.payments.PaymentEscrowed;
import org.socialbank.payments.PaymentId;
import org.socialbank.payments.PaymentStatus;
import org.socialbank.payments.web.PaymentFixtures.Person;
import org.socialbank.payouts.ExternalAccount;
import org.socialbank.payouts.sandbox.SandboxRail;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.support.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the claims' tests and the held returns' tests share: claims paid out through the sandbox
 * rail, and a claim whose payout fails while the payer's account refuses its money back
 * ({@code return_held}).
 */
abstract class HeldReturnsTestBase extends PaymentsTestBase {

    @Autowired
    SandboxRail rail;

    String claimUrl(Person payer, String payeeJson, long amountMinor) {
        Response paid = api.post("/api/v1/payments", pay(UUID.randomUUID(), payer.id(), payeeJson, amountMinor, "api"));
        assertThat(status(paid)).as(paid.toString()).isEqualTo("awaiting_claim");
        return paid.json().path("claimUrl").asString();
    }

    String paymentIdOf(String claimUrl) {
        return events.stream(PaymentEscrowed.class)
                .filter(e -> e.claimUrl().equals(claimUrl))
                .findFirst()
                .orElseThrow()
                .paymentId()
                .toString();
    }

    boolean advanced(boolean done) {
        clock.advance(Duration.ofSeconds(2));
        return done;
    }

    /**
     * A claim of {@code alice}'s 3,000 paid out to {@code payee}, whose payout fails after {@code
     * meanwhile} ran: the payment once it is {@code return_held}, and its claim link.
     */
    Held heldReturn(Person alice, String payee, Runnable meanwhile) {
        String failing = PaymentFixtures.freshPhone();
        String url = claimUrl(alice, phone(failing), 3_000);
        PaymentId id = new PaymentId(UUID.fromString(paymentIdOf(url)));
        payments.sendClaimCode(token(url), java.util.Locale.ENGLISH);
        payments.proveClaim(token(url), sms.lastCode(failing), "browser-a");
        // the rail loses the first send, so the payout fails only once the clock moves: time to freeze.
        // The troubles are bound to this test's own payee: the rail is shared with other tests' payouts,
        // and one of them still in flight once took a trouble queued for any account (CI, session 27)
        rail.troubleNextTo(payee, SandboxRail.Trouble.LOSE);
        rail.troubleNextTo(payee, SandboxRail.Trouble.FAIL);
        payments.claimToAccount(token(url), ExternalAccount.parse(payee).orElseThrow(), "Eve Fail", "browser-a");
        eventually(() -> rail.troublesQueued(payee) == 1, "payout sent and lost");
        meanwhile.run();
        eventually(
                () -> advanced(payments.payment(id).orElseThrow().status() == PaymentStatus.RETURN_HELD),
                "payout failed, return held");
        return new Held(id, url);
    }

    record Held(PaymentId id, String claimUrl) {}

    void changeStatus(Person person, AccountStatus status) {
        assertThat(ledger.changeStatus(person.wallet(), status)).isInstanceOf(StatusResult.Changed.class);
    }

    /** Empties the payer's wallet (what is left after her 3,000 were paid: 7,000) and closes it for good. */
    void close(Person payer) {
        assertThat(ledger.transfer(NewTransfer.posted(
                        new TransferId(UUID.randomUUID()),
                        payer.wallet(),
                        fixtures.customer("Bob Keeper", KycLevel.FULL, 0).wallet(),
                        7_000,
                        CurrencyCode.of("EUR"),
                        "p2p")))
                .isInstanceOf(TransferResult.Posted.class);
        changeStatus(payer, AccountStatus.CLOSED);
    }

    /** When the held return is next offered back; null when never. */
    java.time.Instant nextReturnTry(PaymentId id) {
        return jdbc.sql("SELECT return_retry_at FROM payments WHERE id = ?")
                .param(id.value())
                .query((rs, n) -> org.socialbank.shared.jdbc.Timestamps.instant(rs, 1))
                .list()
                .get(0);
    }

    List<String> heldIds() {
        Response held = api.get("/api/v1/payments/return-held");
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        held.json().path("payments").forEach(p -> {
            assertThat(p.path("status").asString()).isEqualTo("return_held");
            ids.add(p.path("id").asString());
        });
        return ids;
    }
}
