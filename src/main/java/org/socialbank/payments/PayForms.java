package org.socialbank.payments;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Digests;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment form an agent sends to a customer's chat (issue 19, "an agent never moves money"):
 * its link carries a random token, stored only as a digest, bound to the chat account and to the
 * customer linked to it, valid for {@link #TTL}. Whoever opens it sees the form filled in and may
 * change it; the form's submission spends the token and asks for the payment with the channel
 * {@link PaymentOrder#PAY_FORM}, which the bank always holds for its step-up page (a code bound to
 * amount and payee). The payment's id is derived from the token, so a second submission replays the
 * first payment and never pays twice. A chat unlinked since, or linked to someone else, opens nothing.
 */
@Component
public class PayForms {

    /** How long an agent's payment form stays open. */
    public static final Duration TTL = Duration.ofMinutes(30);

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.math.BigDecimal AMOUNT_MAX = new java.math.BigDecimal("1000000000");

    private final JdbcClient jdbc;
    private final ChannelIdentities identities;
    private final Payments payments;
    private final Clock clock;

    PayForms(JdbcClient jdbc, ChannelIdentities identities, Payments payments, Clock clock) {
        this.jdbc = jdbc;
        this.identities = identities;
        this.payments = payments;
        this.clock = clock;
    }

    /** An open form: who pays, from which chat; {@code used} once it was submitted. */
    public record Form(IdentityId identity, CustomerId payer, Instant expiresAt, boolean used) {}

    /** A new token for the customer linked to the chat account; empty when it is not linked. */
    @Transactional
    public Optional<String> issue(IdentityId identity) {
        Optional<CustomerId> customer = identities.linkedCustomer(identity);
        if (customer.isEmpty()) {
            return Optional.empty();
        }
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM pay_form_links WHERE expires_at < ?")
                .param(Timestamps.utc(now.minus(TTL)))
                .update();
        jdbc.sql("INSERT INTO pay_form_links (token_sha256, identity_id, customer_id, issued_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(
                        digest(token),
                        identity.value(),
                        customer.get().value(),
                        Timestamps.utc(now),
                        Timestamps.utc(now.plus(TTL)))
                .update();
        return Optional.of(token);
    }

    /** The form behind a token: not expired, and its chat still linked to the same customer. */
    @Transactional(readOnly = true)
    public Optional<Form> open(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT identity_id, customer_id, expires_at, used_at FROM pay_form_links "
                        + "WHERE token_sha256 = ?")
                .param(digest(token))
                .query((rs, n) -> new Form(
                        new IdentityId(rs.getObject(1, UUID.class)),
                        new CustomerId(rs.getObject(2, UUID.class)),
                        Timestamps.instant(rs, 3),
                        rs.getObject(4) != null))
                .optional()
                .filter(f -> clock.instant().isBefore(f.expiresAt()))
                .filter(f -> identities
                        .linkedCustomer(f.identity())
                        .filter(f.payer()::equals)
                        .isPresent());
    }

    /**
     * Asks for the payment the customer submitted, spending the token: empty when the token opens
     * nothing; else the payments module's answer (held for the step-up page, or refused; a second
     * submission of the same form is a replay, of another form {@code id_reused}).
     */
    public Optional<PaymentResult> pay(String token, Alias payee, long amountMinor, CurrencyCode currency) {
        Optional<Form> form = open(token);
        if (form.isEmpty()) {
            return Optional.empty();
        }
        PaymentId id = paymentId(token);
        PaymentResult result = payments.pay(
                new PaymentOrder(id, form.get().payer(), payee, amountMinor, currency, PaymentOrder.PAY_FORM));
        jdbc.sql("UPDATE pay_form_links SET used_at = ?, payment_id = ? WHERE token_sha256 = ? AND used_at IS NULL")
                .params(Timestamps.utc(clock.instant()), id.value(), digest(token))
                .update();
        return Optional.of(result);
    }

    /** The payment a submitted form asked for, if it was submitted and the payment exists. */
    public Optional<Payment> submitted(String token) {
        return open(token).filter(Form::used).flatMap(f -> payments.payment(paymentId(token)));
    }

    /** A $tag, a phone number in international form, or an e-mail address. */
    public static Optional<Alias> payee(String raw) {
        String to = raw == null ? "" : raw.strip();
        AliasType type = to.startsWith("$")
                ? AliasType.TAG
                : to.startsWith("+") ? AliasType.PHONE : to.contains("@") ? AliasType.EMAIL : null;
        if (type == null) {
            return Optional.empty();
        }
        return Alias.tryParse(type, null, type == AliasType.TAG ? to.substring(1) : to, null) instanceof Alias.Valid v
                ? Optional.of(v.value())
                : Optional.empty();
    }

    /** A currency of money by its ISO code, any case. */
    public static Optional<CurrencyCode> currency(String raw) {
        String code = raw == null ? "" : raw.strip().toUpperCase(java.util.Locale.ROOT);
        return code.matches("[A-Z]{3}") ? CurrencyCode.find(code).filter(CurrencyCode::money) : Optional.empty();
    }

    /** "12.50" in a currency of two decimals: 1250; more decimals than the currency has, zero, or too much: empty. */
    public static Optional<Long> minor(String raw, CurrencyCode currency) {
        String text = raw == null ? "" : raw.strip().replace(',', '.');
        if (!text.matches("[0-9]{1,10}(\\.[0-9]{1,4})?")) {
            return Optional.empty();
        }
        java.math.BigDecimal amount = new java.math.BigDecimal(text);
        if (amount.signum() <= 0
                || amount.compareTo(AMOUNT_MAX) > 0
                || amount.stripTrailingZeros().scale() > currency.exponent()) {
            return Optional.empty();
        }
        return Optional.of(amount.movePointRight(currency.exponent()).longValueExact());
    }

    /** The one payment a form can ask for. */
    static PaymentId paymentId(String token) {
        return new PaymentId(UUID.nameUUIDFromBytes(("pay-form:" + digest(token)).getBytes(StandardCharsets.UTF_8)));
    }

    private static String digest(String token) {
        return HexFormat.of().formatHex(Digests.sha256(token.getBytes(StandardCharsets.UTF_8)));
    }
}
