package org.socialbank.bench;

import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The one result a run prints, as text for people or as one JSON line for bench/run.sh. */
record Summary(
    int concurrency,
    int accounts,
    int warmupSeconds,
    double measuredSeconds,
    double transfersPerSecond,
    long count2xx,
    long count4xx,
    long count5xx,
    long countOther,
    long errors,
    double p50Ms,
    double p99Ms,
    double p999Ms,
    double maxMs,
    Map<String, Long> reasons) {

  static Summary of(Options options, Tally tally, double measuredSeconds) {
    Histogram latency = tally.latencyMicros();
    return new Summary(
        options.concurrency(),
        options.accounts(),
        options.warmupSeconds(),
        measuredSeconds,
        tally.count2xx() / measuredSeconds,
        tally.count2xx(),
        tally.count4xx(),
        tally.count5xx(),
        tally.countOther(),
        tally.errors(),
        millis(latency.getValueAtPercentile(50.0)),
        millis(latency.getValueAtPercentile(99.0)),
        millis(latency.getValueAtPercentile(99.9)),
        millis(latency.getMaxValue()),
        Map.copyOf(tally.reasons()));
  }

  private static double millis(long micros) {
    return micros / 1_000.0;
  }

  String text() {
    StringBuilder out = new StringBuilder();
    out.append(format("POST /api/v1/transfers: concurrency %d, %d wallets, %.1f s measured"
        + " after %d s warmup%n", concurrency, accounts, measuredSeconds, warmupSeconds));
    out.append(format("transfers/s  %.1f (2xx only)%n", transfersPerSecond));
    out.append(format("responses    2xx %d  4xx %d  5xx %d  other %d  errors %d%n",
        count2xx, count4xx, count5xx, countOther, errors));
    out.append(format("latency ms   p50 %.3f  p99 %.3f  p99.9 %.3f  max %.3f%n",
        p50Ms, p99Ms, p999Ms, maxMs));
    if (!reasons.isEmpty()) {
      out.append("non-2xx      ").append(reasons).append(System.lineSeparator());
    }
    return out.toString();
  }

  String json() {
    JsonObject reasonCounts = new JsonObject();
    reasons.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(reason -> reasonCounts.put(reason.getKey(), reason.getValue()));
    return new JsonObject()
        .put("concurrency", concurrency)
        .put("accounts", accounts)
        .put("warmupSeconds", warmupSeconds)
        .put("measuredSeconds", measuredSeconds)
        .put("transfersPerSecond", transfersPerSecond)
        .put("count2xx", count2xx)
        .put("count4xx", count4xx)
        .put("count5xx", count5xx)
        .put("countOther", countOther)
        .put("errors", errors)
        .put("p50Ms", p50Ms)
        .put("p99Ms", p99Ms)
        .put("p999Ms", p999Ms)
        .put("maxMs", maxMs)
        .put("reasons", reasonCounts)
        .toString();
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
