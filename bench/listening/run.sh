#!/usr/bin/env bash
# Mentions classified per second by the in-process classifier (issue 20).
# Usage: bench/listening/run.sh [threads] [seconds-per-round] [rounds]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -o -q compile
java -cp target/classes bench/listening/ClassifierBench.java "${1:-1}" "${2:-10}" "${3:-3}"
