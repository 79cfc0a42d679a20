#!/usr/bin/env bash
# Writes the expected reports of every example plan from what liftlint reports now:
#   tests/golden/examples/NAME.txt        text report, standard output and standard error together
#   tests/golden/examples/NAME.exit       exit code of the text run
#   tests/golden/examples/NAME.json       --format json, standard output only
#   tests/golden/examples/NAME.sarif      --format sarif, standard output only
#   tests/golden/examples/NAME.junit.xml  --format junit, standard output only
#   tests/golden/examples/NAME.github     --format github, standard output only
#   tests/golden/examples/NAME.html       --format html, standard output only
# and the same under tests/golden/examples/json/ for the JSON plans in examples/json/.
# Machine formats leave out standard error, where only the summary line goes, so each file is what
# a CI tool would read. Read the diff (git diff tests/golden) before committing: a changed golden is
# a changed report.
# Usage: tests/golden/regenerate.sh [path/to/liftlint]
set -u
cd "$(dirname "$0")/../.."
bin=${1:-build/liftlint}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
[ -x "$bin" ] || { echo "regenerate.sh: no liftlint binary at $bin" >&2; exit 2; }

# Paths in the reports are relative to the repository root, as the tests run them.
regenerate() {  # plan, output stem
  local plan=$1 stem=$2
  NO_COLOR=1 timeout 10 "$bin" check "$plan" > "$stem.txt" 2>&1
  echo $? > "$stem.exit"
  NO_COLOR=1 timeout 10 "$bin" check "$plan" --format json > "$stem.json" 2>/dev/null
  NO_COLOR=1 timeout 10 "$bin" check "$plan" --format sarif > "$stem.sarif" 2>/dev/null
  NO_COLOR=1 timeout 10 "$bin" check "$plan" --format junit > "$stem.junit.xml" 2>/dev/null
  NO_COLOR=1 timeout 10 "$bin" check "$plan" --format github > "$stem.github" 2>/dev/null
  NO_COLOR=1 timeout 10 "$bin" check "$plan" --format html > "$stem.html" 2>/dev/null
}

mkdir -p tests/golden/examples/json
for f in examples/*.plan; do
  regenerate "$f" "tests/golden/examples/$(basename "$f" .plan)"
done
for f in examples/json/*.json; do
  regenerate "$f" "tests/golden/examples/json/$(basename "$f" .json)"
done
# The last check's exit code is a report, not a failure of this script.
exit 0
