#!/usr/bin/env python3
# The counting half of bench/coverage.sh: reads the NDJSON that `s1ql validate` and `s1ql translate` wrote for each
# query set, runs the output checkers that are available, and prints the coverage tables (text, or --json).
#   coverage-report.py --work DIR [--json] [--no-check] SET_DIR...
# A query is one file; leading `--` or `//` lines are its header, and a header line saying `expect: invalid` marks a
# query broken on purpose (kept out of the translation denominators, counted separately under validate).
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys

# Warnings of the translation family that say the output may mean something other than the input (S30xx, S31xx for
# pipelines, S35xx SPL notes). S3011 (a whole event kind dropped) is also counted on its own.
APPROX_PREFIX = "S3"
DROPPED = "S3011"
KQL_SCHEMAS = {"mde": "defender.json", "sentinel-asim": "sentinel.json"}
SHARED_SCHEMAS = os.path.join("..", "shared", "tools", "kql-check", "schemas")


def read_ndjson(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def header_of(path):
    """The leading comment lines of a query file, without their comment markers."""
    lines = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            s = line.strip()
            if s.startswith("--") or s.startswith("//"):
                lines.append(s[2:].strip())
            elif s:
                break
    return lines


class Query:
    def __init__(self, path):
        self.path = path
        self.header = header_of(path)
        self.broken = any("expect: invalid" in h.lower() for h in self.header)


def errors(record):
    return [d for d in record.get("diagnostics", []) if d["severity"] == "error"]


def translated(record):
    return record is not None and record.get("output") is not None and not errors(record)


def short(text, width=110):
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def reason(d):
    """A diagnostic's code and message without positions: one failure reason, as a row in the tables."""
    return d["code"], re.sub(r"\b\d+:\d+\b", "L:C", " ".join(d["message"].split()))


def most_frequent(failures, key):
    """failures: [(query path, [diagnostics])] -> [(key, count, example path, example message)], most frequent
    first. A query counts once per distinct key; the example is the first query (by file name) with that key."""
    count = collections.Counter()
    example = {}
    for path, diags in sorted(failures):
        seen = set()
        for d in diags:
            k = key(d)
            if k in seen:
                continue
            seen.add(k)
            count[k] += 1
            example.setdefault(k, (path, d["message"]))
    return [(k, n, example[k][0], example[k][1]) for k, n in sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))]


def error_summary(failures):
    """The report fields for a list of failures: queries per error code, and the reasons, most frequent first."""
    by_code = most_frequent(failures, lambda d: d["code"])
    by_reason = most_frequent(failures, reason)
    return {"error_codes": {c: n for c, n, _, _ in by_code},
            "errors": [dict(code=k[0], queries=n, example=p, message=m) for k, n, p, m in by_reason]}


# ---- output checkers: each returns {query path: (ok, first error)} for the outputs it was given ----

def check_kql(outputs, profile):
    schema = os.path.join(SHARED_SCHEMAS, KQL_SCHEMAS.get(profile, ""))
    if not (shutil.which("node") and os.path.isdir("tools/kql-check/node_modules") and os.path.isfile(schema)):
        return None
    batch = "\n".join(json.dumps({"id": p, "schema": profile, "kql": k}) for p, k in outputs.items()) + "\n"
    run = subprocess.run(["node", "tools/kql-check/check.js", "--schema", f"{profile}={schema}"],
                         input=batch, capture_output=True, text=True)
    if run.returncode not in (0, 1):
        print(f"coverage: kql-check failed: {run.stderr.strip()}", file=sys.stderr)
        return None
    result = {}
    for line in run.stdout.splitlines():
        r = json.loads(line)
        first = r["errors"][0]["message"] if r["errors"] else None
        result[r["id"]] = (r["ok"], first)
    return result


def check_s1ql(outputs, tag, work):
    """Translations to S1QL 2.0 / PowerQuery are read back by `s1ql validate`."""
    d = os.path.join(work, "check", tag)
    os.makedirs(d, exist_ok=True)
    names = {}
    for i, (path, text) in enumerate(sorted(outputs.items())):
        f = os.path.join(d, f"{i:04d}.pq")
        with open(f, "w", encoding="utf-8") as out:
            out.write(text + "\n")
        names[f] = path
    if not names:
        return {}
    run = subprocess.run(["./s1ql", "validate", "--format", "json", *names], capture_output=True, text=True)
    if run.returncode not in (0, 1):
        print(f"coverage: s1ql validate failed: {run.stderr.strip()}", file=sys.stderr)
        return None
    result = {}
    for line in run.stdout.splitlines():
        r = json.loads(line)
        errs = errors(r)
        result[names[r["source"]]] = (r["valid"], errs[0]["message"] if errs else None)
    return result


