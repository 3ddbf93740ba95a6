#!/usr/bin/env bash
# Translation coverage on the hand-written hunting queries (src/test/resources/handwritten/, see its README):
# for each query set and each target/profile, the share of the queries meant to be valid that translate without an
# error, the share of those translations that the target's own checker accepts, the most frequent error codes with
# an example query each, and how many translations carry approximation warnings. Also: how many queries `validate`
# accepts. Prints numbers; asserts nothing.
#   bench/coverage.sh [--json] [--no-check] [SET_DIR...]      (default sets: handwritten/v1 and handwritten/v2)
# --json prints one JSON document instead of the text tables. --no-check skips the output checkers (Kusto.Language
# for KQL when tools/kql-check/node_modules exists, `s1ql validate` for s1ql2/pq, DuckDB's parser for sql duckdb).
# Uses only the CLI (`validate --format json`, `translate --format json`); bench/coverage-report.py does the counting.
set -euo pipefail
cd "$(dirname "$0")/.."

report_args=()
sets=()
for a in "$@"; do
  case "$a" in
    --json|--no-check) report_args+=("$a") ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "coverage.sh: unknown option $a" >&2; exit 2 ;;
    *) sets+=("${a%/}") ;;
  esac
done
[ ${#sets[@]} -gt 0 ] || sets=(src/test/resources/handwritten/v1 src/test/resources/handwritten/v2)

./s1ql --version >/dev/null   # builds target/s1ql.jar when sources changed
W=target/bench/coverage
rm -rf "$W" && mkdir -p "$W"

# Every target the CLI knows, with each of its profiles; s1ql2 and pq have one profile (the default).
TARGETS=(kql:mde kql:sentinel-asim spl:sysmon spl:cim spl:s1 s1ql2: pq: sql:duckdb)

for set in "${sets[@]}"; do
  [ -d "$set" ] || { echo "coverage.sh: no such directory: $set" >&2; exit 2; }
  name=$(basename "$set")
  # One file is one query; .pq files are named explicitly because directory input reads only .s1ql/.txt/.md.
  mapfile -t files < <(find "$set" -maxdepth 1 -type f \( -name '*.s1ql' -o -name '*.pq' -o -name '*.txt' \) | sort)
  [ ${#files[@]} -gt 0 ] || { echo "coverage.sh: no queries in $set" >&2; exit 2; }
  printf '%s\n' "${files[@]}" > "$W/$name.files"
  # Exit status 1 means "some input has an error" here: that is what is being counted.
  ./s1ql validate --format json "${files[@]}" > "$W/$name.validate.ndjson" || [ $? -eq 1 ]
  for t in "${TARGETS[@]}"; do
    to=${t%%:*}; profile=${t#*:}
    opts=(--to "$to"); [ -n "$profile" ] && opts+=(--profile "$profile")
    ./s1ql translate "${opts[@]}" --format json "${files[@]}" > "$W/$name.translate.$to.${profile:-default}.ndjson" \
      || [ $? -eq 1 ]
  done
done

python3 bench/coverage-report.py --work "$W" "${report_args[@]}" "${sets[@]}"
