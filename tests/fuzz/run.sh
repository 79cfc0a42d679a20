#!/usr/bin/env bash
# Runs every fuzz target for SECONDS seconds (default 60) on a corpus seeded from the
# project's own plans and rule files. Usage: tests/fuzz/run.sh BUILD_DIR [SECONDS]
set -euo pipefail
build=${1:?build directory}
seconds=${2:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${FUZZ_WORK:-$build/fuzz-corpus}
mkdir -p "$work"/{plan,rules,format,json}
find "$root/examples" "$root/rules" "$root/tests/golden" "$root/tests/bad" "$root/tests/programmes" "$root/tests/pasted-documents" "$root/tests/notation" "$root/tests/acceptance" -name '*.plan' -exec cp {} "$work/plan/" \; 2>/dev/null || true
find "$root/rules" "$root/tests/packs" "$root/tests/bad" -name '*.rules' -exec cp {} "$work/rules/" \; 2>/dev/null || true
cp "$work"/plan/* "$work"/rules/* "$work/format/" 2>/dev/null || true
find "$root/examples" "$root/tests/schema" -name '*.json' ! -name 'sarif-schema*' -exec cp {} "$work/json/" \; 2>/dev/null || true
status=0
for pair in plan:fuzz_plan rules:fuzz_rules format:fuzz_format json:fuzz_json_plan; do
  corpus=${pair%%:*}
  target=${pair##*:}
  echo "== $target for ${seconds}s"
  "$build/tests/fuzz/$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "$work/$corpus" 2>&1 | grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==|SUMMARY|Done)" || status=1
done
exit $status
