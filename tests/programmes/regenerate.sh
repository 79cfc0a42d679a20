#!/usr/bin/env bash
# Writes NAME.golden for every programme from what liftlint reports now. Read the diff
# (git diff tests/programmes) before committing: each finding must be one a physiotherapist
# would sign, and NAME.expect says what one expected.
# Usage: tests/programmes/regenerate.sh [path/to/liftlint]
set -u
cd "$(dirname "$0")/../.."
bin=${1:-build/liftlint}
for f in tests/programmes/*.plan; do
  "$bin" check "$f" --color never > "${f%.plan}.golden" 2>&1
done
