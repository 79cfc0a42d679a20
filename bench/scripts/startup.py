#!/usr/bin/env python3
"""The cost of a command-line run, process start included, side by side with /bin/true.

Each command is run in turn, round after round, so that a busy moment of the machine costs every
command alike; the figure is the median wall time of a run, from fork to exit.

    bench/scripts/startup.py [--runs N] [--json] NAME=COMMAND... 

A COMMAND is split on spaces. /bin/true is always measured first, as `true`.
"""
import argparse
import json
import os
import statistics
import subprocess
import time


def run_once(argv):
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def measure(commands, runs):
    times = {name: [] for name, _ in commands}
    for _ in range(runs):
        for name, argv in commands:
            times[name].append(run_once(argv))
    return {name: statistics.median(t) for name, t in times.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--json", action="store_true", help="print the medians and ratios as JSON")
    parser.add_argument("commands", nargs="+", metavar="NAME=COMMAND")
    args = parser.parse_args()
    commands = [("true", ["/bin/true"])]
    for spec in args.commands:
        name, _, command = spec.partition("=")
        commands.append((name, command.split()))
    for _, argv in commands:  # warm the page cache
        run_once(argv)
    medians = measure(commands, args.runs)
    floor = medians["true"]
    result = {name: {"ms": round(m * 1e3, 3), "ratio_to_true": round(m / floor, 2)} for name, m in medians.items()}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    for name, r in result.items():
        print(f"{name:<28} {r['ms']:8.2f} ms  {r['ratio_to_true']:6.2f}x /bin/true")


if __name__ == "__main__":
    main()
