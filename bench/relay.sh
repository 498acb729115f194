#!/usr/bin/env bash
# The outbox relay's benchmark (issue 13): p50/p99 delay of an idle chat's reply while one chat
# floods and while 10,000 campaign rows drain, through the real relay on PostgreSQL at
# 127.0.0.1:5432 (user postgres, trust; database sb_relay_bench is dropped and re-created) and a
# simulated Telegram bot. Compiles bench/relay/ against the server's classes. See docs/benchmarks.md.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
OUT=target/relay-bench
mvn -o -q compile
mvn -q dependency:build-classpath -Dmdep.outputFile="$OUT.cp" -Dmdep.includeScope=runtime >/dev/null
CP="target/classes:$(cat "$OUT.cp")"
mkdir -p "$OUT"
javac -d "$OUT" -cp "$CP" bench/relay/org/socialbank/conversation/engine/OutboxRelayBench.java
java -Xmx512m -cp "$OUT:$CP" org.socialbank.conversation.engine.OutboxRelayBench "${1:-jdbc:postgresql://127.0.0.1:5432/}"
