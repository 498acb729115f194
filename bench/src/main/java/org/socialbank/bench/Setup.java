package org.socialbank.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Creates the accounts the workers move money between: one bank equity account, which may go
 * negative, and N customer wallets that may not, each funded once from the equity account.
 */
final class Setup {
  /** Large enough that random small transfers never exhaust a wallet during a run. */
  static final long FUNDING_AMOUNT_MINOR = 1_000_000_000L;
  private static final List<String> WALLET_FLAGS = List.of("debits_must_not_exceed_credits");

  private final Api api;
  private final String currency;

  Setup(Api api, String currency) {
    this.api = api;
    this.currency = currency;
  }

  /** Returns the ids of the funded wallets; any non-2xx answer stops the run. */
  List<UUID> fundedWallets(int walletCount) throws IOException, InterruptedException {
    UUID equity = UUID.randomUUID();
    expectCreated("account " + equity,
        api.createAccount(equity, currency, "bank_equity", List.of()));
    List<UUID> wallets = new ArrayList<>(walletCount);
    for (int i = 0; i < walletCount; i++) {
      UUID wallet = UUID.randomUUID();
      expectCreated("wallet " + wallet,
          api.createAccount(wallet, currency, "customer_wallet", WALLET_FLAGS));
      expectCreated("funding of " + wallet,
          api.createTransfer(UUID.randomUUID(), equity, wallet, FUNDING_AMOUNT_MINOR, currency));
      wallets.add(wallet);
    }
    return List.copyOf(wallets);
  }

  private static void expectCreated(String what, Api.Response response) {
    if (!response.created()) {
      throw new IllegalStateException("setup: " + what + " answered HTTP " + response.status()
          + ": " + abbreviated(response.body()));
    }
  }

  private static String abbreviated(String body) {
    int lengthMax = 500;
    return body.length() <= lengthMax ? body : body.substring(0, lengthMax) + "...";
  }
}
