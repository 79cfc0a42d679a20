#!/usr/bin/env python3
"""liftlint side by side with two rule engines from npm, json-rules-engine and Spectral, running the
rules of the back-pain pack that each can express (rules.json, .spectral.yaml).

    bench/peers/compare.py BUILD [--quick] [--json] [--runs N]
    bench/peers/compare.py BUILD --verify

BUILD holds liftlint and bench/liftlint_bench. The peers are installed with `npm ci` into
bench/peers/node_modules when missing. Generated plans and facts files go to bench/peers/data/.

--verify checks the examples, the back-pain pack's rule tests and 50 generated plans with all three
and shows, rule by rule, where each reports a finding; it exits 1 when a peer disagrees with liftlint
on a rule it expresses.
Otherwise the script times one plan from the command line (median of rounds in which each command
runs in turn, with /bin/true as the floor) and the plans per second in one process, and prints a
markdown table (--json: the same figures as JSON).
"""
import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "bench" / "scripts"))
sys.path.insert(0, str(HERE))
import facts  # noqa: E402
from startup import measure, run_once  # noqa: E402

DATA = HERE / "data"
EXAMPLES = [*sorted((ROOT / "examples").glob("flawed-*.plan")),
            ROOT / "examples" / "beginner-routine.plan", ROOT / "examples" / "five-day.plan"]
# The rule tests of the back-pain pack: each rule's failing and passing neighbours.
RULE_TESTS = sorted((ROOT / "rules" / "back-pain" / "tests").glob("*.plan"))
CLI_PLAN = ROOT / "examples" / "beginner-routine.plan"
BATCH_PLANS = 1000  # as CheckBatch/1000 in liftlint_bench


def die(message):
    print(f"compare.py: {message}", file=sys.stderr)
    sys.exit(2)


class Tools:
    """The binaries of BUILD and the peers, installed on first use."""

    def __init__(self, build):
        self.build = Path(build).resolve()
        self.liftlint = self.build / "liftlint"
        self.bench = self.build / "bench" / "liftlint_bench"
        for exe in (self.liftlint, self.bench):
            if not (exe.is_file() and os.access(exe, os.X_OK)):
                die(f"no {exe}; build the project first (cmake --build {self.build})")
        self.node = shutil.which("node")
        if not self.node:
            die("node is not on PATH; the peers need node 18.18 or later (apt-get install nodejs npm)")
        version = subprocess.run([self.node, "--version"], capture_output=True, text=True).stdout.strip()
        # Spectral asks for 18.18 or later; Debian 12's nodejs is 18.19.
        major, minor = (int(x) for x in version.lstrip("v").split(".")[:2])
        if (major, minor) < (18, 18):
            die(f"node {version} is too old; the peers need node 18.18 or later")
        self.spectral = HERE / "node_modules" / ".bin" / "spectral"
        wanted = json.loads((HERE / "package.json").read_text())["dependencies"]
        if not all((HERE / "node_modules" / name / "package.json").is_file() for name in wanted):
            npm = shutil.which("npm") or die("npm is not on PATH; it installs the peers")
            print("compare.py: installing the peers (npm ci)", file=sys.stderr)
            # npm's own output goes to stderr so that --json keeps stdout clean.
            if subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=HERE, stdout=sys.stderr).returncode:
                die("npm ci failed in bench/peers")

    def jre(self, *args):
        return [self.node, str(HERE / "jre-check.mjs"), *map(str, args)]

    def spectral_lint(self, *args):
        return [str(self.spectral), "lint", *map(str, args), "--ruleset", str(HERE / ".spectral.yaml")]


def generated_plans(tools, count):
    """The plans of CheckBatch/COUNT, written afresh so that they match the build."""
    plans = DATA / "plans"
    shutil.rmtree(plans, ignore_errors=True)
    plans.mkdir(parents=True)
    if subprocess.run([str(tools.bench), "--write-plans", str(plans), str(count)]).returncode:
        die("liftlint_bench --write-plans failed")
    written = sorted(plans.glob("*.plan"))
    if len(written) != count:
        die(f"liftlint_bench --write-plans wrote {len(written)} plans, not {count}")
    return written


def prepare_facts(tools, name, plans):
    out = DATA / name
    shutil.rmtree(out, ignore_errors=True)
    return facts.prepare(tools.build, out, plans)


# --- Verification ---------------------------------------------------------------------------------

def expressed_rules():
    """Rule id -> what a finding is about (plan, week, session or line), the same in both peers."""
    rules = json.loads((HERE / "rules.json").read_text())["rules"]
    targets = {r["name"]: r["event"]["params"]["target"] for r in rules}
    # Python has no YAML reader; the ruleset's rule ids are the keys indented by two under `rules:`.
    spectral = set(re.findall(r"^  (bp\.[\w-]+):\s*$", (HERE / ".spectral.yaml").read_text(), re.M))
    if spectral != set(targets):
        die(f"rules.json and .spectral.yaml express different rules: {sorted(spectral ^ set(targets))}")
    return targets


