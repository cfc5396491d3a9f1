#!/usr/bin/env bash
# Mutation testing of the modules that keep users' data, with mutmut 3 (a maintained mutation tester).
#
#   bash benchmarks/mutation.sh            # all of them (about 12 minutes on 2 cores)
#   bash benchmarks/mutation.sh review     # one group: review, outputs, cache, ingest
#   MUTATION_KEEP=1 bash benchmarks/mutation.sh outputs   # keep the work folder (then: cd it; mutmut show NAME)
#
# Runs in a scratch copy of the checkout (mutmut writes a `mutants/` tree), mutates only the lines the
# selected tests cover, runs the fast in-process tests of each module against each mutant, and prints
# killed / survived per module. Surviving mutants that are equivalent (no behaviour can tell them apart)
# are listed with the reason in benchmarks/mutation_equivalent.txt; the rest are missing tests.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
group="${1:-all}"
python -c "import mutmut" 2>/dev/null || pip install --quiet "mutmut>=3.3,<4"
work="$(mktemp -d)"
if [ -z "${MUTATION_KEEP:-}" ]; then trap 'rm -rf "$work"' EXIT; else echo "work folder: $work" >&2; fi
cp -r "$here/src" "$here/tests" "$here/pyproject.toml" "$here/corpus" "$here/docs" "$here/benchmarks" "$here/outputs" "$work/"
cd "$work"
case "$group" in
  review)  files="src/claimx/review.py src/claimx/verdicts.py src/claimx/outputs/review_file.py"
           tests="tests/test_review.py tests/test_verdicts.py tests/test_review_units.py" ;;
  outputs) files="src/claimx/outputs/atomic.py"; tests="tests/test_atomic.py" ;;
  cache)   files="src/claimx/cache.py"; tests="tests/test_cache.py" ;;
  ingest)  files="src/claimx/ingest.py"; tests="tests/test_ingest_units.py tests/test_ingest.py tests/test_bad_inputs.py tests/test_markdown.py" ;;
  all)     files="src/claimx/review.py src/claimx/verdicts.py src/claimx/outputs/review_file.py src/claimx/outputs/atomic.py src/claimx/cache.py src/claimx/ingest.py"
           tests="tests/test_review.py tests/test_verdicts.py tests/test_review_units.py tests/test_atomic.py tests/test_cache.py tests/test_ingest_units.py tests/test_ingest.py tests/test_bad_inputs.py tests/test_markdown.py" ;;
  *) echo "unknown group $group (review, outputs, cache, ingest, all)" >&2; exit 2 ;;
esac
existing=""
for t in $tests; do [ -f "$t" ] && existing="$existing \"$t\","; done
only=""
for f in $files; do only="$only \"$f\","; done
cat >> pyproject.toml <<TOML

[tool.mutmut]
source_paths = ["src/"]
only_mutate = [${only%,}]
pytest_add_cli_args_test_selection = [${existing%,}]
pytest_add_cli_args = ["-p", "no:cacheprovider", "-q", "-m", "not slow or slow", "-x"]
mutate_only_covered_lines = true
also_copy = ["corpus/", "docs/", "benchmarks/", "outputs/"]
TOML
mutmut run --max-children 2 >/dev/null 2>&1 || true
mutmut results --all true > results.txt 2>/dev/null || true
python - "$here/benchmarks/mutation_equivalent.txt" <<'PY'
import re, subprocess, sys
from collections import Counter
# Equivalent mutants: listed by name with the reason in mutation_equivalent.txt, or recognised by one
# documented rule: a mutant whose only change is the letter case of an SQL string (SQLite keywords,
# table and column names and sqlite3.Row keys are case-insensitive) changes nothing.
equivalent = set()
try:
    for line in open(sys.argv[1], encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            equivalent.add(line.split()[0])
except FileNotFoundError:
    pass
SQL = re.compile(r"\b(select|update|insert|delete|pragma|order by|where|from|set)\b", re.I)


def sql_case_only(name: str) -> bool:
    diff = subprocess.run(["mutmut", "show", name], capture_output=True, text=True).stdout.splitlines()
    minus = [l[1:] for l in diff if l.startswith("-") and not l.startswith("---")]
    plus = [l[1:] for l in diff if l.startswith("+") and not l.startswith("+++")]
    if not minus or len(minus) != len(plus):
        return False
    same = all(a.lower() == b.lower() for a, b in zip(minus, plus))
    return same and (any(SQL.search(a) for a in minus) or any(re.search(r"\[\"[A-Za-z_]+\"\]", a) for a in minus))


status = {}
for line in open("results.txt", encoding="utf-8"):
    m = re.match(r"\s*([\w.ǁ]+__mutmut_\d+):\s*(\w+)", line)
    if m:
        status[m.group(1)] = m.group(2)
per = Counter()
rest = []
for name, st in status.items():
    module = re.split(r"\.x(?:_|ǁ)", name)[0]
    if st in ("killed", "timeout", "segfault"):
        key = "killed"
    elif st == "survived" and (name in equivalent or sql_case_only(name)):
        key = "equivalent"
    else:
        key = st
        if st == "survived":
            rest.append(name)
    per[(module, key)] += 1
print(f"{'module':34} {'mutants':>8} {'killed':>7} {'equivalent':>10} {'survived':>9} {'other':>6} {'surviving %':>11}")
for m in sorted({m for m, _ in per}):
    total = sum(v for (mm, _), v in per.items() if mm == m)
    k, e, s = per[(m, "killed")], per[(m, "equivalent")], per[(m, "survived")]
    print(f"{m:34} {total:8d} {k:7d} {e:10d} {s:9d} {total - k - s - e:6d} {100 * s / total if total else 0:10.1f}%")
for name in sorted(rest):
    print("survived:", name)
PY
