#!/usr/bin/env bash
# Runs Debian's Neovim headless against `liftlint lsp` on a flawed plan (tests/editors/neovim_test.lua).
# Usage: neovim.sh LIFTLINT SOURCE_DIR. Exits 77 (skipped) where Neovim is not installed.
set -euo pipefail
binary=$1 root=$2
if ! command -v nvim >/dev/null; then
  echo "skipped: Neovim is not installed (apt-get install neovim, as the README's first command does)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/examples/fixable.plan" "$work/week.plan"
# a home of its own, so that no user configuration or plugin takes part
HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state \
  LIFTLINT=$binary PLAN=$work/week.plan \
  timeout 120 nvim --headless --clean -u NONE -c "luafile $root/tests/editors/neovim_test.lua"
