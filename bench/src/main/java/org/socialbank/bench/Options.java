package org.socialbank.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Command-line flags of the load generator. Every value is checked here, before any request
 * is sent: a bad flag stops the run with a clear message instead of being clamped.
 */
record Options(
    URI baseUrl,
    String token,
    int concurrency,
    int durationSeconds,
    int warmupSeconds,
    int accounts,
    String currency,
    long seed,
    boolean outputJson,
    Path setupOnly) {

  static final String USAGE = String.join("\n",
      "usage: java -jar socialbank-bench.jar [flags]",
      "  --url URL                 server base URL (default http://127.0.0.1:8080)",
      "  --token T                 bearer token (default: env SOCIALBANK_API_TOKEN)",
      "  --concurrency N           worker threads, 1.." + Limits.CONCURRENCY_MAX + " (default 32)",
      "  --duration-seconds S      measured time, 1.." + Limits.DURATION_SECONDS_MAX
          + " (default 30)",
      "  --warmup-seconds S        unmeasured time before it, 0.." + Limits.WARMUP_SECONDS_MAX
          + " (default 5)",
      "  --accounts N              customer wallets, 2.." + Limits.ACCOUNTS_MAX + " (default 100)",
      "  --currency CUR            ISO 4217 code (default EUR)",
      "  --seed N                  seed for the choice of wallets and amounts (default 1)",
      "  --output text|json        summary format (default text; json is one line)",
      "  --setup-only FILE         only create and fund the wallets, write their ids to FILE",
      "                            (one per line) and exit: for a lighter client such as wrk");

  private static final Set<String> FLAGS = Set.of(
      "--url", "--token", "--concurrency", "--duration-seconds", "--warmup-seconds",
      "--accounts", "--currency", "--seed", "--output", "--setup-only");

  /** Upper bounds of the flags; they keep a typo from starting an hour-long run. */
  static final class Limits {
    static final int CONCURRENCY_MAX = 4096;
    static final int DURATION_SECONDS_MAX = 3600;
    static final int WARMUP_SECONDS_MAX = 600;
    static final int ACCOUNTS_MAX = 100_000;

    private Limits() {
    }
  }

  static Options parse(String[] args, Map<String, String> env) {
    Map<String, String> flags = flagsOf(args);
    String token = flags.getOrDefault("--token", env.get("SOCIALBANK_API_TOKEN"));
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("no token: pass --token or set SOCIALBANK_API_TOKEN");
    }
    return new Options(
        urlOf(flags.getOrDefault("--url", "http://127.0.0.1:8080")),
        token,
        intOf(flags, "--concurrency", 32, 1, Limits.CONCURRENCY_MAX),
        intOf(flags, "--duration-seconds", 30, 1, Limits.DURATION_SECONDS_MAX),
        intOf(flags, "--warmup-seconds", 5, 0, Limits.WARMUP_SECONDS_MAX),
        intOf(flags, "--accounts", 100, 2, Limits.ACCOUNTS_MAX),
        currencyOf(flags.getOrDefault("--currency", "EUR")),
        longOf(flags, "--seed", 1),
        outputJsonOf(flags.getOrDefault("--output", "text")),
        flags.containsKey("--setup-only") ? Path.of(flags.get("--setup-only")) : null);
  }

  private static Map<String, String> flagsOf(String[] args) {
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("every flag takes one value: " + String.join(" ", args));
    }
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!FLAGS.contains(args[i])) {
        throw new IllegalArgumentException("unknown flag: " + args[i]);
      }
      if (flags.put(args[i], args[i + 1]) != null) {
        throw new IllegalArgumentException("flag given twice: " + args[i]);
      }
    }
    return flags;
  }

  private static URI urlOf(String text) {
    URI url = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    boolean http = "http".equals(url.getScheme()) || "https".equals(url.getScheme());
    if (!http || url.getHost() == null) {
      throw new IllegalArgumentException("--url must be http(s)://host[:port]: " + text);
    }
    return url;
  }

  private static int intOf(Map<String, String> flags, String flag, int fallback, int min, int max) {
    long value = longOf(flags, flag, fallback);
    if (value < min || value > max) {
      throw new IllegalArgumentException(flag + " must be in " + min + ".." + max + ": " + value);
    }
    return (int) value;
  }

  private static long longOf(Map<String, String> flags, String flag, long fallback) {
    String text = flags.get(flag);
    if (text == null) {
      return fallback;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " is not an integer: " + text, e);
    }
  }

  private static String currencyOf(String text) {
    if (!text.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("--currency must be three capital letters: " + text);
    }
    return text;
  }

  private static boolean outputJsonOf(String text) {
    if (!"text".equals(text) && !"json".equals(text)) {
      throw new IllegalArgumentException("--output must be text or json: " + text);
    }
    return "json".equals(text);
  }

  /** Hides the token, so that printing the options never leaks it into a log. */
  @Override
  public String toString() {
    return "Options[url=" + baseUrl + ", concurrency=" + concurrency
        + ", durationSeconds=" + durationSeconds + ", warmupSeconds=" + warmupSeconds
        + ", accounts=" + accounts + ", currency=" + currency + ", seed=" + seed + "]";
  }
}