def anchor(target, line, plan):
    """Where a finding is, comparably across the engines: the exercise line, the session's first
    line, or nothing for a finding about the plan or a week (week blocks have no line in the facts)."""
    if target == "line":
        return line
    if target == "session":
        starts = [s["line"] for w in plan["weeks"] for s in w["sessions"] if s["line"] <= line]
        return max(starts) if starts else None
    return None


def spectral_anchor(target, path, plan):
    node, line_of = plan, {}
    for step in path:
        node = node[int(step)] if isinstance(node, list) else node.get(step)
        if isinstance(node, dict) and "line" in node:
            line_of["line" if "exercise" in node else "session"] = node["line"]
    return line_of.get(target) if target in ("line", "session") else None


def run_json(argv, what):
    done = subprocess.run([str(a) for a in argv], capture_output=True, text=True)
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError:
        die(f"{what} failed (exit code {done.returncode}):\n{done.stderr.strip() or done.stdout.strip()}")


def findings_of_liftlint(tools, plans, facts_of, targets):
    """{facts file: {(rule, anchor)}} for the expressed rules, and {facts file: {other rules}}."""
    found, outside = {}, {}
    for checked in run_json([tools.liftlint, "check", *plans, "--format", "json"], "liftlint check")["plans"]:
        file = facts_of[Path(checked["path"]).resolve()]
        plan = json.loads(file.read_text())
        found[file] = {(f["rule"], anchor(targets[f["rule"]], f["location"]["line"], plan))
                       for f in checked["findings"] if f["rule"] in targets}
        outside[file] = {f["rule"] for f in checked["findings"] if f["rule"] not in targets}
    return found, outside


def findings_of_jre(tools, files, targets):
    report = run_json(tools.jre(*files, "--json"), "jre-check.mjs")
    found = {}
    for file, findings in report.items():
        plan = json.loads(Path(file).read_text())
        found[Path(file)] = {(f["rule"], anchor(targets[f["rule"]], f["line"], plan)) for f in findings}
    return found


def findings_of_spectral(tools, files, targets):
    found = {file: set() for file in files}
    for r in run_json(tools.spectral_lint(*files, "-f", "json", "-q"), "spectral lint"):
        file = Path(r["source"])
        found[file].add((r["code"], spectral_anchor(targets[r["code"]], r["path"], json.loads(file.read_text()))))
    return found


def verify(tools, generated):
    targets = expressed_rules()
    shown = [*EXAMPLES, *RULE_TESTS]
    files = [f.resolve() for f in prepare_facts(tools, "verify", [*shown, *generated])]
    plan_of = {file: Path(json.loads(file.read_text())["plan"]).resolve() for file in files}
    facts_of = {plan: file for file, plan in plan_of.items()}
    lift, outside = findings_of_liftlint(tools, [*shown, *generated], facts_of, targets)
    engines = {"liftlint": lift, "jre": findings_of_jre(tools, files, targets),
               "spectral": findings_of_spectral(tools, files, targets)}

    disagreements, clean = 0, 0
    shown_files = {facts_of[plan.resolve()] for plan in shown}
    for file in files:
        by = {engine: found.get(file, set()) for engine, found in engines.items()}
        rules = sorted({rule for keys in by.values() for rule, _ in keys})
        differs = {r for r in rules if len({frozenset(a for rr, a in keys if rr == r) for keys in by.values()}) > 1}
        disagreements += len(differs)
        if file not in shown_files and not rules:
            clean += 1
            continue  # a generated plan without findings: nothing to show
        print(f"\n{plan_of[file].relative_to(ROOT)}")
        if not rules:
            print("  no finding of an expressed rule from any engine")
        for rule in rules:
            cells = [",".join(targets[rule] if a is None else str(a) for a in sorted(
                (a for r, a in keys if r == rule), key=lambda a: (a is None, a or 0))) or "-" for keys in by.values()]
            mark = "  <- differs" if rule in differs else ""
            print(f"  {rule:<30} liftlint {cells[0]:<10} jre {cells[1]:<10} spectral {cells[2]:<10}{mark}")
        if outside.get(file):
            print(f"  (liftlint also: {', '.join(sorted(outside[file]))}: not expressed in the peers)")
    print(f"\n{len(EXAMPLES)} examples, {len(RULE_TESTS)} rule-test plans and {len(generated)} generated plans "
          f"({clean} of them without findings in all three); {len(targets)} rules expressed in both peers; "
          f"{disagreements} disagreement(s)")
    return 1 if disagreements else 0


# --- Timing ---------------------------------------------------------------------------------------

def cli_times(tools, runs):
    plan = CLI_PLAN
    fact = prepare_facts(tools, "cli", [plan])[0]
    commands = [("/bin/true", ["/bin/true"]),
                ("liftlint", [str(tools.liftlint), "check", str(plan)]),
                ("json-rules-engine", tools.jre(fact)),
                ("spectral", tools.spectral_lint(fact))]
    for _, argv in commands:  # warm the page cache
        run_once(argv)
    medians = measure(commands, runs)
    base = medians["liftlint"]
    return {name: {"ms": round(m * 1e3, 2), "ratio_to_liftlint": round(m / base, 2)} for name, m in medians.items()}


