#!/usr/bin/env bash
# The emitted Spark SQL in Spark local mode vs the interpreter: every corpus query (or QUERIES=DIR) over the shared
# sample events; prints the queries whose selected events differ. Needs Maven Central for the first run (~210 MB).
#   examples/spark/run.sh [EVENTS.ndjson ...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
cd "$root"
W=target/spark-check
mkdir -p "$W"
[ -f target/s1ql.jar ] || mvn -q -B package -DskipTests
EVENTS=("$@")
[ ${#EVENTS[@]} -gt 0 ] || EVENTS=(../shared/data/events/dv_mordor_sample.ndjson ../shared/data/events/dv_sigma_regression.ndjson)

# One event file with a row number in each event, read by both sides.
python3 - "$W/events.ndjson" "${EVENTS[@]}" <<'PY'
import json, sys
n = 0
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for f in sys.argv[2:]:
        for line in open(f, encoding="utf-8"):
            if line.strip():
                e = json.loads(line); e["s1ql_row"] = str(n); n += 1
                out.write(json.dumps(e) + "\n")
PY
# The queries: QUERIES=DIR, else the corpus, one file each.
Q=${QUERIES:-$W/corpus}
if [ -z "${QUERIES:-}" ] && [ ! -d "$Q" ]; then
  mkdir -p "$Q"
  python3 - ../shared/corpus/sigma_s1.jsonl "$Q" <<'PY'
import json, sys, os
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    open(os.path.join(sys.argv[2], f"q{i:04d}.s1ql"), "w", encoding="utf-8").write(json.loads(line)["s1ql"])
PY
fi
java -jar target/s1ql.jar translate --to sql --dialect spark --format json "$Q" > "$W/spark.jsonl" 2>/dev/null || true
java -jar target/s1ql.jar eval --no-progress --events "$W/events.ndjson" "$Q" 2>/dev/null \
  | python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l); print(m["source"] + "\t" + m["event"]["s1ql_row"])' | sort > "$W/interpreter.tsv"

# Spark 3.5 on Java 17 needs the module openings its own launcher adds (JavaModuleOptions).
# MVN_OPTS_EXTRA, e.g. -Dmaven.repo.local=DIR, is passed to Maven.
# shellcheck disable=SC2086
(cd "$here" && mvn -q -B ${MVN_OPTS_EXTRA:-} compile dependency:build-classpath -Dmdep.outputFile="$root/$W/cp.txt")
OPENS="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
 --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
 --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
 --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
 --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
 --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
 --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false"
# shellcheck disable=SC2086
java $OPENS -cp "$W/build/classes:$(cat "$W/cp.txt")" SparkCheck "$W/events.ndjson" "$W/spark.jsonl" "$W/spark.tsv"
sort "$W/spark.tsv" -o "$W/spark.tsv"
echo "interpreter: $(wc -l < "$W/interpreter.tsv") matches; spark: $(wc -l < "$W/spark.tsv") matches; statements: $(wc -l < "$W/spark.jsonl")"
if diff "$W/interpreter.tsv" "$W/spark.tsv" > "$W/diff.txt"; then
  echo "Spark selects exactly the interpreter's events for every query"
else
  echo "DIFFERENCES (queries: $(cut -f1 "$W/diff.txt" | grep -c '^[<>]' || true)), see $W/diff.txt"; head -20 "$W/diff.txt"; exit 1
fi
