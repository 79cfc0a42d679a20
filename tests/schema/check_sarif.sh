#!/usr/bin/env bash
# Validates liftlint's SARIF output against the official SARIF 2.1.0 schema: findings,
# waived findings, input errors and JSON Lines from standard input.
# Usage: check_sarif.sh LIFTLINT SOURCE_DIR NODE_DIR SCHEMA
set -euo pipefail
bin=$1 src=$2 node_dir=$3 schema=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src"
{ echo 'waive bp.avoid-deadlift reason "supervised by the physio" approved by "Dr Lee" until 2030-01-01'
  cat examples/flawed-avoid.plan; } > "$work/waived.plan"
"$bin" check examples --format sarif --output "$work/examples.sarif" 2>/dev/null || true
"$bin" check "$work/waived.plan" examples/json --format sarif --output "$work/waived.sarif" 2>/dev/null || true
"$bin" check tests/golden/bad-weekday.plan tests/bad/plans --format sarif --output "$work/errors.sarif" 2>/dev/null || true
tr -d '\n' < examples/json/flawed-rest.json | { cat; echo; echo '{"days": [}'; } |
  "$bin" check - --format sarif > "$work/stdin.sarif" 2>/dev/null || true
for f in "$work"/*.sarif; do
  [ -s "$f" ] || { echo "$f is empty" >&2; exit 1; }
done
grep -q '"suppressions"' "$work/waived.sarif" || { echo "no suppressions in waived.sarif" >&2; exit 1; }
grep -q '"artifactChanges"' "$work/examples.sarif" || { echo "no fixes in examples.sarif" >&2; exit 1; }
cd "$node_dir"
node "$src/tests/schema/validate.mjs" "$schema" "$work"/*.sarif
