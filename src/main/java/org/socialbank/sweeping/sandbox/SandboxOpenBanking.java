package org.socialbank.sweeping.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.UUID;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.ProviderAnswer;
import org.socialbank.sweeping.ExternalAccount;
import org.socialbank.sweeping.OpenBanking;
import org.socialbank.sweeping.PullId;
import org.socialbank.sweeping.PullOrder;

/**
 * The embedded open-banking provider. Every bank (a name of a-z, 0-9 and dashes) holds, for every
 * customer, one account per currency of {@link #CURRENCIES}, named {@code BANK-xxxxxxxx-CUR};
 * its opening balance derives from its name (1,000.00 to 9,999.99), so demos and tests see the
 * same numbers. Pulls are idempotent by id, refused over the balance, over the consent's maximum
 * per payment or after its expiry; the next pulls can be made to fail, time out (Unknown, nothing
 * moved) or get lost (Unknown, but the money moved).
 */
public class SandboxOpenBanking implements OpenBanking {

    public static final List<String> CURRENCIES = List.of("EUR", "GBP", "CNY", "RUB", "IRR");

    /** What the next pull does instead of its normal course. */
    public enum Mishap {
        FAIL,
        TIME_OUT,
        LOSE
    }

    private final Clock clock;
    private final Map<String, Long> balances = new HashMap<>();
    private final Map<PullId, ProviderAnswer> pulls = new HashMap<>();
    private final Queue<Mishap> mishaps = new ArrayDeque<>();
    private int pullCalls;

    public SandboxOpenBanking(Clock clock) {
        this.clock = clock;
    }

    /** The account name the sandbox gives the holder at the bank in the currency. */
    public static String accountRef(String bank, String holderRef, String currency) {
        String hash = UUID.nameUUIDFromBytes(holderRef.getBytes(StandardCharsets.UTF_8))
                .toString()
                .substring(0, 8);
        return bank.toUpperCase(Locale.ROOT) + "-" + hash + "-" + currency;
    }

    @Override
    public List<ExternalAccount> accounts(String bank, String holderRef) {
        if (bank == null || !bank.matches("[a-z0-9-]{1,32}") || holderRef == null) {
            return List.of();
        }
        return CURRENCIES.stream()
                .map(c -> new ExternalAccount(bank, accountRef(bank, holderRef, c), bank + " " + c, CurrencyCode.of(c)))
                .toList();
    }

    @Override
    public synchronized OptionalLong balance(String bank, String accountRef) {
        return OptionalLong.of(balanceOf(accountRef));
    }

    @Override
    public synchronized ProviderAnswer pull(PullOrder order) {
        pullCalls++;
        ProviderAnswer done = pulls.get(order.id());
        if (done != null) {
            return done;
        }
        Mishap mishap = mishaps.poll();
        if (mishap == Mishap.TIME_OUT) {
            return new ProviderAnswer.Unknown("timeout");
        }
        ProviderAnswer answer = mishap == Mishap.FAIL ? new ProviderAnswer.Failed("bank_refused") : decide(order);
        pulls.put(order.id(), answer);
        return mishap == Mishap.LOSE ? new ProviderAnswer.Unknown("timeout") : answer;
    }

    private ProviderAnswer decide(PullOrder order) {
        if (order.amountMinor() > order.maxPaymentMinor()) {
            return new ProviderAnswer.Failed("over_consent_limit");
        }
        if (!clock.instant().isBefore(order.consentExpiresAt())) {
            return new ProviderAnswer.Failed("consent_expired");
        }
        long balance = balanceOf(order.accountRef());
        if (order.amountMinor() > balance) {
            return new ProviderAnswer.Failed("insufficient_funds");
        }
        balances.put(order.accountRef(), balance - order.amountMinor());
        return new ProviderAnswer.Succeeded(
                "SBX-" + order.id().value().toString().substring(0, 8));
    }

    @Override
    public synchronized ProviderAnswer status(PullId id) {
        ProviderAnswer answer = pulls.get(id);
        return answer == null ? new ProviderAnswer.Failed(ProviderAnswer.NOT_RECEIVED) : answer;
    }

    /** The account's balance now: its opening balance less what was pulled, unless set. */
    public synchronized long balanceOf(String accountRef) {
        return balances.computeIfAbsent(accountRef, SandboxOpenBanking::opening);
    }

    public synchronized void setBalance(String accountRef, long minor) {
        balances.put(accountRef, minor);
    }

    /** The next {@code count} pulls go wrong this way, in order. */
    public synchronized void next(Mishap mishap, int count) {
        for (int i = 0; i < count; i++) {
            mishaps.add(mishap);
        }
    }

    /** How many times a pull was asked for (replays included). */
    public synchronized int pullCalls() {
        return pullCalls;
    }

    private static long opening(String accountRef) {
        long hash = UUID.nameUUIDFromBytes(accountRef.getBytes(StandardCharsets.UTF_8))
                .getLeastSignificantBits();
        return 100_000 + Math.floorMod(hash, 900_000L);
    }
}
