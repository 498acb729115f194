#!/usr/bin/env bash
# The assistant's benchmarks (docs/assistant.md), from the repository root:
#   bench/assistant.sh [epochs learningRate c minDf]   TF-IDF model: validation accuracy, thresholds, latency
#   bench/assistant.sh blend [weight]                  MiniLM (layers 2-5) + TF-IDF blend: validation accuracy
#                                                       for a few head settings and weights, thresholds, latency
#   bench/assistant.sh phrases                         fr/ru/fa/zh models: held-out accuracy and mistakes
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q compile dependency:build-classpath -Dmdep.outputFile=target/assistant-cp.txt
cp="target/classes:$(cat target/assistant-cp.txt)"
if [[ "${1:-}" == phrases ]]; then
  exec java -Xmx1g -cp "$cp" bench/assistant/PhrasesBench.java
fi
if [[ "${1:-}" == blend ]]; then
  shift
  exec java -Xmx2g -cp "$cp" bench/assistant/BlendBench.java "$@"
fi
exec java -Xmx2g -cp "$cp" bench/assistant/AssistantBench.java "$@"
