package org.socialbank.billing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.directory.DirectoryProperties;
import org.socialbank.security.otp.OneTimeCodes;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * PIN vouchers (issue 15 s2): the PIN is a bearer secret. Once a voucher top-up is completed the
 * worker fetches its PIN from the operator (outside any transaction), seals it (AES-GCM, a key
 * derived from the configured pepper, the top-up's id as associated data) under a one-time link
 * kept as a hash, and {@link VoucherReady} tells the chat where to read it. The bank's page shows
 * it once and erases it. Never in a chat, an event or a log. A voucher whose PIN does not come is
 * asked again, after the never-asked ones and the longest unasked (so it never blocks newer ones);
 * {@code voucher-pin-wait} after the first ask it is reported once ({@link
 * PaymentInDoubt.Reason#PIN_NOT_GIVEN}: a line at ERROR with ids only, a row in {@link
 * PaymentsInDoubt}, the chat told the PIN is delayed) and still asked (review 2026-12-07 billing
 * follow-up).
 */
@Service
public class PinVouchers {

    private static final Logger log = LoggerFactory.getLogger(PinVouchers.class);

    private final JdbcClient jdbc;
    private final MobileOperator operator;
    private final JdbcTopUps topUps;
    private final OneTimeCodes codes;
    private final DirectoryProperties pages;
    private final BillingProperties properties;
    private final ApplicationEventPublisher events;
    private final DurableTransactions writes;
    private final Clock clock;
    private final SecretKeySpec key;
    private final PaymentsInDoubt inDoubt;

    PinVouchers(
            JdbcClient jdbc,
            MobileOperator operator,
            JdbcTopUps topUps,
            OneTimeCodes codes,
            DirectoryProperties pages,
            BillingProperties properties,
            ApplicationEventPublisher events,
            DurableTransactions writes,
            Clock clock,
            PaymentsInDoubt inDoubt) {
        this.inDoubt = inDoubt;
        this.jdbc = jdbc;
        this.operator = operator;
        this.topUps = topUps;
        this.codes = codes;
        this.pages = pages;
        this.properties = properties;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
        this.key = new SecretKeySpec(codes.deriveKey("billing voucher pin"), "AES");
    }

    /** A voucher as its page shows it before (and after) the PIN is read; never the PIN. */
    public record VoucherView(String phoneE164, String operator, long amountMinor, String currency, boolean shown) {}

    /** Seals the PINs of completed voucher top-ups, one operator call each, outside any transaction. */
    @Scheduled(
            fixedDelayString = "${socialbank.billing.worker-interval:1s}",
            initialDelayString = "${socialbank.billing.worker-interval:1s}")
    public void collect() {
        try {
            for (Sold sold : sold()) {
                Optional<String> pin = pin(sold.id());
                writes.write(tx -> {
                    if (pin.isPresent()) {
                        keep(sold.id(), pin.get());
                    } else {
                        notGiven(sold);
                    }
                    return null;
                });
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Collecting voucher PINs failed; will try again: {}",
                    e.getClass().getName());
        }
    }

    /** What the page shows for a link, or empty for an unknown link. */
    public Optional<VoucherView> view(String token) {
        return find(token).map(Found::view);
    }

    /** The PIN, once: the first call erases it; empty after that or for an unknown link. */
    public Optional<String> reveal(String token) {
        return writes.write(tx -> {
            Optional<Found> found = jdbc.sql(
                            "SELECT topup_id, pin_sealed FROM billing_vouchers WHERE token_hash = ? " + "FOR UPDATE")
                    .param(codes.hashToken(token))
                    .query((rs, n) -> new Found(
                            new TopUpId(rs.getObject("topup_id", UUID.class)), rs.getString("pin_sealed"), null))
                    .optional();
            if (found.isEmpty() || found.get().sealed() == null) {
                return Optional.<String>empty();
            }
            jdbc.sql("UPDATE billing_vouchers SET pin_sealed = NULL, shown_at = ? WHERE topup_id = ?")
                    .params(Timestamps.utc(clock.instant()), found.get().id().value())
                    .update();
            return Optional.of(open(found.get().sealed(), found.get().id()));
        });
    }

    private record Found(TopUpId id, String sealed, VoucherView view) {}

    private Optional<Found> find(String token) {
        return jdbc.sql("SELECT v.topup_id, v.pin_sealed, t.phone, t.operator, t.amount_minor, t.currency "
                        + "FROM billing_vouchers v JOIN billing_topups t ON t.id = v.topup_id WHERE v.token_hash = ?")
                .param(codes.hashToken(token))
                .query((rs, n) -> new Found(
                        new TopUpId(rs.getObject("topup_id", UUID.class)),
                        rs.getString("pin_sealed"),
                        new VoucherView(
                                rs.getString("phone"),
                                rs.getString("operator"),
                                rs.getLong("amount_minor"),
                                rs.getString("currency").trim(),
                                rs.getString("pin_sealed") == null)))
                .optional();
    }

    /** A completed voucher without its PIN yet; {@code firstAskedAt} null before the operator was asked. */
    private record Sold(TopUpId id, Instant firstAskedAt) {}

    /** Completed vouchers without a PIN: the never-asked first (oldest first), then the longest unasked. */
    private List<Sold> sold() {
        return jdbc.sql("SELECT t.id, t.pin_first_asked_at FROM billing_topups t WHERE t.kind = 'voucher' "
                        + "AND t.status = 'COMPLETED' "
                        + "AND NOT EXISTS (SELECT 1 FROM billing_vouchers v WHERE v.topup_id = t.id) "
                        + "ORDER BY CASE WHEN t.pin_asked_at IS NULL THEN 0 ELSE 1 END, t.pin_asked_at, t.updated_at, "
                        + "t.id LIMIT ?")
                .param(properties.batchMax())
                .query((rs, n) -> new Sold(
                        new TopUpId(rs.getObject(1, UUID.class)), Timestamps.instant(rs, "pin_first_asked_at")))
                .list();
    }

    /**
     * The operator gave no PIN this time: the attempt is counted; {@code voucher-pin-wait} after the
     * first, the voucher is reported once (the customer was charged and has no PIN).
     */
    private void notGiven(Sold sold) {
        Instant now = Microseconds.now(clock);
        jdbc.sql("UPDATE billing_topups SET pin_attempts = pin_attempts + 1, "
                        + "pin_first_asked_at = COALESCE(pin_first_asked_at, ?), pin_asked_at = ? WHERE id = ?")
                .params(Timestamps.utc(now), Timestamps.utc(now), sold.id().value())
                .update();
        Instant since = sold.firstAskedAt() == null ? now : sold.firstAskedAt();
        if (since.plus(properties.voucherPinWait()).isAfter(now)) {
            return;
        }
        JdbcTopUps.Row topUp = topUps.lock(sold.id()).orElseThrow();
        if (!inDoubt.recordOnce(sold.id().value(), PaymentInDoubt.Reason.PIN_NOT_GIVEN, "top-ups", topUp, now)) {
            return;
        }
        log.error(
                "Voucher top-up {} (transfer {}): the operator completed it but gave no PIN since {}; "
                        + "operations to follow it up",
                sold.id().value(),
                topUp.transferId(),
                since);
        events.publishEvent(new PaymentInDoubt(
                sold.id().value(),
                topUp.customer(),
                topUp.payee(),
                topUp.amountMinor(),
                topUp.currency().code(),
                PaymentInDoubt.Reason.PIN_NOT_GIVEN));
    }

    private Optional<String> pin(TopUpId id) {
        return Settlements.lookUp(
                        log,
                        "The operator failed to give a voucher's PIN: {}",
                        () -> operator.voucherPin(id),
                        Optional.<String>empty())
                .filter(p -> !p.isBlank() && p.length() <= 64);
    }

    private void keep(TopUpId id, String pin) {
        JdbcTopUps.Row topUp = topUps.find(id).orElseThrow();
        String token = codes.randomToken();
        int inserted = jdbc.sql(
                        "INSERT INTO billing_vouchers (topup_id, customer_id, token_hash, pin_sealed, created_at) "
                                + "SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM billing_vouchers WHERE topup_id = ?)")
                .params(
                        id.value(),
                        topUp.customer().value(),
                        codes.hashToken(token),
                        seal(pin, id),
                        Timestamps.utc(clock.instant()),
                        id.value())
                .update();
        if (inserted == 1) {
            events.publishEvent(new VoucherReady(
                    id,
                    topUp.customer(),
                    topUp.phone(),
                    topUp.operator(),
                    topUp.amountMinor(),
                    topUp.currency().code(),
                    pages.url("/vouchers/" + token)));
        }
    }

    private String seal(String pin, TopUpId id) {
        return Sealed.seal(
                key, id.value().toString().getBytes(StandardCharsets.US_ASCII), pin.getBytes(StandardCharsets.UTF_8));
    }

    private String open(String sealed, TopUpId id) {
        return new String(
                Sealed.open(key, id.value().toString().getBytes(StandardCharsets.US_ASCII), sealed),
                StandardCharsets.UTF_8);
    }
}
