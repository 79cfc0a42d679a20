#!/usr/bin/env python3
"""Runs every benchmark and writes docs/performance.md from the run, with the machine and the date.

    bench/scripts/performance.py BUILD [--before OLD_BUILD] [--out docs/performance.md] [--quick] [--peers]

BUILD is a Release build directory holding liftlint and bench/liftlint_bench. With --before, an older
build is measured side by side (each benchmark of one binary, then of the other; command-line runs in
turn), and every table gets a before column. --quick runs each benchmark for less time, to try the
script; the figures it prints are noisier. --peers adds json-rules-engine and Spectral on the same
rules (bench/peers/compare.py, which needs node and npm).
"""
import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import startup  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EXAMPLE = os.path.join(ROOT, "examples", "beginner-routine.plan")


def run_benchmarks(build, quick):
    out = tempfile.NamedTemporaryFile(suffix=".json", delete=False).name
    command = [os.path.join(build, "bench", "liftlint_bench"), f"--benchmark_out={out}", "--benchmark_out_format=json",
               "--benchmark_min_time=" + ("0.05" if quick else "0.5")]
    if not quick:  # the median of three runs of each benchmark
        command += ["--benchmark_repetitions=3", "--benchmark_report_aggregates_only=true"]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    with open(out) as f:
        data = json.load(f)
    os.unlink(out)
    medians = {b["run_name"]: b for b in data["benchmarks"] if b.get("aggregate_name") == "median"}
    return medians or {b["name"]: b for b in data["benchmarks"]}


