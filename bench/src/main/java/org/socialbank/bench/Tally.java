package org.socialbank.bench;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one worker saw during the measured window. Each worker owns one, so recording needs no
 * lock; the tallies are merged once, after the workers have stopped.
 */
final class Tally {
  /** Twice the request timeout: no recorded latency can exceed it. */
  static final long LATENCY_MAX_MICROS = 2 * Api.REQUEST_TIMEOUT.toNanos() / 1_000;
  /** Distinct non-2xx reasons kept by name; the rest are counted under OTHER_REASON. */
  static final int REASONS_MAX = 32;
  static final String OTHER_REASON = "other";
  private static final int SIGNIFICANT_DIGITS = 3;

  private final Histogram latencyMicros = new Histogram(LATENCY_MAX_MICROS, SIGNIFICANT_DIGITS);
  private final Map<String, Long> reasons = new TreeMap<>();
  private long count2xx;
  private long count4xx;
  private long count5xx;
  private long countOther;
  private long errors;

  /**
   * One HTTP response. Its latency is recorded whatever the status, so that fast rejections
   * show up in the percentiles rather than vanishing from them.
   */
  void recordResponse(int status, long latencyMicros, String rejectionCode) {
    this.latencyMicros.recordValue(Math.min(latencyMicros, LATENCY_MAX_MICROS));
    int statusClass = status / 100;
    if (statusClass == 2) {
      count2xx++;
      return;
    }
    if (statusClass == 4) {
      count4xx++;
    } else if (statusClass == 5) {
      count5xx++;
    } else {
      countOther++;
    }
    countReason(rejectionCode == null ? String.valueOf(status) : status + ":" + rejectionCode, 1);
  }

  /** A request that got no HTTP response at all (timeout, refused or reset connection). */
  void recordError(Exception cause) {
    errors++;
    countReason("error:" + cause.getClass().getSimpleName(), 1);
  }

  void add(Tally other) {
    latencyMicros.add(other.latencyMicros);
    count2xx += other.count2xx;
    count4xx += other.count4xx;
    count5xx += other.count5xx;
    countOther += other.countOther;
    errors += other.errors;
    other.reasons.forEach(this::countReason);
  }

  private void countReason(String reason, long count) {
    boolean known = reasons.containsKey(reason) || reasons.size() < REASONS_MAX;
    reasons.merge(known ? reason : OTHER_REASON, count, Long::sum);
  }

  Histogram latencyMicros() {
    return latencyMicros;
  }

  Map<String, Long> reasons() {
    return Collections.unmodifiableMap(reasons);
  }

  long count2xx() {
    return count2xx;
  }

  long count4xx() {
    return count4xx;
  }

  long count5xx() {
    return count5xx;
  }

  long countOther() {
    return countOther;
  }

  long errors() {
    return errors;
  }
}
