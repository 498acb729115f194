#!/usr/bin/env bash
# The assistant's benchmark: validation accuracy, training time and latency (docs/assistant.md).
# Usage, from the repository root: bench/assistant.sh [epochs learningRate c minDf]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q compile
java -Xmx2g -cp target/classes bench/assistant/AssistantBench.java "$@"
