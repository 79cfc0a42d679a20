#!/usr/bin/env bash
# Microsoft's SARIF validator (the multitool from npm, installed on first use) must find no error and
# no warning in liftlint's SARIF, for plans given by relative and by absolute paths.
# Usage: check_sarif_multitool.sh LIFTLINT SOURCE_DIR TOOL_DIR
set -euo pipefail
bin=$1 src=$2 tool_dir=$3
if [ ! -x "$tool_dir/node_modules/.bin/sarif-multitool" ]; then
  command -v npm >/dev/null || { echo "npm is needed for this test: apt-get install npm" >&2; exit 1; }
  mkdir -p "$tool_dir"
  (cd "$tool_dir" && { [ -f package.json ] || echo '{"name": "liftlint-sarif-tests", "private": true}' > package.json; } &&
    npm install --no-audit --no-fund --loglevel=error @microsoft/sarif-multitool@5)
  chmod u+x "$tool_dir"/node_modules/@microsoft/sarif-multitool-*/Sarif.Multitool 2>/dev/null || true
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src"
"$bin" check examples tests/golden/bad-weekday.plan --format sarif --output "$work/relative.sarif" 2>/dev/null || true
"$bin" check "$src/examples" --format sarif --output "$work/absolute.sarif" 2>/dev/null || true
status=0
for f in "$work"/*.sarif; do
  out=$(cd "$tool_dir" && DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 node_modules/.bin/sarif-multitool validate "$f" 2>&1) ||
    true
  if echo "$out" | grep -E "(error|warning) [A-Z]+[0-9]+" >/dev/null || ! echo "$out" | grep -q "Analysis completed"; then
    echo "$(basename "$f"):" >&2
    echo "$out" | grep -vE "^(Analyzing|THREADS|Done|$)" | head -20 >&2
    status=1
  fi
done
[ $status -eq 0 ] && echo "ok: the SARIF multitool finds no error or warning"
exit $status
