#!/usr/bin/env bash
# Installs puppeteer-core (the DevTools protocol client that drives the system's Chromium) from npm into
# the given directory, once.
set -euo pipefail
dir=$1
[ -f "$dir/node_modules/puppeteer-core/package.json" ] && exit 0
command -v npm >/dev/null || { echo "npm is needed for the browser tests: apt-get install npm" >&2; exit 1; }
mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || echo '{"name": "liftlint-browser-tests", "private": true}' > package.json
npm install --no-audit --no-fund --loglevel=error puppeteer-core@23
