#!/usr/bin/env bash
# The completion scripts liftlint writes: each is valid for its shell and completes subcommands,
# nested subcommands and options.
set -euo pipefail
bin=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "$1"; exit 1; }

"$bin" completions bash > "$work/liftlint.bash"
bash -n "$work/liftlint.bash"
got=$(bash -c '
  source "$1"
  complete_words() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _liftlint; echo "${COMPREPLY[*]}"; }
  complete_words liftlint ch
  complete_words liftlint rules l
  complete_words liftlint check --fa
  complete_words liftlint --jobs 2 config s' _ "$work/liftlint.bash")
[ "$got" = $'check\nlist\n--fail-on\nshow' ] || fail "bash completes: $got"

if command -v fish > /dev/null; then
  "$bin" completions fish > "$work/liftlint.fish"
  fish -n "$work/liftlint.fish"
  got=$(fish -c "source $work/liftlint.fish; complete -C 'liftlint rules '; complete -C 'liftlint check --max'" |
        cut -f1)
  [ "$got" = $'check\ndoc\nlist\n--max-warnings' ] || fail "fish completes: $got"
else
  echo "fish is not installed: its script was not tried"
fi

if command -v zsh > /dev/null; then
  "$bin" completions zsh > "$work/_liftlint"
  zsh -n "$work/_liftlint"
  # compadd and _describe exist only inside the completion system: stand-ins record what is offered.
  got=$(zsh -c '
    script=$0
    _describe() { local -a items; items=(${(P)4}); print -l -- ${(M)${items%%:*}:#${PREFIX}*}; }
    _files() { print "<files>"; }
    source_it() { words=("$@"); CURRENT=$#; PREFIX=${words[-1]}; source $script; }
    source_it liftlint rules ""
    source_it liftlint check --no' "$work/_liftlint")
  [ "$got" = $'list\ndoc\ncheck\n--no-default-rules' ] || fail "zsh completes: $got"
else
  echo "zsh is not installed: its script was not tried"
fi
echo "completions: bash, fish and zsh scripts complete subcommands and options"