def batch(build, plans_dir, quick):
    """--jobs 1 and 2 on a directory of plans: times, and whether the reports are the same bytes."""
    liftlint = os.path.join(build, "liftlint")
    outputs = {}
    for jobs in (1, 2):
        result = subprocess.run([liftlint, "check", plans_dir, "--jobs", str(jobs), "--format", "json"],
                                capture_output=True, check=False)
        outputs[jobs] = result.stdout
    times = {1: [], 2: []}
    for _ in range(1 if quick else 5):  # in turn, so that a busy moment costs both alike
        for jobs in (1, 2):
            times[jobs].append(startup.run_once([liftlint, "check", plans_dir, "--jobs", str(jobs), "--format", "json"]))
    seconds = {jobs: sorted(t)[len(t) // 2] for jobs, t in times.items()}
    return {"seconds": seconds, "identical": outputs[1] == outputs[2] and len(outputs[1]) > 0}


def run_peers(build, quick):
    """bench/peers/compare.py's figures: json-rules-engine and Spectral on the same rules."""
    argv = [sys.executable, os.path.join(ROOT, "bench", "peers", "compare.py"), build, "--json"]
    result = subprocess.run(argv + (["--quick"] if quick else []), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"bench/peers/compare.py failed:\n{result.stderr}")
    return json.loads(result.stdout)


def machine():
    cpu = "unknown processor"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        memory_kib = int(f.readline().split()[1])
    compiler = subprocess.run(["c++", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip() or "unknown"
    if subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                      text=True).stdout.strip():
        commit += " with changes not yet committed"
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(memory_kib / 1024 / 1024),
            "kernel": platform.release(), "compiler": compiler, "commit": commit,
            "date": datetime.date.today().isoformat()}


def commit_of_build(build):
    """The commit a build directory was configured from, read from its CMake cache."""
    try:
        with open(os.path.join(build, "CMakeCache.txt")) as f:
            source = next(line.split("=", 1)[1].strip() for line in f if line.startswith("CMAKE_HOME_DIRECTORY:"))
    except (OSError, StopIteration):
        return None
    return subprocess.run(["git", "-C", source, "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True).stdout.strip() or None


def time_of(b):
    unit = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b["time_unit"]]
    return b["real_time"] * unit


def shown(seconds):
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


class Page:
    def __init__(self, after, before):
        self.after, self.before, self.lines = after, before, []

    def add(self, *lines):
        self.lines.extend(lines)

    def table(self, header, rows):
        """rows: (label, benchmark name, extra text from a benchmark or None)."""
        columns = ["benchmark", *(["before"] if self.before else []), "time", *header]
        self.add("| " + " | ".join(columns) + " |", "|" + "---|" * len(columns))
        for label, name, extra in rows:
            if name not in self.after:
                continue
            cells = [label]
            if self.before:
                cells.append(shown(time_of(self.before[name])) if name in self.before else "new")
            cells.append(shown(time_of(self.after[name])))
            if header:
                cells.append(extra(self.after[name]) if extra else "")
            self.add("| " + " | ".join(cells) + " |")
        self.add("")


def counter(name, fmt="{:.0f}", scale=1.0):
    return lambda b: fmt.format(b[name] * scale) if name in b else ""


def write_page(path, facts, after, before, cli, jobs, peers):
    p = Page(after, before)
    m = facts
    p.add("# Performance and hardening", "",
          "<!-- Written by bench/scripts/performance.py from one run; do not edit by hand. -->", "",
          f"Measured on {m['date']} at commit {m['commit']}: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, "
          f"Linux {m['kernel']}, {m['compiler']}, CMake's Release build (`-O3`).",
          "Figures are medians: of three runs of each benchmark, and of repeated command-line runs. On this "
          "virtual machine the same build's figures vary by up to a third from one run to the next, so only "
          "larger differences mean anything.", "")
    if before:
        of = f" (commit {m['before_commit']})" if m.get("before_commit") else ""
        p.add(f"The *before* column is an older build{of} measured in the same run, benchmark by benchmark, so "
              "that both sides saw the same machine.", "")
    p.add("## Reproducing the figures", "", "```sh",
          "cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j2",
          "bench/scripts/performance.py build                      # rewrites docs/performance.md",
          "bench/scripts/performance.py build --before old/build   # with an older build side by side",
          "bench/scripts/performance.py build --peers              # with json-rules-engine and Spectral (node, npm)",
          "./build/bench/liftlint_bench --benchmark_filter=CheckPlan   # one benchmark on its own",
          "```", "")
    p.add("## The command line", "",
          "A one-week check with the built-in pack, process start to exit, against `/bin/true` run in turn with it "
          "(`bench/scripts/startup.py`). The command line is linked statically, as a position-independent "
          "executable, and builds its engine from the snapshot compiled into it.", "")
    p.add("| run | " + ("before | " if "before" in cli else "") + "time | ratio to /bin/true |",
          "|---|" + ("---|" if "before" in cli else "") + "---|---|")
    for name, label in (("true", "`/bin/true`"), ("version", "`liftlint --version`"),
                        ("check", "`liftlint check examples/beginner-routine.plan`")):
        before_cell = ""
        if "before" in cli:
            before_cell = f"{cli['before'][name]['ms']:.2f} ms ({cli['before'][name]['ratio_to_true']:.1f}×) | "
        p.add(f"| {label} | {before_cell}{cli['after'][name]['ms']:.2f} ms | {cli['after'][name]['ratio_to_true']:.2f}× |")
    p.add("")
    if "PeakMemory/iterations:5" in after:
        p.add(f"Peak resident memory of that check, in a process of its own (`PeakMemory`): "
              f"{after['PeakMemory/iterations:5']['peak_rss_MiB']:.1f} MiB.", "")
    p.add("`--jobs` on a directory of 10,000 distinct one-week plans, JSON report:", "",
          "| jobs | " + ("before | " if "before" in jobs else "") + "time | plans per second | speed-up |",
          "|---|" + ("---|" if "before" in jobs else "") + "---|---|---|")
    for j in (1, 2):
        s = jobs["seconds"][j]
        before_cell = ""
        if "before" in jobs:
            old = jobs["before"]["seconds"]
            before_cell = f"{old[j]:.2f} s ({old[1] / old[j]:.2f}×) | "
        p.add(f"| {j} | {before_cell}{s:.2f} s | {10000 / s:,.0f} | {jobs['seconds'][1] / s:.2f}× |")
    p.add("", f"The two reports are {'byte for byte the same' if jobs['identical'] else 'NOT the same'}.", "")
    p.add("## In process", "",
          "`bench/plan_generator.cpp` writes realistic plans: a client with chronic low back pain, cleared, of "
          "intermediate experience; each week two strength sessions (warm-up block, four main exercises with sets, "
          "reps, loads, tempo and per-side doses, cool-down block), a rest day and a mobility session. A *flawed* "
          "plan adds crunches and a heavy barbell deadlift to each strength session and turns the rest day into a "
          "third strength day, so that every week has findings, substitutes and fixes to report.", "")
    per_plan = lambda b: f"{b['items_per_second']:,.0f} plans/s" if "items_per_second" in b else ""
    allocs = counter("allocs_per_iter", "{:,.0f} allocations")
    p.table(["per plan"], [
        ("`DefaultPackLoad`: an engine from the built-in snapshot", "DefaultPackLoad", None),
        ("`ParsePlan`: reading a one-week plan", "ParsePlan", allocs),
        ("`ResolvePlan`", "ResolvePlan", None),
        ("`EvaluatePlan`: the 34 rules", "EvaluatePlan", None),
        ("`CheckPlan/1`: one week, end to end", "CheckPlan/1", lambda b: per_plan(b) + ", " + allocs(b)),
        ("`CheckPlan/10`", "CheckPlan/10", allocs),
        ("`CheckPlan/52`", "CheckPlan/52", allocs),
        ("`CheckBatch/10000`: distinct one-week plans", "CheckBatch/10000", lambda b: per_plan(b) + ", "
         + f"{b['allocs_per_iter'] / 10000:,.0f} allocations a plan" if "allocs_per_iter" in b else per_plan(b)),
        ("`CheckFlawed/1`: one week with findings", "CheckFlawed/1",
         lambda b: f"{b['findings']:.0f} findings, " + allocs(b)),
        ("`CheckFlawed/4`", "CheckFlawed/4", counter("findings", "{:.0f} findings")),
        ("`CheckFlawed/52`", "CheckFlawed/52", counter("findings", "{:.0f} findings")),
        ("`TemplateWeeks/1`: a one-week template", "TemplateWeeks/1", None),
        ("`TemplateWeeks/52`: the same week as `week 1..52`", "TemplateWeeks/52", None),
        ("`TemplateWeeks/520`", "TemplateWeeks/520", None),
        ("`CheckExample/0`: examples/five-day.plan", "CheckExample/0", None),
        ("`CheckExample/1`: the same plan as JSON", "CheckExample/1", None),
        ("`CheckJsonLines/1000`", "CheckJsonLines/1000", per_plan),
        ("`LspDiagnostics`: a keystroke to its diagnostics", "LspDiagnostics", None),
        ("`FixPlan`: `check --fix --unsafe-fixes`", "FixPlan", None),
    ])
    p.add("### Reports", "", "Writing the report of the one-week flawed plan in each format (the check not timed):", "")
    p.table(["output"], [(f"`{n}`", f"WriteReport/{i}", counter("output_bytes", "{:,.0f} bytes"))
                         for i, n in enumerate(["text", "json", "sarif", "junit", "github", "html"])])
    p.add("## Linear to every limit", "", "One plan of 1 to 520 weeks (the longest a plan may be), each week its "
          "own block (`Scaling/N`); the cost per week must stay flat:", "")
    per_week = lambda b: shown(b["per_week"])  # an inverted rate: seconds per week
    p.table(["per week"], [(f"{n} week{'s' if n > 1 else ''}", f"Scaling/{n}", per_week) for n in (1, 10, 100, 260, 520)])
    if "Scaling/10" in after and "Scaling/520" in after:
        ratio = after["Scaling/520"]["per_week"] / after["Scaling/10"]["per_week"]
        p.add(f"Per week at 520 weeks: {ratio:.2f}× the cost per week at 10 weeks.", "")
    p.add("The default pack's guidelines copied under new names up to about 3,300 rules (`RuleScaling/N`), "
          "checking the one-week flawed plan: the findings grow with the rules, and the cost per rule must stay "
          "flat.", "")
    per_rule = lambda b: shown(b["per_rule"])  # seconds per rule
    p.table(["per rule"], [(f"{n} rules", f"RuleScaling/{n}", per_rule) for n in (34, 340, 3300)])
    p.add("Text size, up to the 8 MiB limit of a plan file (`TemplateBytes/N`, a 520-week template of N KiB), "
          "and the refusal of a plan one byte over it (`RefuseOverLimit`):", "")
    throughput = lambda b: f"{b['bytes_per_second'] / 1e6:,.1f} MB/s" if "bytes_per_second" in b else ""
    p.table(["throughput"], [("64 KiB", "TemplateBytes/64", throughput), ("512 KiB", "TemplateBytes/512", throughput),
                             ("8000 KiB", "TemplateBytes/8000", throughput),
                             ("8 MiB + 1 byte, refused", "RefuseOverLimit", throughput)])
    if peers:
        add_peers(p, peers)
    p.add("## Targets", "", "Each figure above against what liftlint aims for:", "",
          "| target | measured | met |", "|---|---|---|")
    for target, measured, met in targets(after, cli, jobs, peers):
        p.add(f"| {target} | {measured} | {'yes' if met else 'no'} |")
    p.add("", "Limits, fuzzing and the sanitizers are described in [hardening.md](hardening.md); figures measured "
          "for earlier changes, on the machines of their day, in [performance-history.md](performance-history.md).")
    with open(path, "w") as f:
        f.write("\n".join(p.lines).rstrip() + "\n")


def targets(after, cli, jobs, peers):
    """(target, measured, met) for each figure liftlint aims for."""
    out = []
    check = cli["after"]["check"]
    out.append(("a one-week check from the command line at most 1.5× `/bin/true`",
                f"{check['ratio_to_true']:.2f}×", check["ratio_to_true"] <= 1.5))
    if peers:
        faster = peers["cli"]["json-rules-engine"]["ratio_to_liftlint"]
        out.append(("a one-week check from the command line at least 25× faster than json-rules-engine's",
                    f"{faster:.1f}×", faster >= 25))
    if "CheckBatch/10000" in after:
        rate = after["CheckBatch/10000"]["items_per_second"]
        out.append(("at least 50,000 one-week plans per second per core", f"{rate:,.0f}", rate >= 50000))
    if "Scaling/10" in after and "Scaling/520" in after:
        ratio = after["Scaling/520"]["per_week"] / after["Scaling/10"]["per_week"]
        out.append(("cost per week at 520 weeks within 1.2× of that at 10 weeks", f"{ratio:.2f}×", ratio <= 1.2))
    if "RuleScaling/340" in after and "RuleScaling/3300" in after:
        ratio = after["RuleScaling/3300"]["per_rule"] / after["RuleScaling/340"]["per_rule"]
        out.append(("cost per rule flat from 340 to 3,300 rules (within 1.2×)", f"{ratio:.2f}×", ratio <= 1.2))
    if "RefuseOverLimit" in after and "TemplateBytes/8000" in after:
        refuse, largest = time_of(after["RefuseOverLimit"]), time_of(after["TemplateBytes/8000"])
        out.append(("an over-limit plan refused faster than the largest legal plan is checked",
                    f"{shown(refuse)} against {shown(largest)}", refuse < largest))
    peak = after.get("PeakMemory/iterations:5", {}).get("peak_rss_MiB")
    if peak:
        out.append(("peak memory of a one-week check at most 8 MB", f"{peak * 1.048576:.1f} MB", peak * 1.048576 <= 8))
    speedup = jobs["seconds"][1] / jobs["seconds"][2]
    out.append(("`--jobs 2` at least 1.8× `--jobs 1` on 10,000 plans, byte-identical output",
                f"{speedup:.2f}×, {'identical' if jobs['identical'] else 'different'}",
                speedup >= 1.8 and jobs["identical"]))
    return out


def add_peers(p, peers):
    sys.path.insert(0, os.path.join(ROOT, "bench", "peers"))
    import compare  # noqa: E402  (bench/peers/compare.py, which wrote these figures)
    p.add("## Other rule engines", "",
          f"json-rules-engine and Spectral, from npm, run {peers['rules_expressed']} of the 34 rules of the "
          "default pack on the same plans, already parsed and joined with the catalogue for them "
          "(`bench/peers/compare.py`; what each is given, and which rules, in "
          "[bench/peers/README.md](../bench/peers/README.md)).", "", compare.markdown(peers), "")


def cli_figures(builds, runs):
    commands = []
    for tag, build in builds:
        liftlint = os.path.join(build, "liftlint")
        commands.append((f"{tag}:version", [liftlint, "--version"]))
        commands.append((f"{tag}:check", [liftlint, "check", EXAMPLE]))
    commands.insert(0, ("true", ["/bin/true"]))
    for _, argv in commands:
        startup.run_once(argv)
    medians = startup.measure(commands, runs)
    out = {}
    for tag, _ in builds:
        out[tag] = {"true": {"ms": medians["true"] * 1e3, "ratio_to_true": 1.0}}
        for what in ("version", "check"):
            m = medians[f"{tag}:{what}"]
            out[tag][what] = {"ms": m * 1e3, "ratio_to_true": m / medians["true"]}
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("build")
    parser.add_argument("--before", help="an older build directory, measured side by side")
    parser.add_argument("--out", default=os.path.join(ROOT, "docs", "performance.md"))
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--peers", action="store_true",
                        help="also run bench/peers/compare.py (node and npm needed) and add its figures")
    args = parser.parse_args()
    build = os.path.abspath(args.build)
    before = None
    if args.before:
        print("benchmarks of the older build", file=sys.stderr)
        before = run_benchmarks(os.path.abspath(args.before), args.quick)
    print("benchmarks", file=sys.stderr)
    after = run_benchmarks(build, args.quick)
    print("command line", file=sys.stderr)
    builds = [("after", build)] + ([("before", os.path.abspath(args.before))] if args.before else [])
    cli = cli_figures(builds, 50 if args.quick else 300)
    print("batch", file=sys.stderr)
    with tempfile.TemporaryDirectory() as plans:
        subprocess.run([os.path.join(build, "bench", "liftlint_bench"), "--write-plans", plans, "10000"], check=True)
        jobs = batch(build, plans, args.quick)
        if args.before:
            jobs["before"] = batch(os.path.abspath(args.before), plans, args.quick)
    peers = None
    if args.peers:
        print("peers", file=sys.stderr)
        peers = run_peers(build, args.quick)
    facts = machine()
    if args.before:
        facts["before_commit"] = commit_of_build(os.path.abspath(args.before))
    write_page(args.out, facts, after, before, cli, jobs, peers)
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
