#!/usr/bin/env bash
# Writes NAME.golden for every programme and pasted document from what liftlint reports now. Read the
# diff (git diff tests/programmes tests/pasted-documents) before committing: each finding must be one a
# physiotherapist would sign (NAME.expect and NAME.notes say what one expected), and each refused line
# must be one that cannot be read.
# Usage: tests/programmes/regenerate.sh [path/to/liftlint]
set -u
cd "$(dirname "$0")/../.."
bin=${1:-build/liftlint}
for f in tests/programmes/*.plan tests/pasted-documents/*.plan; do
  "$bin" check "$f" --color never > "${f%.plan}.golden" 2>&1
done
