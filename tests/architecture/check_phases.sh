#!/usr/bin/env bash
# An include against the flow must not build. For every phase, a file that includes one header of
# each other phase is compiled with that phase's include path: the phases it may use must be found,
# every other phase must not.
# Usage: check_phases.sh CXX PHASE_ROOT SOURCE_DIR
set -u
cxx=$1 root=$(realpath "$2") src=$(realpath "$3")

# What each phase may include, as CMakeLists.txt declares it (liftlint_phase ... USES).
declare -A allowed=(
  [support]=""
  [json]="support"
  [rules]="support grammar"
  [plan]="support grammar json rules"
  [eval]="support rules plan"
  [report]="support liftlint"
  [api]="support grammar json rules plan eval report liftlint"
  [authoring]="support grammar json rules plan eval report api liftlint"
  [lsp]="support authoring liftlint"
  [cli]="support report authoring lsp liftlint"
)
# One header of each phase to try.
declare -A probe=(
  [support]="support/source.hpp" [grammar]="grammar/common.hpp" [json]="json/tree.hpp"
  [rules]="rules/model.hpp" [plan]="plan/model.hpp" [eval]="eval/evaluator.hpp"
  [report]="report/report.hpp" [api]="api/convert.hpp" [authoring]="authoring/format.hpp"
  [cli]="cli/common.hpp" [lsp]="lsp/server.hpp" [liftlint]="liftlint/liftlint.hpp"
)
# Quoted includes are looked for in the current directory first: compile from an empty one.
cd "$(mktemp -d)" || exit 1
failures=0
for phase in "${!allowed[@]}"; do
  for other in "${!probe[@]}"; do
    [ "$other" = "$phase" ] && continue
    header=${probe[$other]}
    want=refused
    case " ${allowed[$phase]} " in *" $other "*) want=found ;; esac
    out=$(printf '#include "%s"\n' "$header" |
          "$cxx" -std=c++20 -fsyntax-only -I "$root/$phase" -x c++ - 2>&1)
    # gcc says "HEADER: No such file or directory", clang "'HEADER' file not found".
    if printf '%s' "$out" | grep -qE "$header(: No such file|' file not found)"; then got=refused; else got=found; fi
    if [ "$got" != "$want" ]; then
      echo "phase $phase including $header: expected $want, got $got"
      printf '%s\n' "$out" | head -3
      failures=$((failures + 1))
    fi
  done
done
# The trees must not be bypassed: no target of the library or the command line may have src/ on its
# include path.
if grep -E 'target_include_directories\((liftlint_phase_|liftlint_core|liftlint_shared|liftlint )' "$src/CMakeLists.txt" |
   grep -q '/src'; then
  echo "a target of the library or the command line has src/ on its include path"
  failures=$((failures + 1))
fi
echo "$failures unexpected edges"
[ "$failures" -eq 0 ]
