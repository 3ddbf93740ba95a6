#!/usr/bin/env bash
# The long fuzz run of issue 13: generated and mutated queries (every command's front end, fmt and the 2.0/PQ
# migration checked for validity, AST and matches, every target's literals read back) and event files with
# garbage lines, for N minutes. Prints the case count and each failure with its seed; exits 1 on any failure.
# The same checks run briefly in every build on fixed seeds (src/test/java/dev/s1ql/fuzz/FuzzProperties).
#   bench/fuzz.sh --minutes 30 [--seed S]      (run it under `nice -n 10` on a shared machine)
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=1
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --seed) extra+=(--seed "$2"); shift 2 ;;
    *) echo "usage: bench/fuzz.sh --minutes N [--seed S]" >&2; exit 2 ;;
  esac
done
mvn -B -q -Dstyle.color=never test-compile dependency:build-classpath -Dmdep.outputFile=target/fuzz.classpath \
  -Dmdep.includeScope=test >&2
exec java -Xss8m -cp "target/test-classes:target/classes:$(cat target/fuzz.classpath)" dev.s1ql.fuzz.FuzzMain \
  --minutes "$minutes" "${extra[@]}"