def check_duckdb(outputs):
    """SQL for DuckDB is parsed by DuckDB itself (json_serialize_sql: parse only, no table or column binding)."""
    jar = "target/lib/duckdb_jdbc.jar"
    if not os.path.isfile(jar):
        return None
    paths = sorted(outputs)
    if not paths:
        return {}
    stmts = []
    for p in paths:
        sql = outputs[p].replace("'", "''")
        stmts.append(f"SELECT coalesce(json_extract_string(json_serialize_sql('{sql}'), '$.error_message'), '')")
    run = subprocess.run(["java", "-cp", jar, "bench/DuckDbSql.java", *stmts], capture_output=True, text=True)
    if run.returncode != 0:
        print(f"coverage: DuckDB check failed: {run.stderr.strip()[:300]}", file=sys.stderr)
        return None
    lines = run.stdout.split("\n")[: len(paths)]
    return {p: (m == "", m or None) for p, m in zip(paths, lines)}


def check(to, profile, outputs, work, tag):
    if to == "kql":
        return check_kql(outputs, profile)
    if to in ("s1ql2", "pq"):
        return check_s1ql(outputs, tag, work)
    if to == "sql" and profile == "duckdb":
        return check_duckdb(outputs)
    return None  # no checker for this target (SPL)


# ---- counting ----

def pct(n, d):
    return round(100.0 * n / d, 1) if d else None


def set_report(set_dir, work, do_check):
    name = os.path.basename(set_dir)
    with open(os.path.join(work, f"{name}.files"), encoding="utf-8") as f:
        queries = [Query(line.strip()) for line in f if line.strip()]
    meant = [q for q in queries if not q.broken]
    broken = [q for q in queries if q.broken]

    validate = {r["source"]: r for r in read_ndjson(os.path.join(work, f"{name}.validate.ndjson"))}
    accepted = [q for q in meant if validate[q.path]["valid"]]
    rejected = [(q.path, errors(validate[q.path])) for q in meant if not validate[q.path]["valid"]]
    broken_rejected = [q for q in broken if not validate[q.path]["valid"]]
    broken_warned = [q for q in broken if validate[q.path]["valid"] and validate[q.path]["diagnostics"]]
    report = {
        "set": name, "dir": set_dir, "queries": len(queries), "meant_valid": len(meant), "marked_broken": len(broken),
        "validate": {
            "accepted": len(accepted), "share": pct(len(accepted), len(meant)),
            **error_summary(rejected),
            "broken_rejected": len(broken_rejected), "broken_warned_only": len(broken_warned),
            "broken_silent": [q.path for q in broken if q not in broken_rejected and q not in broken_warned],
        },
        "targets": [],
    }
    prefix = f"{name}.translate."
    for fname in sorted(os.listdir(work), key=target_order):
        if not (fname.startswith(prefix) and fname.endswith(".ndjson")):
            continue
        to, profile = fname[len(prefix):-len(".ndjson")].split(".", 1)
        records = {r["source"]: r for r in read_ndjson(os.path.join(work, fname))}
        ok = [q for q in meant if translated(records.get(q.path))]
        failed = [(q.path, errors(records[q.path]) or [{"code": "none", "message": "no output"}])
                  for q in meant if not translated(records.get(q.path))]
        approx = collections.Counter()
        approx_queries = dropped = 0
        for q in ok:
            codes = {d["code"] for d in records[q.path]["diagnostics"]
                     if d["severity"] == "warning" and d["code"].startswith(APPROX_PREFIX)}
            approx.update(codes)
            approx_queries += bool(codes)
            dropped += DROPPED in codes
        outputs = {q.path: records[q.path]["output"] for q in ok}
        checked = check(to, profile, outputs, work, f"{name}.{to}.{profile}") if do_check else None
        entry = {
            "target": to, "profile": profile, "translated": len(ok), "share": pct(len(ok), len(meant)),
            **error_summary(failed),
            "approximate": approx_queries, "approximation_codes": dict(approx.most_common()),
            "dropped_event_kinds": dropped, "check": None,
        }
        if checked is not None:
            bad = sorted(p for p, (good, _) in checked.items() if not good)
            entry["check"] = {"checked": len(checked), "passed": len(checked) - len(bad),
                              "share": pct(len(checked) - len(bad), len(checked)),
                              "failures": [dict(example=p, message=checked[p][1]) for p in bad]}
        report["targets"].append(entry)
    return report


