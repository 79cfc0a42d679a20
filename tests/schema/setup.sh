#!/usr/bin/env bash
# Installs the JSON Schema validator (Ajv with draft-04 support and formats) from npm into
# the given directory, once.
set -euo pipefail
dir=$1
if [ -f "$dir/node_modules/ajv-draft-04/package.json" ] && [ -f "$dir/node_modules/ajv-formats/package.json" ]; then
  exit 0
fi
command -v npm >/dev/null || { echo "npm is needed for the schema tests: apt-get install npm" >&2; exit 1; }
mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || echo '{"name": "liftlint-schema-tests", "private": true}' > package.json
npm install --no-audit --no-fund --loglevel=error ajv@8 ajv-draft-04@1 ajv-formats@3
