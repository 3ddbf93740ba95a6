#!/usr/bin/env bash
# The built-in streaming evaluator vs `s1ql eval --engine duckdb` on the Mordor benchmark events (docs/sql.md,
# "When to use which"): one query (the seed rule) and the whole corpus as a rule pack (--count), each over the
# .ndjson.gz file, the same file decompressed, and as Parquet (DuckDB only; written here with COPY).
#   bench/sql-bench.sh [EVENTS.ndjson.gz] [CORPUS.jsonl]
# Each run is one fresh CLI process; the table shows its wall time, the engine's own time (its stderr summary:
# after the queries are compiled, JVM start excluded) and events/s from the engine's time. RUNS=N repeats each.
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-../shared/data/bench/mordor_s1dv.ndjson.gz}
# The same events with 2.0 names as nested objects (Data Lake shape), for the pack on nested input.
NESTED=${NESTED:-../shared/data/bench/mordor_sdl.ndjson.gz}
CORPUS=${2:-../shared/corpus/sigma_s1.jsonl}
ONE=${ONE_QUERY:-examples/dns_query_win_susp_external_ip_lookup.md}
RUNS=${RUNS:-1}
[ -f "$EVENTS" ] || { echo "events file not found: $EVENTS" >&2; exit 2; }
[ -f target/s1ql.jar ] && [ -f target/lib/duckdb_jdbc.jar ] || mvn -q -B package -DskipTests
W=target/bench/sql
mkdir -p "$W"

# The corpus as a rule pack: one .s1ql file per query.
if [ ! -d "$W/corpus" ]; then
  mkdir -p "$W/corpus"
  python3 - "$CORPUS" "$W/corpus" <<'PY'
import json, sys, os
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    open(os.path.join(sys.argv[2], f"q{i:04d}.s1ql"), "w", encoding="utf-8").write(json.loads(line)["s1ql"])
PY
fi
PLAIN="$W/events.ndjson"
PARQUET="$W/events.parquet"
[ -f "$PLAIN" ] || gzip -dc "$EVENTS" > "$PLAIN"
# Parquet as DuckDB writes it from the NDJSON (types detected from all lines; the engine reads values as text).
[ -f "$PARQUET" ] || java -cp target/lib/duckdb_jdbc.jar bench/DuckDbSql.java \
  "COPY (SELECT * FROM read_ndjson('$PLAIN', sample_size = -1)) TO '$PARQUET' (FORMAT parquet)"
N=$(java -cp target/lib/duckdb_jdbc.jar bench/DuckDbSql.java "SELECT count(*) FROM read_ndjson('$PLAIN')")
echo "events: $N; machine: $(nproc) cores; $(java -version 2>&1 | head -1)"
ls -la "$EVENTS" "$PLAIN" "$PARQUET" | awk '{print "  " $5 " bytes  " $9}'

run() { # label engine file queries...
  local label=$1 engine=$2 file=$3; shift 3
  for _ in $(seq "$RUNS"); do
    local start end err secs
    start=$(date +%s.%N)
    err=$(java -jar target/s1ql.jar eval --no-progress --engine "$engine" --count --format json --events "$file" "$@" 2>&1 >"$W/out-$engine.json" | tail -1)
    end=$(date +%s.%N)
    secs=$(echo "$err" | sed -E 's/.*[ (]([0-9.]+) s\)$/\1/')
    printf '%-40s %-8s wall %6.1f s  engine %6.1f s  %'"'"'12.0f events/s   [%s]\n' "$label" "$engine" \
      "$(echo "$end - $start" | bc)" "$secs" "$(echo "$N / $secs" | bc -l)" "$err"
  done
}

ONEQ=$W/one-query.s1ql
awk '/^## SentinelOne Query/{f=1;next} f&&/^```/{if(q)exit; q=1; next} f&&q' "$ONE" > "$ONEQ"
echo "== one query ($ONE)"
run "one query, ndjson.gz" builtin "$EVENTS" "$ONEQ"
run "one query, ndjson.gz" duckdb "$EVENTS" "$ONEQ"
run "one query, ndjson" builtin "$PLAIN" "$ONEQ"
run "one query, ndjson" duckdb "$PLAIN" "$ONEQ"
run "one query, parquet" duckdb "$PARQUET" "$ONEQ"
echo "== rule pack ($(ls "$W/corpus" | wc -l) queries, --count)"
run "pack, ndjson.gz" builtin "$EVENTS" "$W/corpus"
cp "$W/out-builtin.json" "$W/pack-builtin.json"
run "pack, ndjson.gz" duckdb "$EVENTS" "$W/corpus"
cmp -s "$W/out-duckdb.json" "$W/pack-builtin.json" && echo "  (duckdb counts = built-in counts)" || echo "  COUNTS DIFFER"
run "pack, ndjson" builtin "$PLAIN" "$W/corpus"
run "pack, ndjson" duckdb "$PLAIN" "$W/corpus"
cmp -s "$W/out-duckdb.json" "$W/pack-builtin.json" && echo "  (duckdb counts = built-in counts)" || echo "  COUNTS DIFFER"
run "pack, parquet" duckdb "$PARQUET" "$W/corpus"
sed 's/"events":[0-9]*//' "$W/out-duckdb.json" | cmp -s - <(sed 's/"events":[0-9]*//' "$W/pack-builtin.json") \
  && echo "  (duckdb counts = built-in counts)" || echo "  COUNTS DIFFER"
if [ -f "$NESTED" ]; then
  echo "== rule pack over the nested 2.0 file ($NESTED)"
  run "pack, nested ndjson.gz" builtin "$NESTED" "$W/corpus"
  cp "$W/out-builtin.json" "$W/pack-nested-builtin.json"
  run "pack, nested ndjson.gz" duckdb "$NESTED" "$W/corpus"
  cmp -s "$W/out-duckdb.json" "$W/pack-nested-builtin.json" && echo "  (duckdb counts = built-in counts)" || echo "  COUNTS DIFFER"
fi
