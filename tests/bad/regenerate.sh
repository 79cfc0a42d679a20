#!/usr/bin/env bash
# Writes NAME.expected for every input from what liftlint reports now. Read the diff
# (git diff tests/bad) before committing: each must stay a clear positioned error, exit 2.
# Usage: tests/bad/regenerate.sh [path/to/liftlint]
set -u
cd "$(dirname "$0")/../.."
bin=${1:-build/liftlint}
for f in tests/bad/plans/*.plan; do
  { NO_COLOR=1 timeout 10 "$bin" check "$f" 2>&1; echo "exit $?"; } > "$f.expected"
done
for f in tests/bad/rules/*.rules; do
  { NO_COLOR=1 timeout 10 "$bin" check tests/bad/ok.plan --rules "$f" 2>&1; echo "exit $?"; } > "$f.expected"
done
