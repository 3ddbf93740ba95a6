#!/usr/bin/env bash
# Parse benchmark: queries/s for parse + semantic checks over the whole corpus in one JVM, and the wall time of
# one cold `./s1ql validate -q ...`. Needs ../shared/corpus/sigma_s1.jsonl. Prints numbers; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/corpus/sigma_s1.jsonl}"
[ -f "$corpus" ] || { echo "corpus not found: $corpus" >&2; exit 2; }
./s1ql --version >/dev/null   # builds the jar if needed
java -Xmx1g -cp target/s1ql.jar dev.s1ql.bench.ParseBench "$corpus"
echo "cold start, 10 runs of: ./s1ql validate -q '<one query>'"
q='EventType = "Process Creation" AND TgtProcCmdLine ContainsCIS "-enc"'
best=999999; total=0
for i in $(seq 1 10); do
  s=$(date +%s%N); ./s1ql validate -q "$q" >/dev/null 2>&1; e=$(date +%s%N)
  ms=$(( (e - s) / 1000000 )); total=$((total + ms)); [ $ms -lt $best ] && best=$ms
done
echo "  mean $((total / 10)) ms, best $best ms"
