#!/usr/bin/env bash
# Issue 17's campaign benchmark: expand and queue a campaign to N consenting recipients (time and
# peak heap), then send at a configured pace (achieved rate). The real application on a fresh H2
# file or PostgreSQL database (127.0.0.1:5432, user postgres, trust; sb_campaign_bench is dropped
# and re-created). Heap capped at 256 MB. Runs against the server jar's classes and libraries
# (target/socialbank.jar, built offline if missing). See docs/benchmarks.md.
# Usage: bench/campaigns.sh [h2|postgres] [recipients] [rate-per-second] [send-seconds]
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
OUT=target/campaign-bench
# (re)build the jar when it is missing or older than a source file, so the run measures this code
if [ ! -f target/socialbank.jar ] || [ -n "$(find src/main pom.xml -newer target/socialbank.jar -print -quit)" ]; then
  mvn -o -q -DskipTests -Dspotless.check.skip=true package
fi
rm -rf "$OUT" && mkdir -p "$OUT/app"
(cd "$OUT/app" && jar xf ../../socialbank.jar)
# the jar's own META-INF (auto-configurations, services) sits at its root, not under BOOT-INF/classes
CP="$OUT/app/BOOT-INF/classes:$OUT/app/BOOT-INF/lib/*:$OUT/app"
javac -d "$OUT" -cp "$CP" bench/campaigns/CampaignBench.java
java -Xmx256m -cp "$OUT:$CP" CampaignBench "${1:-h2}" "${2:-1000000}" "${3:-100}" "${4:-10}" \
  > "$OUT/stdout.log" 2> "$OUT/stderr.log" || { tail -n 40 "$OUT/stdout.log"; tail -n 20 "$OUT/stderr.log"; exit 1; }
grep -E '^store=' "$OUT/stdout.log"
