#!/usr/bin/env bash
# The assistant's benchmarks (docs/assistant.md), from the repository root:
#   bench/assistant.sh [epochs learningRate c minDf]   TF-IDF model: validation accuracy, thresholds, latency
#   bench/assistant.sh blend [epochs learningRate c]   MiniLM + TF-IDF blend: validation accuracy, latency
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q compile dependency:build-classpath -Dmdep.outputFile=target/assistant-cp.txt
cp="target/classes:$(cat target/assistant-cp.txt)"
if [[ "${1:-}" == blend ]]; then
  shift
  exec java -Xmx2g -cp "$cp" bench/assistant/BlendBench.java "$@"
fi
exec java -Xmx2g -cp "$cp" bench/assistant/AssistantBench.java "$@"
