#!/usr/bin/env python3
"""Precision and recall of liftlint's findings against a physiotherapist's expectations.

Each scenario is NAME.plan with NAME.expect beside it. An expectation line is
    LINE: RULE (why)            a finding of RULE at LINE
    LINE: RULE-A | RULE-B (why) either rule at LINE
    *: RULE (why)               RULE anywhere in the plan (plan and week findings)
    clean                       no error or warning at all
Every (line, rule) pair liftlint reports as an error or a warning is counted once. A reported pair
that no expectation names is a false alarm; an expectation nothing matches is a miss. A finding of
severity info is advice, not an alarm: it meets an expectation that names it, and is never a false
alarm.

usage: score.py LIFTLINT DIR [--min-precision P] [--min-recall R] [--quiet]
"""
import json
import re
import subprocess
import sys
from pathlib import Path

EXPECT = re.compile(r"^\s*(\*|\d+)\s*:\s*([\w.\-]+(?:\s*\|\s*[\w.\-]+)*)")


def expectations(path):
    out = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = raw.split("#", 1)[0].strip()
        if not text or text == "clean":
            continue
        m = EXPECT.match(text)
        if not m:
            sys.exit(f"{path}:{number}: cannot read expectation '{raw}'")
        line = None if m.group(1) == "*" else int(m.group(1))
        rules = {r.strip() for r in m.group(2).split("|")}
        out.append((line, rules, raw.strip()))
    return out


def reported(liftlint, plan):
    run = subprocess.run([liftlint, "check", str(plan), "--format", "json"], capture_output=True, text=True)
    if run.returncode not in (0, 1, 2):
        sys.exit(f"{plan}: liftlint exited with {run.returncode}\n{run.stderr}")
    found, advice = set(), set()
    for p in json.loads(run.stdout)["plans"]:
        for f in p["findings"]:
            if f.get("rule"):
                (found if f["severity"] in ("error", "warning") else advice).add((f["location"]["line"], f["rule"]))
    return found, advice


def score(expected, found, advice=frozenset()):
    """Returns (true positives, false alarms, misses)."""
    matched = set()
    misses = []
    hits = 0
    for line, rules, raw in expected:
        candidates = [(l, r) for (l, r) in found | advice if r in rules and (line is None or l == line)]
        if not candidates:
            misses.append(raw)
            continue
        hits += 1
        # A plan-wide expectation covers every place the rule is reported.
        matched.update(candidates if line is None else candidates[:1])
    alarms = sorted(found - matched)
    matched &= found
    return hits, alarms, misses


def main():
    args = sys.argv[1:]
    quiet = "--quiet" in args
    args = [a for a in args if a != "--quiet"]
    minimum = {"--min-precision": 0.0, "--min-recall": 0.0}
    for key in minimum:
        if key in args:
            i = args.index(key)
            minimum[key] = float(args[i + 1])
            del args[i : i + 2]
    liftlint, directory = args[0], Path(args[1])
    plans = sorted(directory.glob("*.plan"))
    total_hits = total_expected = total_reported = true_total = 0
    for plan in plans:
        expected = expectations(plan.with_suffix(".expect"))
        found, advice = reported(liftlint, plan)
        hits, alarms, misses = score(expected, found, advice)
        # Reported pairs matched by expectations, counted once each.
        true_reports = len(found) - len(alarms)
        total_hits += hits
        total_expected += len(expected)
        total_reported += len(found)
        true_total += true_reports
        if not quiet and (alarms or misses):
            print(f"{plan.name}: {hits}/{len(expected)} expected, {true_reports}/{len(found)} reported right")
            for line, rule in alarms:
                print(f"  false alarm  {line}: {rule}")
            for raw in misses:
                print(f"  missed       {raw}")
    precision = true_total / total_reported if total_reported else 1.0
    recall = total_hits / total_expected if total_expected else 1.0
    print(f"{len(plans)} scenarios: precision {precision:.1%} ({true_total}/{total_reported} reported right), "
          f"recall {recall:.1%} ({total_hits}/{total_expected} expected found)")
    if precision < minimum["--min-precision"] or recall < minimum["--min-recall"]:
        print(f"below the minimum: precision {minimum['--min-precision']:.1%}, recall {minimum['--min-recall']:.1%}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
