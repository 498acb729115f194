package org.socialbank.payments;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.HandleHolders;
import org.socialbank.payments.jdbc.JdbcClaimGuards;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.Network;
import org.socialbank.shared.jdbc.Retention;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Who may prove a claim of a network handle, and who may no longer try (security review #1 and
 * #16). On a network whose messages only report a handle (X), the claim is bound to the account
 * id the network itself answered for the handle when the payment was made, and only that id
 * proves it; on WeChat and WhatsApp the "handle" is the account id; on Telegram and Bale, whose
 * webhook reports the sender's current username, the handle. Ids are compared only with ids and
 * handles only with handles. Claim codes that prove nothing are counted per sending account in
 * the database, which locks that account out for a while on every node.
 */
@Component
class ClaimGuards {

    /** Networks whose claims are bound to the account id the network resolved for the handle. */
    static final Set<Network> BOUND_BY_ID = Set.of(Network.X);
    /** Networks whose handle alias is the account id itself. */
    static final Set<Network> HANDLE_IS_ID = Set.of(Network.WECHAT, Network.WHATSAPP);

    private static final Logger log = LoggerFactory.getLogger(ClaimGuards.class);
    private static final int PURGE_BATCH_MAX = 1_000;

    /**
     * Handle lookups the network did not answer (X throttled or failed): the directory's word then
     * stands unchecked, so a rise here is worth a look (reread 2026-12-08 directory #3).
     */
    static final String UNKNOWN_HOLDERS = "socialbank.payments.handle.holder.unknown";

    /** Whether a message from an account proves a claim of the paid handle. */
    enum Sender {
        PAYEE,
        SOMEONE_ELSE,
        UNKNOWN_YET
    }

    private final Map<Network, HandleHolders> holders;
    private final JdbcClaimGuards store;
    private final PaymentsProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    ClaimGuards(
            ObjectProvider<HandleHolders> holders,
            JdbcClaimGuards store,
            PaymentsProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.meters = meters;
        this.holders = holders.orderedStream()
                .collect(Collectors.toMap(HandleHolders::network, Function.identity(), (first, second) -> first));
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether a payment to this alias is bound to an account id the network must resolve. */
    static boolean boundById(Alias payee) {
        return payee.type() == AliasType.HANDLE && BOUND_BY_ID.contains(payee.network());
    }

    /**
     * Asks the payee's network who holds the handle now; {@code Unknown} when no channel of this
     * node answers for that network. Makes a call to the network: never inside a transaction.
     */
    HandleHolders.Holder resolve(Alias payee) {
        HandleHolders network = holders.get(payee.network());
        HandleHolders.Holder holder = network == null
                ? new HandleHolders.Unknown("no " + payee.network().wireName() + " channel on this node")
                : network.holder(payee.value());
        if (holder instanceof HandleHolders.Unknown unknown) {
            Counter.builder(UNKNOWN_HOLDERS)
                    .description("Handle holder lookups the network did not answer; the directory's word stood")
                    .tag("network", payee.network().wireName())
                    .register(meters)
                    .increment();
            log.info("Who holds {} is not known now: {}", payee.display(), unknown.reason());
        }
        return holder;
    }

    /** Binds an unclaimed payment to the account that held its handle; in the payment's transaction. */
    void bind(PaymentId payment, Network network, String externalId) {
        store.insertHolder(payment, network, externalId, now());
    }

    /** The account id a payment's claim is bound to, if any. */
    Optional<String> holder(PaymentId payment, Network network) {
        return store.holder(payment).filter(h -> h.network() == network).map(JdbcClaimGuards.Holder::externalId);
    }

    /**
     * Whether the account that sent a message is the paid handle's.
     *
     * @param bound the account id the claim is bound to (networks bound by id), else empty
     */
    static Sender sender(Alias payee, Network network, String externalUserId, String handle, Optional<String> bound) {
        if (payee.type() != AliasType.HANDLE || payee.network() != network) {
            return Sender.SOMEONE_ELSE;
        }
        if (BOUND_BY_ID.contains(network)) {
            return bound.isEmpty()
                    ? Sender.UNKNOWN_YET
                    : bound.get().equals(externalUserId) ? Sender.PAYEE : Sender.SOMEONE_ELSE;
        }
        String candidate = HANDLE_IS_ID.contains(network) ? externalUserId : handle;
        // not a handle of this network: not the sender we look for
        return candidate != null
                        && Alias.tryParse(AliasType.HANDLE, network, candidate, null)
                                .alias()
                                .filter(payee::equals)
                                .isPresent()
                ? Sender.PAYEE
                : Sender.SOMEONE_ELSE;
    }

    /** Whether this account sent too many claim codes that proved nothing lately. */
    boolean lockedOut(Network channel, String externalUserId) {
        int max = properties.claimCodeSenderFailuresMax();
        return store.failuresSince(channel, externalUserId, now().minus(properties.claimCodeSenderWindow()), max)
                >= max;
    }

    /** Counts a claim code from this account that proved nothing. */
    void failed(Network channel, String externalUserId) {
        store.insertFailure(channel, externalUserId, now());
    }

    /** Failures older than the window count for nothing: deleted hourly, in bounded batches. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
    int purge() {
        Instant before = now().minus(properties.claimCodeSenderWindow()).minus(Duration.ofMinutes(1));
        return Retention.deleteInBatches(() -> store.deleteFailuresBefore(before, PURGE_BATCH_MAX), PURGE_BATCH_MAX);
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