TARGET_ORDER = ["kql.mde", "kql.sentinel-asim", "spl.sysmon", "spl.cim", "spl.s1", "s1ql2.default", "pq.default",
                "sql.duckdb"]


def target_order(fname):
    for i, t in enumerate(TARGET_ORDER):
        if fname.endswith(f".translate.{t}.ndjson"):
            return (i, fname)
    return (len(TARGET_ORDER), fname)


# ---- printing ----

def frac(n, d):
    return f"{n}/{d}".rjust(8) + (f" {100.0 * n / d:5.1f}%" if d else "      -")


def print_text(reports, top):
    for r in reports:
        v = r["validate"]
        print(f"== {r['set']} ({r['dir']}): {r['queries']} queries, {r['meant_valid']} meant valid, "
              f"{r['marked_broken']} marked broken (expect: invalid)")
        print(f"validate: {frac(v['accepted'], r['meant_valid']).strip()} of the meant-valid queries accepted; "
              f"of the broken ones {v['broken_rejected']} rejected, {v['broken_warned_only']} only warned, "
              f"{len(v['broken_silent'])} passed silently")
        for e in v["errors"][:top]:
            print(f"  {e['queries']:>3}  {e['code']:<6} {short(e['message'], 88)}")
            print(f"       e.g. {os.path.basename(e['example'])}")
        print()
        print(f"{'target':<20} {'translated':>15}  {'output check':>15}  {'approx':>6}  {'S3011':>5}")
        for t in r["targets"]:
            c = t["check"]
            checked = frac(c["passed"], c["checked"]) if c else "-".rjust(15)
            print(f"{t['target'] + ' ' + t['profile']:<20} {frac(t['translated'], r['meant_valid'])}  {checked}  "
                  f"{t['approximate']:>6}  {t['dropped_event_kinds']:>5}")
        print()
        print(f"why translations fail: queries per error code, then the {top} most frequent reasons "
              f"(code and message) with one example query each:")
        for t in r["targets"]:
            if not t["errors"]:
                continue
            codes = ", ".join(f"{c} {n}" for c, n in t["error_codes"].items())
            print(f"  {t['target']} {t['profile']}: {codes}")
            for e in t["errors"][:top]:
                print(f"    {e['queries']:>3}  {e['code']:<6} {short(e['message'], 88)}")
                print(f"         e.g. {os.path.basename(e['example'])}")
        failed_checks = [(t, f) for t in r["targets"] if t["check"] for f in t["check"]["failures"][:3]]
        if failed_checks:
            print("output check failures (first three per target):")
            for t, f in failed_checks:
                print(f"    {t['target']} {t['profile']}: {os.path.basename(f['example'])}: {short(f['message'], 80)}")
        print()


def provenance():
    """Which s1ql was measured: its version and the commit of the checkout (with + when it has local changes)."""
    def out(cmd):
        r = subprocess.run(cmd, capture_output=True, text=True)
        return r.stdout.strip() if r.returncode == 0 else None
    commit = out(["git", "rev-parse", "--short", "HEAD"])
    if commit and out(["git", "status", "--porcelain", "--untracked-files=no"]):
        commit += "+"
    version = out(["./s1ql", "--version"])
    return {"s1ql": version.splitlines()[0] if version else None, "commit": commit}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-check", action="store_true")
    ap.add_argument("--top", type=int, default=5)
    ap.add_argument("sets", nargs="+")
    a = ap.parse_args()
    reports = [set_report(s, a.work, not a.no_check) for s in a.sets]
    about = provenance()
    if a.json:
        json.dump({**about, "sets": reports}, sys.stdout, indent=1)
        print()
    else:
        print(f"translation coverage on hand-written queries: {about['s1ql']}, commit {about['commit']}")
        print_text(reports, a.top)


if __name__ == "__main__":
    main()
