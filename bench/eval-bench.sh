#!/usr/bin/env bash
# Throughput and memory of `s1ql eval` on the Mordor benchmark events (see docs/eval.md, "Performance").
#   bench/eval-bench.sh [EVENTS.ndjson.gz] [CORPUS.jsonl]
# Runs in one JVM, interleaved per iteration so that load from other processes hits every mode alike:
# gunzip only, bare Jackson tokenizing (the baseline), one query (the seed rule), all corpus queries, and all corpus
# pipelined on 2 threads (reader + evaluator, the CLI default on 3 CPUs or more: compare its wall time); prints
# medians, best and the ratios (single-threaded, thread CPU and wall). Then the flat-memory check: the CLI with
# -Xmx256m over ~1 GB of NDJSON streamed from stdin.   ITERATIONS=N (default 5), SKIP_FLAT=1,
# HEAP='-Xmx1g -XX:+UseParallelGC' (the default: the collector the ./s1ql launcher gives eval)
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-../shared/data/bench/mordor_s1dv.ndjson.gz}
CORPUS=${2:-../shared/corpus/sigma_s1.jsonl}
ONE=${ONE_QUERY:-examples/dns_query_win_susp_external_ip_lookup.md}
ITER=${ITERATIONS:-5}
HEAP=${HEAP:--Xmx1g -XX:+UseParallelGC}

[ -f "$EVENTS" ] || { echo "events file not found: $EVENTS" >&2; exit 2; }
[ -f target/s1ql.jar ] || mvn -q -o package -DskipTests
mkdir -p target/bench
javac -cp target/s1ql.jar -d target/bench bench/EvalBench.java
CP=target/s1ql.jar:target/bench

# The one-query input: the query block of the seed rule document.
awk '/^## SentinelOne Query/{f=1;next} f&&/^```/{if(q)exit; q=1; next} f&&q' "$ONE" > target/bench/one-query.s1ql

echo "== interleaved: gunzip, bare Jackson tokenizing (baseline), one query ($ONE), all corpus queries ($CORPUS), all corpus on 2 threads (pipelined)"
java $HEAP -cp $CP EvalBench compare "$EVENTS" "target/bench/one-query.s1ql,$CORPUS" "$ITER"

if [ "${SKIP_FLAT:-0}" != 1 ]; then
  echo "== flat memory: s1ql eval -Xmx256m, all corpus queries, the events 4 times over stdin (~1.1 GB)"
  rm -rf target/bench/corpus && mkdir -p target/bench/corpus
  python3 - "$CORPUS" target/bench/corpus <<'PY'
import json, sys, os
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    q = json.loads(line)["s1ql"]
    open(os.path.join(sys.argv[2], f"q{i:04d}.s1ql"), "w", encoding="utf-8").write(q)
PY
  start=$(date +%s.%N)
  for i in 1 2 3 4; do gzip -dc "$EVENTS"; done \
    | /usr/bin/time -f "peak RSS %M KB, %e s wall" java -Xmx256m -XX:+UseParallelGC -jar target/s1ql.jar eval --events - --count \
        --format json target/bench/corpus > target/bench/flat-counts.ndjson || true
  echo "per-query counts in target/bench/flat-counts.ndjson"
fi
