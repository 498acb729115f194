package org.socialbank.directory.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.socialbank.directory.DirectoryProperties;
import org.springframework.stereotype.Component;

/**
 * Per-caller allowance of alias lookups, because walking through phone numbers is how directories
 * are enumerated. Buckets live on this node; the number of callers remembered is bounded, the
 * least recently seen forgotten first.
 */
@Component
class LookupLimiter {

    private final int perMinute;
    private final Map<String, Bucket> buckets;

    LookupLimiter(DirectoryProperties properties) {
        this.perMinute = properties.lookupsPerMinute();
        int max = properties.lookupCallersMax();
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > max;
            }
        };
    }

    /** Takes one lookup from the caller's allowance; the answer says how long to wait when none is left. */
    ConsumptionProbe take(String caller) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(
                    caller,
                    key -> Bucket.builder()
                            .addLimit(Bandwidth.builder()
                                    .capacity(perMinute)
                                    .refillGreedy(perMinute, Duration.ofMinutes(1))
                                    .build())
                            .build());
        }
        return bucket.tryConsumeAndReturnRemaining(1);
    }
}
