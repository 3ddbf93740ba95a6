#!/usr/bin/env bash
# Load on `s1ql serve` (docs/api.md, "Load"): requests/s and p50/p99 latency of translate (seed query, --to kql)
# with 8 concurrent clients, then the server's heap after a full GC every 100 of 1,000 sequential eval requests.
#   bench/serve-bench.sh            CLIENTS=8 WARMUP=10 MEASURE=20 REQUESTS=1000 HEAP=-Xmx512m
# The server runs with a fixed heap so that a leak would show as growth; the clients run in a second JVM on the
# same machine and share its cores with the server.
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${CLIENTS:-8}
WARMUP=${WARMUP:-10}
MEASURE=${MEASURE:-20}
REQUESTS=${REQUESTS:-1000}
HEAP=${HEAP:--Xmx512m}

[ -f target/s1ql.jar ] || mvn -q -o package -DskipTests
mkdir -p target/bench
awk '/^## SentinelOne Query/{f=1;next} f&&/^```/{if(q)exit; q=1; next} f&&q' \
  examples/dns_query_win_susp_external_ip_lookup.md > target/bench/seed-query.s1ql

java $HEAP -jar target/s1ql.jar serve --port 0 > target/bench/serve.out 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q "listening on" target/bench/serve.out && break; sleep 0.2; done
URL=$(grep -o 'http://[^ ]*/' target/bench/serve.out)
echo "server: $URL (pid $PID, $HEAP), $(nproc) CPUs, load average: $(cut -d' ' -f1-3 /proc/loadavg)"

java bench/ServeLoad.java translate "$URL" target/bench/seed-query.s1ql "$CLIENTS" "$WARMUP" "$MEASURE"
java bench/ServeLoad.java eval-memory "$URL" "$PID" "$REQUESTS"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