def liftlint_throughput(tools, quick):
    command = [str(tools.bench), "--benchmark_filter=CheckBatch/1000$", "--benchmark_format=json",
               "--benchmark_min_time=" + ("0.05" if quick else "0.5")]
    if not quick:  # the median of three runs
        command += ["--benchmark_repetitions=3", "--benchmark_report_aggregates_only=true"]
    data = run_json(command, "liftlint_bench")
    runs = [b for b in data["benchmarks"] if b.get("aggregate_name", "median") == "median"]
    return runs[0]["items_per_second"], data["context"].get("library_build_type")


def peer_throughput(tools, script, facts_dir, plans, seconds):
    r = run_json([tools.node, HERE / script, facts_dir, seconds, plans], script)
    return {"plans_per_second": round(r["plans_per_second"], 1), "plans": r["plans"],
            "how": f"{script}, {r['passes']} timed pass(es) after a warm-up pass"}


def throughput(tools, quick):
    facts_dir = DATA / "facts"
    prepare_facts(tools, "facts", generated_plans(tools, BATCH_PLANS))
    liftlint_pps, build_type = liftlint_throughput(tools, quick)
    # Spectral takes about a tenth of a second a plan, so it gets the first tenth of the plans.
    jre_plans, spectral_plans, seconds = (100, 10, 1) if quick else (BATCH_PLANS, BATCH_PLANS // 10, 10)
    return {
        "liftlint": {"plans_per_second": round(liftlint_pps), "plans": BATCH_PLANS,
                     "how": "liftlint_bench CheckBatch/1000", "benchmark_library_build_type": build_type},
        "json-rules-engine": peer_throughput(tools, "jre-batch.mjs", facts_dir, jre_plans, seconds),
        "spectral": peer_throughput(tools, "spectral-batch.mjs", facts_dir, spectral_plans, seconds),
    }


def versions(tools):
    def package(name):
        return json.loads((HERE / "node_modules" / name / "package.json").read_text())["version"]
    def output(*argv):
        return subprocess.run(argv, capture_output=True, text=True).stdout.strip()
    return {"liftlint": output(str(tools.liftlint), "--version").split()[-1], "node": output(tools.node, "--version"),
            "json-rules-engine": package("json-rules-engine"), "spectral": package("@stoplight/spectral-cli")}


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "unknown")
    return {"cpu": cpu, "nproc": os.cpu_count(), "load_average_at_start": Path("/proc/loadavg").read_text().split()[0]}


def markdown(result):
    m, v, cli, tp = result["machine"], result["versions"], result["cli"], result["in_process"]
    lines = [f"Measured on {result['date']}: {m['cpu']}, {m['nproc']} cores, load average "
             f"{m['load_average_at_start']} at the start; liftlint {v['liftlint']}, node {v['node']}, "
             f"json-rules-engine {v['json-rules-engine']}, Spectral CLI {v['spectral']}; "
             f"{result['rules_expressed']} rules in each peer.", "",
             f"One plan from the command line ({CLI_PLAN.name}; median of {result['runs']} rounds, "
             "process start included):", "",
             "| command | ms | ratio to liftlint |", "| --- | ---: | ---: |"]
    labels = {"/bin/true": "/bin/true (floor)", "liftlint": "liftlint check PLAN",
              "json-rules-engine": "node jre-check.mjs FACTS",
              "spectral": "spectral lint FACTS --ruleset .spectral.yaml"}
    for name, r in cli.items():
        lines.append(f"| {labels[name]} | {r['ms']:.2f} | {r['ratio_to_liftlint']:.2f} |")
    lines += ["", "Plans per second in one process (the generated one-week plans of CheckBatch/1000):", "",
              "| engine | plans | plans/s | liftlint is faster by | how |", "| --- | ---: | ---: | ---: | --- |"]
    base = tp["liftlint"]["plans_per_second"]
    for name, r in tp.items():
        faster = base / r["plans_per_second"]
        lines.append(f"| {name} | {r['plans']} | {r['plans_per_second']:,} | {faster:.1f}x | {r['how']} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("build", help="build directory with liftlint and bench/liftlint_bench")
    parser.add_argument("--verify", action="store_true", help="compare the findings instead of timing")
    parser.add_argument("--quick", action="store_true", help="fewer rounds and plans, to try the script")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--runs", type=int, help="command-line rounds (default 20, 5 with --quick)")
    args = parser.parse_args()
    tools = Tools(args.build)
    if args.verify:
        sys.exit(verify(tools, generated_plans(tools, BATCH_PLANS)[:50]))
    runs = args.runs or (5 if args.quick else 20)
    result = {"date": datetime.date.today().isoformat(), "machine": machine(), "versions": versions(tools),
              "rules_expressed": len(expressed_rules()), "runs": runs}
    result["cli"] = cli_times(tools, runs)
    result["in_process"] = throughput(tools, args.quick)
    print(json.dumps(result, indent=2) if args.json else markdown(result))


if __name__ == "__main__":
    main()
