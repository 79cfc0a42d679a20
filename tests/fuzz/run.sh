#!/usr/bin/env bash
# Runs every fuzz target for SECONDS seconds (default 60) on a corpus seeded from the
# project's own plans and rule files. Usage: tests/fuzz/run.sh BUILD_DIR [SECONDS]
set -euo pipefail
build=${1:?build directory}
seconds=${2:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${FUZZ_WORK:-$build/fuzz-corpus}
mkdir -p "$work"/{plan,rules,format,json,rules_plan}
find "$root/examples" "$root/rules" "$root/tests/golden" "$root/tests/bad" "$root/tests/programmes" "$root/tests/pasted-documents" "$root/tests/notation" "$root/tests/acceptance" -name '*.plan' -exec cp {} "$work/plan/" \; 2>/dev/null || true
find "$root/rules" "$root/tests/packs" "$root/tests/bad" -name '*.rules' -exec cp {} "$work/rules/" \; 2>/dev/null || true
cp "$work"/plan/* "$work"/rules/* "$work/format/" 2>/dev/null || true
find "$root/examples" "$root/tests/schema" -name '*.json' ! -name 'sarif-schema*' -exec cp {} "$work/json/" \; 2>/dev/null || true
# A user's rules and a plan in one input: each small rule file of the project with a few plans.
n=0
for r in $(find "$root/tests/packs" "$root/tests/bad/rules" "$root/rules/articles" -name '*.rules' -size -6k | sort | head -40); do
  for p in $(ls "$work"/plan/*.plan | sort | sed -n "$((n % 50 + 1))p;$((n % 50 + 51))p"); do
    { cat "$r"; printf '\n%%%%\n'; cat "$p"; } > "$work/rules_plan/seed-$n-$(basename "$p")"
  done
  n=$((n + 1))
done
status=0
# Inputs up to 256 kB, beyond the 64 kB where libFuzzer stops by default. An input may take up to 30 s:
# the largest are checked several times over under ASan and the fuzzer's instrumentation on a small machine.
for pair in plan:fuzz_plan rules:fuzz_rules format:fuzz_format json:fuzz_json_plan rules_plan:fuzz_rules_plan; do
  corpus=${pair%%:*}
  target=${pair##*:}
  echo "== $target for ${seconds}s"
  "$build/tests/fuzz/$target" -max_total_time="$seconds" -max_len=262144 -timeout=30 -rss_limit_mb=2048 \
    -print_final_stats=1 "$work/$corpus" 2>&1 | grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==|SUMMARY|Done)" || status=1
done
exit $status
