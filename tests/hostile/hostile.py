#!/usr/bin/env python3
"""Hostile inputs and file-system set-ups, each with its exact expected outcome.

    hostile.py BINARY SOURCE_DIR --list     the names of the cases
    hostile.py BINARY SOURCE_DIR CASE       runs one case in a fresh temporary directory

A case fails with a message saying what went wrong. Cases that need root (device files, other
owners) exit with 77, which ctest reports as skipped, when run by anyone else.
"""
import json
import os
import random
import resource
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET

BINARY = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
SKIP = 77
CASES = {}

# Peak memory under the sanitizers is a few times the release build's: the bounds below are loose
# enough for both, and far below what unbounded growth reaches.
MIB = 1024


def sanitized():
    """Whether BINARY was built with AddressSanitizer, which makes it about ten times slower."""
    if not hasattr(sanitized, "answer"):
        with open(BINARY, "rb") as f:
            sanitized.answer = b"__asan_init" in f.read()
    return sanitized.answer


def seconds(release):
    """A time bound measured on the release build, loosened for a sanitized one."""
    return release * (10 if sanitized() else 1)


def case(function):
    CASES[function.__name__.replace("_", "-")] = function
    return function


class Run:
    def __init__(self, returncode, stdout, stderr, seconds, peak_kib):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr
        self.seconds, self.peak_kib = seconds, peak_kib

    @property
    def out(self):
        return self.stdout.decode("utf-8", "replace")

    @property
    def err(self):
        return self.stderr.decode("utf-8", "replace")


def run(*args, cwd=None, stdin=None, timeout=120, env=None, user=None, binary=None, stdout_file=None,
        close_stdout=False):
    """Runs liftlint (as `user`, a uid, if given); returns its exit code, output, time and peak memory."""
    # A sanitizer build runs several times slower: its time limits still catch a hang or a quadratic cost.
    timeout *= float(os.environ.get("LIFTLINT_TIMEOUT_SCALE", "1"))
    environment = dict(os.environ, NO_COLOR="1", **(env or {}))
    started = time.monotonic()
    out_file, err_file = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    become = (lambda: (os.setgroups([]), os.setgid(user), os.setuid(user))) if user is not None else None
    if close_stdout:
        become = lambda: os.close(1)  # noqa: E731 - the child starts with standard output closed
    process = subprocess.Popen([binary or BINARY, *args], cwd=cwd, stdin=stdin if stdin is not None else subprocess.DEVNULL,
                               stdout=stdout_file or out_file, stderr=err_file, env=environment, preexec_fn=become)
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid != 0:
            break
        if time.monotonic() > deadline:
            process.kill()
            os.wait4(process.pid, 0)
            raise AssertionError(f"liftlint {' '.join(args)} took more than {timeout} s")
        time.sleep(0.01)
    process.returncode = os.waitstatus_to_exitcode(status)
    out_file.seek(0)
    err_file.seek(0)
    result = Run(process.returncode, out_file.read(), err_file.read(), time.monotonic() - started, usage.ru_maxrss)
    if result.returncode < 0:
        raise AssertionError(f"liftlint {' '.join(args)} was killed by signal {-result.returncode}\n{result.err}")
    return result


def expect(condition, message, result=None):
    if not condition:
        detail = f"\n--- exit {result.returncode}\n--- stdout\n{result.out[:3000]}\n--- stderr\n{result.err[:3000]}" \
            if result else ""
        raise AssertionError(message + detail)


def expect_no_forged_line(text, message, result=None):
    """No line of `text` starts a GitHub workflow command."""
    expect(all(not line.startswith("::") for line in text.splitlines()), message, result)


def expect_exit(result, code):
    expect(result.returncode == code, f"expected exit code {code}, got {result.returncode}", result)


def write(path, text, mode="w"):
    with open(path, mode) as f:
        f.write(text)


def need_root():
    if os.geteuid() != 0:
        sys.exit(SKIP)


FLAWED = os.path.join(SOURCE, "examples", "flawed-rest.plan")  # an error finding: exit code 1
PLAN = """plan "Hostile"

mon strength 30min {
  warmup 5min { cat-cow x10 }
  goblet squat 3x10 @ 8kg
  bird-dog 3x10 each side
  cooldown { hamstring stretch 30s }
}
"""
UNFORMATTED = "mon strength 30min {\n      goblet squat 3x10\n}\n"
RULE_SOURCE = 'source s {\n  title "A source"\n  year 2020\n  evidence grade.moderate\n}\n'


def rule_file(require):
    return RULE_SOURCE + f'rule x.r {{\n  severity error\n  cite s\n  message "m"\n  require {require}\n}}\n'


# --- 1. arithmetic in evaluation -----------------------------------------------------------------


@case
def rest_period_beyond_int(tmp):
    write(f"{tmp}/r.rules", rule_file("rest >= 2147483647 days between sessions where kind = strength"))
    r = run("check", os.path.join(SOURCE, "examples", "five-day.plan"), "--rules", "r.rules", cwd=tmp)
    expect_exit(r, 2)
    expect("r.rules:10:19: error: expected a rest period from 0 to 28 days (or 672h), found '2147483647 days'"
           in r.err, "the rest period is not bounded with a positioned error", r)


@case
def rest_period_in_hours_beyond_bound(tmp):
    write(f"{tmp}/r.rules", rule_file("rest >= 99999999h between sessions where kind = strength"))
    r = run("check", FLAWED, "--rules", "r.rules", cwd=tmp)
    expect_exit(r, 2)
    expect("expected a rest period from 0 to 28 days (or 672h), found '99999999h'" in r.err, "hours not bounded", r)


@case
def increase_beyond_bound(tmp):
    write(f"{tmp}/r.rules", rule_file("increase of load <= 100000000000000% per week"))
    r = run("check", FLAWED, "--rules", "r.rules", cwd=tmp)
    expect_exit(r, 2)
    expect("expected an increase from 0% to 1000%, found '100000000000000%'" in r.err, "increase not bounded", r)


@case
def source_year_beyond_int(tmp):
    write(f"{tmp}/r.rules", RULE_SOURCE.replace("2020", "99999999999999"))
    r = run("rules", "check", "r.rules", cwd=tmp)
    expect_exit(r, 2)
    expect("r.rules:3:8: error: expected a year between 1000 and 2100" in r.out, "year not refused", r)


@case
def huge_numbers_in_plan_dates_and_days(tmp):
    write(f"{tmp}/p.plan", 'plan "x"\nclient {\n  conditions low_back_pain\n'
          '  cleared yes by "GP" on 99999999999/99999999999/2026\n}\n'
          'day 99999999999 strength 30min {\n  bird-dog 3x8\n}\n'
          'waive bp.session-length on day 999999999999999 reason "r"\n')
    r = run("check", "p.plan", cwd=tmp)
    expect(r.returncode in (1, 2), "a plan with huge numbers must be refused or checked", r)


# --- 2. writing over special files ---------------------------------------------------------------


@case
def output_to_a_device_writes_it_and_keeps_it(tmp):
    need_root()
    os.mknod(f"{tmp}/null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    r = run("check", FLAWED, "-o", "null", cwd=tmp)
    expect_exit(r, 1)
    expect(stat.S_ISCHR(os.stat(f"{tmp}/null").st_mode), "the device was replaced by a regular file", r)
    expect(os.listdir(tmp) == ["null"], f"files were left behind: {os.listdir(tmp)}", r)


@case
def output_to_a_fifo_is_written_through_it(tmp):
    os.mkfifo(f"{tmp}/pipe")
    received = []
    reader = threading.Thread(target=lambda: received.append(open(f"{tmp}/pipe", "rb").read()))
    reader.start()
    r = run("check", FLAWED, "--format", "json", "-o", "pipe", cwd=tmp)
    reader.join(30)
    expect_exit(r, 1)
    expect(stat.S_ISFIFO(os.stat(f"{tmp}/pipe").st_mode), "the FIFO was replaced", r)
    expect(received and json.loads(received[0])["summary"]["errors"] >= 1, "the report did not go through the FIFO", r)


@case
def output_through_a_link_to_dev_stdout(tmp):
    os.symlink("/dev/stdout", f"{tmp}/out")
    r = run("check", FLAWED, "--format", "json", "-o", "out", cwd=tmp)
    expect_exit(r, 1)
    expect(os.path.islink(f"{tmp}/out"), "the link was replaced", r)
    expect(json.loads(r.stdout)["summary"]["errors"] >= 1, "the report did not reach standard output", r)


@case
def output_dash_is_standard_output(tmp):
    r = run("check", FLAWED, "--format", "sarif", "-o", "-", cwd=tmp)
    expect_exit(r, 1)
    expect(json.loads(r.stdout)["version"] == "2.1.0", "no SARIF on standard output", r)
    expect(not os.path.exists(f"{tmp}/-"), "a file named '-' was written", r)


@case
def output_keeps_the_link_and_the_file_mode(tmp):
    write(f"{tmp}/target.txt", "old report\n")
    os.chmod(f"{tmp}/target.txt", 0o640)
    os.symlink("target.txt", f"{tmp}/report.txt")
    r = run("check", FLAWED, "-o", "report.txt", cwd=tmp)
    expect_exit(r, 1)
    expect(os.path.islink(f"{tmp}/report.txt"), "the link was replaced by a file", r)
    expect(stat.S_IMODE(os.stat(f"{tmp}/target.txt").st_mode) == 0o640, "the mode changed", r)
    expect("bp.rest-between-strength" in open(f"{tmp}/target.txt").read(), "the target was not written", r)
    expect(sorted(os.listdir(tmp)) == ["report.txt", "target.txt"], f"left behind: {os.listdir(tmp)}", r)


@case
def output_temporary_cannot_be_redirected_by_a_planted_link(tmp):
    write(f"{tmp}/victim", "precious\n")
    # Links under every name a predictable temporary could have had, for the next few process ids.
    next_pid = int(open("/proc/sys/kernel/ns_last_pid").read()) if os.path.exists("/proc/sys/kernel/ns_last_pid") else 0
    for pid in range(next_pid, next_pid + 200):
        os.symlink("victim", f"{tmp}/report.txt.liftlint-tmp.{pid}")
    r = run("check", FLAWED, "-o", "report.txt", cwd=tmp)
    expect_exit(r, 1)
    expect(open(f"{tmp}/victim").read() == "precious\n", "a planted link redirected the report", r)
    expect("bp.rest-between-strength" in open(f"{tmp}/report.txt").read(), "the report was not written", r)


@case
def output_to_a_directory_is_an_error(tmp):
    os.mkdir(f"{tmp}/reports")
    r = run("check", FLAWED, "-o", "reports", cwd=tmp)
    expect_exit(r, 2)
    expect("liftlint: error: cannot write the report to 'reports': it is a directory" in r.err, "no error", r)
    expect(os.listdir(f"{tmp}/reports") == [], "something was written into the directory", r)


@case
def output_where_nothing_can_be_written(tmp):
    r = run("check", FLAWED, "-o", "/proc/version", cwd=tmp)
    expect_exit(r, 2)
    expect("liftlint: error: cannot write the report to '/proc/version'" in r.err, "no error", r)


@case
def output_never_replaces_an_input(tmp):
    shutil.copy(FLAWED, f"{tmp}/week.plan")
    write(f"{tmp}/.liftlint.json", "{}")
    for target in ("week.plan", ".liftlint.json", "./week.plan"):
        r = run("check", "week.plan", "-o", target, cwd=tmp)
        expect_exit(r, 2)
        expect(f"liftlint: error: --output '{target}' is the input" in r.err, "no error", r)
    expect(open(f"{tmp}/week.plan").read() == open(FLAWED).read(), "the plan was replaced by its report")


@case
def more_jobs_than_the_system_has_threads(tmp):
    os.mkdir(f"{tmp}/plans")
    for i in range(300):
        shutil.copy(FLAWED, f"{tmp}/plans/p{i:03}.plan")
    one = run("check", "plans", "--jobs", "1", cwd=tmp)
    many = run("check", "plans", "--jobs", "100000", cwd=tmp)
    expect_exit(many, 1)
    expect(many.stdout == one.stdout, "the report depends on --jobs", many)


@case
def fmt_does_not_wait_on_a_fifo(tmp):
    os.mkfifo(f"{tmp}/week.plan")
    r = run("fmt", "week.plan", cwd=tmp, timeout=20)
    expect_exit(r, 2)
    expect("week.plan: error: not a regular file; fmt formats regular files only" in r.err, "no error", r)


@case
def fmt_leaves_a_read_only_file(tmp):
    write(f"{tmp}/week.plan", UNFORMATTED)
    os.chmod(f"{tmp}/week.plan", 0o444)
    r = run("fmt", "week.plan", cwd=tmp)
    expect_exit(r, 2)
    expect("week.plan: error: the file is read-only; it was left as it is" in r.err, "no error", r)
    expect(open(f"{tmp}/week.plan").read() == UNFORMATTED, "the read-only file was changed", r)


@case
def fmt_leaves_a_hard_linked_file(tmp):
    write(f"{tmp}/week.plan", UNFORMATTED)
    os.link(f"{tmp}/week.plan", f"{tmp}/other-name.plan")
    r = run("fmt", "week.plan", cwd=tmp)
    expect_exit(r, 2)
    expect("the file has 2 hard links, and only this name would get the new text; it was left as it is"
           in r.err, "no error", r)
    expect(os.stat(f"{tmp}/week.plan").st_ino == os.stat(f"{tmp}/other-name.plan").st_ino, "the link was broken", r)


@case
def fmt_keeps_the_owner_of_a_file_it_rewrites(tmp):
    need_root()
    write(f"{tmp}/week.plan", UNFORMATTED)
    os.chown(f"{tmp}/week.plan", 65534, 65534)
    os.chmod(f"{tmp}/week.plan", 0o664)
    r = run("fmt", "week.plan", cwd=tmp)
    expect_exit(r, 0)
    st = os.stat(f"{tmp}/week.plan")
    expect((st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (65534, 65534, 0o664), "owner or mode changed", r)
    expect(open(f"{tmp}/week.plan").read() != UNFORMATTED, "the file was not formatted", r)


@case
def fmt_keeps_a_byte_order_mark(tmp):
    write(f"{tmp}/week.plan", b"\xef\xbb\xbf" + UNFORMATTED.encode(), "wb")
    r = run("fmt", "week.plan", cwd=tmp)
    expect_exit(r, 0)
    formatted = open(f"{tmp}/week.plan", "rb").read()
    expect(formatted.startswith(b"\xef\xbb\xbf") and b"\n  goblet squat" in formatted, "BOM lost or not formatted", r)
    again = run("fmt", "--check", "week.plan", cwd=tmp)
    expect_exit(again, 0)


@case
def fmt_never_rewrites_through_a_link(tmp):
    os.makedirs(f"{tmp}/repo")
    os.makedirs(f"{tmp}/elsewhere")
    write(f"{tmp}/elsewhere/victim.txt", UNFORMATTED)
    os.symlink("../elsewhere/victim.txt", f"{tmp}/repo/evil.plan")
    r = run("fmt", "repo", cwd=tmp)
    expect_exit(r, 2)
    expect("a link to '" in r.err and "outside '" in r.err, "no error", r)
    expect(open(f"{tmp}/elsewhere/victim.txt").read() == UNFORMATTED, "a file outside the tree was rewritten", r)
    os.makedirs(f"{tmp}/tree/inside")
    write(f"{tmp}/tree/inside/own.plan", UNFORMATTED)
    os.symlink("inside/own.plan", f"{tmp}/tree/link.plan")
    r = run("fmt", "tree/link.plan", cwd=tmp)
    expect_exit(r, 2)
    expect("the file is a symbolic link; name the file it points to instead" in r.err, "no error", r)


FIXABLE = ('client {\n  conditions low_back_pain\n  cleared yes by "physiotherapist" on 2026-09-14\n}\n'
           'mon strength 30min {\n  Goblet sqaut 3x10\n  Deadlift 3x5 @ 100kg\n}\n')


@case
def fix_never_rewrites_a_link_a_read_only_or_a_hard_linked_plan(tmp):
    os.makedirs(f"{tmp}/elsewhere")
    write(f"{tmp}/elsewhere/victim.plan", FIXABLE)
    os.symlink("elsewhere/victim.plan", f"{tmp}/link.plan")
    write(f"{tmp}/locked.plan", FIXABLE)
    os.chmod(f"{tmp}/locked.plan", 0o444)
    write(f"{tmp}/linked.plan", FIXABLE)
    os.link(f"{tmp}/linked.plan", f"{tmp}/other-name.plan")
    r = run("check", "link.plan", "locked.plan", "linked.plan", "--fix", "--unsafe-fixes", cwd=tmp)
    expect_exit(r, 2)
    expect("link.plan: error: the file is a symbolic link; name the file it points to instead; it was left as it is"
           in r.err, "no error for the link", r)
    expect("locked.plan: error: the file is read-only; it was left as it is" in r.err, "no error for the read-only", r)
    expect("linked.plan: error: the file has 2 hard links, and only this name would get the new text; it was "
           "left as it is" in r.err, "no error for the hard link", r)
    for name in ("elsewhere/victim.plan", "locked.plan", "linked.plan"):
        expect(open(f"{tmp}/{name}").read() == FIXABLE, f"{name} was changed", r)


@case
def fix_refuses_standard_input_and_flags_without_fix(tmp):
    r = run("check", "-", "--fix", cwd=tmp, stdin=subprocess.PIPE)
    expect_exit(r, 2)
    expect("liftlint: error: --fix works on plan files, not on standard input; save the plan first" in r.err,
           "no error for standard input", r)
    write(f"{tmp}/week.plan", FIXABLE)
    for flag in ("--diff", "--unsafe-fixes"):
        r = run("check", "week.plan", flag, cwd=tmp)
        expect_exit(r, 2)
        expect(f"liftlint: error: {flag} changes what --fix does; add --fix" in r.err, f"no error for {flag}", r)
    expect(open(f"{tmp}/week.plan").read() == FIXABLE, "the plan was changed", r)


@case
def fix_writes_the_plan_whole_and_keeps_its_mode(tmp):
    write(f"{tmp}/week.plan", FIXABLE)
    os.chmod(f"{tmp}/week.plan", 0o640)
    r = run("check", "week.plan", "--fix", "--unsafe-fixes", cwd=tmp)
    expect_exit(r, 0)  # what remains are warnings
    expect("liftlint: fixed 2 problems in week.plan" in r.err, "no summary of the fixes", r)
    fixed = open(f"{tmp}/week.plan").read()
    expect(fixed == FIXABLE.replace("Goblet sqaut", "Goblet squat").replace("Deadlift 3x5 @ 100kg",
                                                                              "Trap-bar deadlift 3x8"),
           f"unexpected fixed plan:\n{fixed}", r)
    expect(stat.S_IMODE(os.stat(f"{tmp}/week.plan").st_mode) == 0o640, "the mode changed", r)
    expect(sorted(os.listdir(tmp)) == ["week.plan"], f"left files behind: {os.listdir(tmp)}", r)


@case
def a_configuration_fifo_is_not_waited_on(tmp):
    os.mkfifo(f"{tmp}/config.json")
    r = run("check", FLAWED, "--config", "config.json", cwd=tmp, timeout=20)
    expect_exit(r, 2)
    expect("cannot read configuration file 'config.json'" in r.out, "no error", r)


@case
def unused_waivers_count_towards_the_findings_limit(tmp):
    write(f"{tmp}/p.plan", PLAN + 'waive bp.cool-down reason "r"\n' * 12000)
    r = run("check", "p.plan", "--format", "json", cwd=tmp)
    expect_exit(r, 2)
    report = json.loads(r.stdout)["plans"][0]
    expect(len(report["findings"]) <= 10000, f"{len(report['findings'])} findings reported", r)
    expect(any("only the first 10000 are reported" in e["message"] for e in report["errors"]), "no error", r)


@case
def citations_and_suggestions_per_rule_are_bounded(tmp):
    write(f"{tmp}/r.rules", rule_file("clearance").replace("cite s", "cite " + ", ".join(["s"] * 40)))
    r = run("rules", "check", "r.rules", cwd=tmp)
    expect_exit(r, 2)
    expect("rule 'x.r' cites 40 sources; a rule cites at most 32" in r.out, "no error", r)


@case
def rules_doc_reports_a_page_it_cannot_write(tmp):
    os.makedirs(f"{tmp}/docs/back-pain.md")
    write(f"{tmp}/docs/who-2020.md", "existing page\n")
    r = run("rules", "doc", "docs", "--rules", os.path.join(SOURCE, "rules", "who-2020"), cwd=tmp)
    expect_exit(r, 2)
    expect("liftlint: error: cannot write 'docs/back-pain.md': it is a directory" in r.err, "no error", r)
    expect("wrote docs/back-pain.md" not in r.out, "a failed write was reported as written", r)
    page = open(f"{tmp}/docs/who-2020.md").read()
    expect(page == "existing page\n" or page.startswith("#"), "an existing page was truncated", r)


@case
def rules_doc_into_a_file(tmp):
    write(f"{tmp}/docs", "a file\n")
    r = run("rules", "doc", "docs", cwd=tmp)
    expect_exit(r, 2)
    expect("liftlint: error: cannot create the directory 'docs'" in r.err, "no error", r)
    expect("wrote" not in r.out, "a write was reported", r)


# --- 3. memory that grows with findings and line length ------------------------------------------


def one_line_json_plan(lines):
    exercises = [{"exercise": "Barbell back squat", "sets": 5, "reps": 3, "load_kg": 140}] * lines
    plan = {"plan": "wide", "client": {"conditions": ["chronic_low_back_pain"]},
            "weeks": [{"week": 1, "days": [{"day": "mon", "kind": "strength", "minutes": 30, "exercises": exercises}]}]}
    return json.dumps(plan, separators=(",", ":"))


@case
def findings_on_one_huge_line_do_not_copy_it(tmp):
    write(f"{tmp}/wide.json", one_line_json_plan(6000))  # 0.4 MB on one line, 10,000 findings
    for fmt in ("text", "json", "sarif"):
        r = run("check", "wide.json", "--format", fmt, "-o", f"report.{fmt}", cwd=tmp)
        expect_exit(r, 2)
        expect("the plan has" in r.err or "1 plan:" in r.err, "no summary", r)
        expect(r.peak_kib < 600 * MIB, f"{fmt}: peak memory {r.peak_kib // MIB} MiB for a 0.4 MB plan", r)


@case
def many_plans_are_reported_one_at_a_time(tmp):
    os.mkdir(f"{tmp}/plans")
    text = one_line_json_plan(6000)
    for i in range(12):
        write(f"{tmp}/plans/p{i:02}.json", text)
    r = run("check", "plans", "--format", "json", "-o", "report.json", cwd=tmp)
    expect_exit(r, 2)
    report = json.load(open(f"{tmp}/report.json"))
    expect(len(report["plans"]) == 12 and report["summary"]["warnings"] > 100000, "report incomplete", r)
    expect(r.peak_kib < 700 * MIB, f"peak memory {r.peak_kib // MIB} MiB for 12 plans of 0.4 MB", r)


# --- 4. reads bounded while reading ------------------------------------------------------------


@case
def standard_input_of_endless_zeros(tmp):
    with open("/dev/zero", "rb") as zeros:
        r = run("check", "-", stdin=zeros, cwd=tmp, timeout=60)
    expect_exit(r, 2)
    expect("<stdin>: error: standard input has more than 64 MiB, the limit for a stream of plans" in r.out,
           "no error", r)
    expect(r.peak_kib < 1024 * MIB, f"peak memory {r.peak_kib // MIB} MiB", r)


@case
def a_stream_of_millions_of_broken_plans(tmp):
    with open(f"{tmp}/lines.jsonl", "w") as f:
        f.write("{\n" * (16 * 1024 * 1024 // 2))
    with open(f"{tmp}/lines.jsonl", "rb") as stream:
        r = run("check", "-", "-o", "report.txt", stdin=stream, cwd=tmp, timeout=120)
    expect_exit(r, 2)
    expect("<stdin>:100001: error: the stream has more than 100000 plans; this one and the rest are not checked"
           in open(f"{tmp}/report.txt").read(), "no error", r)
    expect(r.peak_kib < 1024 * MIB, f"peak memory {r.peak_kib // MIB} MiB", r)


@case
def configuration_of_endless_zeros(tmp):
    r = run("check", FLAWED, "--config", "/dev/zero", cwd=tmp, timeout=60)
    expect_exit(r, 2)
    expect("/dev/zero:1:1: error: the file is larger than 8 MiB, the limit; split it into smaller files" in r.out,
           "no error", r)
    expect(r.peak_kib < 512 * MIB, f"peak memory {r.peak_kib // MIB} MiB", r)


@case
def sparse_plan_of_a_gigabyte(tmp):
    with open(f"{tmp}/huge.plan", "wb") as f:
        f.truncate(1 << 30)
    r = run("check", "huge.plan", cwd=tmp, timeout=60)
    expect_exit(r, 2)
    expect("huge.plan:1:1: error: the file is larger than 8 MiB, the limit; split it into smaller files" in r.out,
           "no error", r)
    expect(r.peak_kib < 256 * MIB, f"peak memory {r.peak_kib // MIB} MiB", r)


@case
def sparse_rule_file_of_a_gigabyte(tmp):
    with open(f"{tmp}/huge.rules", "wb") as f:
        f.truncate(1 << 30)
    r = run("check", FLAWED, "--rules", "huge.rules", cwd=tmp, timeout=60)
    expect_exit(r, 2)
    expect("huge.rules:1:1: error: the file is larger than 8 MiB" in r.err, "no error", r)
    expect(r.peak_kib < 256 * MIB, f"peak memory {r.peak_kib // MIB} MiB", r)


# --- 5. directory walks ---------------------------------------------------------------------------


def tree_with_links(tmp):
    """plans/loop -> loop (a cycle), plans/linked -> real (a followed link), real/up -> .. (a cycle)."""
    os.makedirs(f"{tmp}/plans/real")
    shutil.copy(FLAWED, f"{tmp}/plans/real/flawed.plan")
    os.symlink("loop", f"{tmp}/plans/loop")
    os.symlink("real", f"{tmp}/plans/linked")
    os.symlink("..", f"{tmp}/plans/real/up")


@case
def check_follows_links_and_reports_a_loop(tmp):
    tree_with_links(tmp)
    r = run("check", "plans", "--format", "json", cwd=tmp)
    expect_exit(r, 2)
    report = json.loads(r.stdout)
    paths = [p["path"] for p in report["plans"]]
    expect("plans/loop" in paths and "plans/linked/flawed.plan" in paths, f"paths: {paths}", r)
    loop = next(p for p in report["plans"] if p["path"] == "plans/loop")
    expect(loop["errors"][0]["message"] == "cannot read 'plans/loop': too many levels of symbolic links",
           "wrong message", r)
    flawed = next(p for p in report["plans"] if p["path"] == "plans/linked/flawed.plan")
    expect(any(f["rule"] == "bp.rest-between-strength" for f in flawed["findings"]), "the linked plan was skipped", r)
    expect(paths.count("plans/linked/flawed.plan") == 1 and len(paths) == 2, f"a plan was listed twice: {paths}", r)


@case
def a_link_out_of_the_tree_is_reported_not_read(tmp):
    # A link committed to a repository must not make a report quote a key or the environment, nor make
    # the walk cover the whole file system.
    os.makedirs(f"{tmp}/repo/plans")
    write(f"{tmp}/secret", "-----BEGIN KEY-----\nSECRET-LINE-1\nSECRET-LINE-2\n")
    shutil.copy(FLAWED, f"{tmp}/repo/plans/flawed.plan")
    os.symlink(f"{tmp}/secret", f"{tmp}/repo/plans/key.plan")
    os.symlink("/proc/self/environ", f"{tmp}/repo/plans/env.plan")
    os.symlink("/", f"{tmp}/repo/plans/root")
    for fmt_name in ("text", "json", "sarif"):
        r = run("check", "plans", "--format", fmt_name, cwd=f"{tmp}/repo", env={"SECRET_TOKEN": "ghp_abcdef"}, timeout=60)
        expect_exit(r, 2)
        expect(r.seconds < seconds(10), f"{r.seconds:.1f} s: the walk left the tree", r)
        expect(b"SECRET-LINE" not in r.stdout + r.stderr and b"ghp_abcdef" not in r.stdout + r.stderr,
               "a file outside the tree is quoted", r)
    r = run("check", "plans", cwd=f"{tmp}/repo")
    expect(f"plans/key.plan: error: cannot read 'plans/key.plan': a link to '{os.path.realpath(tmp)}/secret', outside "
           f"'{os.path.realpath(tmp)}/repo/plans'; not read (give it as an argument to check it)" in r.out,
           "no error for the link", r)
    expect("bp.rest-between-strength" in r.out, "the plan in the tree was not checked", r)


@case
def a_configuration_reads_packs_only_from_its_directory(tmp):
    os.makedirs(f"{tmp}/repo/plans")
    write(f"{tmp}/secret.env", "GITHUB_TOKEN=ghp_secret123\n")
    shutil.copy(FLAWED, f"{tmp}/repo/plans/flawed.plan")
    write(f"{tmp}/repo/plans/.liftlint.json", json.dumps({"packs": ["/proc/self/environ", "/etc/passwd", "../../secret.env"]}))
    for fmt_name in ("text", "sarif"):
        r = run("check", "plans", "--format", fmt_name, cwd=f"{tmp}/repo", env={"SECRET_TOKEN": "ghp_abcdef"})
        expect_exit(r, 2)
        everything = r.stdout + r.stderr
        expect(b"ghp_" not in everything and b"root:x:0:0" not in everything, "a file outside is quoted", r)
    r = run("check", "plans", cwd=f"{tmp}/repo")
    expect('plans/.liftlint.json:1:49: error: the pack "../../secret.env" is outside the configuration\'s directory'
           in r.out, "no error", r)


@case
def an_unreadable_subdirectory_is_reported_and_the_rest_checked(tmp):
    need_root()  # to run liftlint as a user who may not read the directory
    os.chmod(tmp, 0o755)
    os.makedirs(f"{tmp}/plans/locked")
    shutil.copy(FLAWED, f"{tmp}/plans/flawed.plan")
    shutil.copy(FLAWED, f"{tmp}/plans/locked/hidden.plan")
    os.chmod(f"{tmp}/plans/locked", 0o000)
    # A copy the other user may run: the build directory may sit where only root can enter.
    shutil.copy(BINARY, f"{tmp}/liftlint")
    os.chmod(f"{tmp}/liftlint", 0o755)
    try:
        r = run("check", "plans", cwd=tmp, user=65534, binary=f"{tmp}/liftlint")
    finally:
        os.chmod(f"{tmp}/plans/locked", 0o755)
    expect_exit(r, 2)
    expect("plans/locked: error: cannot read 'plans/locked': permission denied" in r.out, "no error", r)
    expect("plans/flawed.plan:" in r.out, "the readable plan was not checked", r)


@case
def fmt_rules_and_test_walk_a_loop_without_aborting(tmp):
    tree_with_links(tmp)
    for args in (["fmt", "--check", "plans"], ["test", "plans"], ["check", FLAWED, "--rules", "plans"],
                 ["rules", "check", "plans"]):
        r = run(*args, cwd=tmp)
        expect_exit(r, 2)
        expect("cannot read 'plans/loop': too many levels of symbolic links" in r.out + r.err,
               f"{args}: no error for the loop", r)


# --- 6. includes through links --------------------------------------------------------------------


@case
def include_cannot_leave_the_pack_through_a_link(tmp):
    os.makedirs(f"{tmp}/pack")
    write(f"{tmp}/outside.rules", "secret-first-line\n")
    os.symlink("..", f"{tmp}/pack/up")
    write(f"{tmp}/pack/main.rules", 'include "up/outside.rules"\n')
    r = run("rules", "check", "pack/main.rules", cwd=tmp)
    expect_exit(r, 2)
    expect("error: 'pack/up/outside.rules' is outside the pack's directory 'pack'" in r.out, "not confined", r)
    expect("secret-first-line" not in r.out + r.err, "the outside file was read and quoted", r)


@case
def include_links_do_not_multiply_the_files_read(tmp):
    os.makedirs(f"{tmp}/pack")
    for i in range(31):
        write(f"{tmp}/pack/f{i}.rules", f'include "a/f{i + 1}.rules"\ninclude "b/f{i + 1}.rules"\n' if i < 30 else "")
    os.symlink(".", f"{tmp}/pack/a")
    os.symlink(".", f"{tmp}/pack/b")
    r = run("rules", "check", "pack/f0.rules", cwd=tmp, timeout=30)
    expect(r.returncode in (0, 2), "unexpected exit", r)
    expect(r.seconds < 30, "the loader followed every path", r)


# --- 7. hostile text in output --------------------------------------------------------------------

CONTROL = [b"\x1b", b"\x07", b"\x00", b"\r", b"\x08", b"\xc2\x9b", b"\xe2\x80\xae"]


def hostile_json_plan():
    name = "\u001b[2J\u001b[31mgoblet\rsquat\n::add-mask::secret\u202e"
    return json.dumps({
        "plan": "\u001b]0;title\u0007plan\n::error file=x::forged",
        "client": {"conditions": ["low_back_pain"]},
        "weeks": [{"week": 1, "days": [{"day": "mon", "kind": "strength", "minutes": 30, "exercises": [
            {"exercise": name, "sets": 3, "reps": 10}]}],
            "waivers": [{"rule": "bp.clearance", "reason": "\u001b[2K\r::warning::forged\u0008"}]}]})


@case
def control_characters_never_reach_a_terminal(tmp):
    write(f"{tmp}/hostile.json", hostile_json_plan())
    write(f"{tmp}/hostile.plan", 'plan "a\x1b[2Jb"\nmon strength 30min {\n  squat\x1b[31m 3x10 # \x1b]0;x\x07\n}\n'
          'waive bp.clearance reason "\x1b[1A\x1b[2K forged"\n')
    for fmt in ("text", "github"):
        r = run("check", "hostile.json", "hostile.plan", "--format", fmt, cwd=tmp)
        expect(r.returncode in (1, 2), f"{fmt}: unexpected exit", r)
        for byte in CONTROL:
            expect(byte not in r.stdout and byte not in r.stderr, f"{fmt}: the output holds {byte!r}", r)
        expect("<0x1b>" in r.out, f"{fmt}: the escape is not shown by its code", r)
        for line in r.out.splitlines():
            expect(not line.startswith("::") or fmt == "github", f"{fmt}: a forged command line: {line}", r)
            expect(not line.startswith(("::add-mask", "::warning::forged", "::error file=x")),
                   f"{fmt}: a forged workflow command: {line}", r)


@case
def a_file_name_cannot_start_a_workflow_command(tmp):
    shutil.copy(FLAWED, f"{tmp}/::error::forged.plan")
    r = run("check", "::error::forged.plan", cwd=tmp)
    expect_exit(r, 1)
    expect_no_forged_line(r.out, "a line starts with '::'", r)
    expect("./::error::forged.plan:" in r.out, "the file is not shown as ./::error::...", r)


@case
def long_user_text_is_cut(tmp):
    plan = {"plan": "x" * 100000, "weeks": [{"week": 1, "days": [{"day": "mon", "kind": "strength", "minutes": 30,
                                                                     "exercises": [{"exercise": "y" * 100000}]}]}]}
    write(f"{tmp}/long.json", json.dumps(plan))
    r = run("check", "long.json", cwd=tmp)
    expect_exit(r, 2)
    expect(max(len(line) for line in r.out.splitlines()) < 4000, "a line of the report echoes 100,000 bytes", r)


MARKUP = ['<script>alert(1)</script>', '"><img src=x onerror=alert(2)>', "'><svg onload=alert(3)>",
          '</textarea><iframe src=javascript:alert(4)>', '<!--', ']]>']


def html_of(result):
    sys.path.insert(0, os.path.join(SOURCE, "tests", "html"))
    import check_html
    return check_html.parse(result.out)


@case
def html_report_escapes_every_hostile_text(tmp):
    bad = os.path.join(SOURCE, "tests", "bad", "plans")
    write(f"{tmp}/hostile.json", hostile_json_plan())
    markup = "".join(MARKUP)
    write(f"{tmp}/markup.plan", f'plan "{markup}"\nclient: low back pain\nmon strength 30min {{\n'
          f'  deadlift {markup} 3x8 @ 50kg\n  {markup}\n}}\nwaive bp.avoid-deadlift reason "{markup}"\n')
    os.mkdir(f"{tmp}/<b>dir")
    shutil.copy(FLAWED, f"{tmp}/<b>dir/<script>x.plan")
    for target in [tmp, bad]:
        r = run("check", target, "--format", "html", cwd=tmp)
        expect(r.returncode in (1, 2), f"{target}: unexpected exit", r)
        page = html_of(r)
        expect(not page.problems, f"{target}: {page.problems[:5]}", r)
        expect(page.script_text.count("addEventListener") == 1 and "alert" not in page.script_text,
               f"{target}: a script other than the page's own: {page.script_text[:200]}", r)
        for byte in CONTROL:
            expect(byte not in r.stdout, f"{target}: the page holds {byte!r}", r)
        expect(target == bad or "&lt;script&gt;alert(1)&lt;/script&gt;" in r.out, "the markup is not shown as text", r)


@case
def html_report_links_only_to_web_sources(tmp):
    write(f"{tmp}/evil.rules", 'source evil {\n  author "<script>alert(1)</script>"\n  title "A source"\n'
          '  year 2020\n  url "javascript:alert(2)"\n  evidence advice.expert_opinion\n}\nrule x.evil {\n  severity warning\n  cite evil\n'
          '  message "no <b>deadlift</b>"\n  forbid exercise "deadlift"\n}\n')
    write(f"{tmp}/deadlift.plan", "mon strength 30min {\n  deadlift 3x5 @ 60kg\n}\n")
    r = run("check", "deadlift.plan", "--rules", "evil.rules", "--format", "html", cwd=tmp)
    page = html_of(r)
    expect(not page.problems, f"{page.problems[:5]}", r)
    expect("x.evil" in r.out and "no &lt;b&gt;deadlift&lt;/b&gt;" in r.out, "the rule's finding is not shown", r)
    expect("javascript:alert(2)" in r.out, "the source's address is not shown as text", r)
    expect(all(h.startswith(("#", "https://", "http://")) for h in page.links), f"links: {page.links}", r)


# --- 8. machine formats read by their consumers ---------------------------------------------------


@case
def junit_is_well_formed_for_every_bad_input(tmp):
    bad = os.path.join(SOURCE, "tests", "bad", "plans")
    shutil.copy(FLAWED, os.path.join(tmp, "bad\udcff\udcfe.plan".encode("utf-8", "surrogateescape").decode(
        "utf-8", "surrogateescape")))
    write(f"{tmp}/nonchar.plan", 'plan "\uffff\ufffe"\nmon strength 30min {\n  bird-dog 3x8\n}\n')
    for target in sorted(os.listdir(bad)) + ["."]:
        path = os.path.join(bad, target) if target != "." else tmp
        if not (target == "." or target.endswith((".plan", ".json"))):
            continue
        r = run("check", path, "--format", "junit", cwd=tmp)
        try:
            ET.fromstring(r.stdout)
        except ET.ParseError as e:
            raise AssertionError(f"{path}: JUnit is not XML: {e}\n{r.out[:2000]}")


@case
def junit_prints_a_waived_finding_once(tmp):
    write(f"{tmp}/waived.plan", open(FLAWED).read() + '\nwaive bp.rest-between-strength reason "cleared"\n')
    r = run("check", "waived.plan", "--format", "junit", cwd=tmp)
    root = ET.fromstring(r.stdout)
    outputs = "".join(e.text or "" for e in root.iter("system-out"))
    expect(outputs.count("waived at") == 1, f"the waived finding is printed {outputs.count('waived at')} times", r)


@case
def junit_judges_each_plan_by_its_own_configuration(tmp):
    for name, fail_on in (("strict", "warning"), ("lenient", "error")):
        os.makedirs(f"{tmp}/{name}")
        write(f"{tmp}/{name}/.liftlint.json", json.dumps({"fail_on": fail_on}))
        shutil.copy(os.path.join(SOURCE, "examples", "flawed-dose.plan"), f"{tmp}/{name}/dose.plan")

    def failures(*order):
        root = ET.fromstring(run("check", *order, "--format", "junit", cwd=tmp).stdout)
        return {s.get("name"): s.get("failures") for s in root.iter("testsuite")}

    one, other = failures("strict", "lenient"), failures("lenient", "strict")
    expect(one == other, f"the verdict depends on the order of the arguments: {one} and {other}")
    expect(one["strict/dose.plan"] != "0" and one["lenient/dose.plan"] == "0", f"wrong verdicts: {one}")


@case
def sarif_gives_absolute_paths_as_file_uris(tmp):
    r = run("check", FLAWED, "--format", "sarif", cwd=tmp)
    log = json.loads(r.stdout)
    run_ = log["runs"][0]
    expect(run_["tool"]["driver"].get("informationUri", "").startswith("https://"), "no informationUri", r)
    for result in run_["results"]:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        expect(location["uri"].startswith("file:///") and "uriBaseId" not in location, f"uri: {location}", r)


# --- 9. stale output ------------------------------------------------------------------------------


@case
def a_failed_rule_load_replaces_an_earlier_report(tmp):
    write(f"{tmp}/report.sarif", '{"old": "report from the last run"}')
    write(f"{tmp}/broken.rules", "rule {\n")
    r = run("check", FLAWED, "--rules", "broken.rules", "--format", "sarif", "-o", "report.sarif", cwd=tmp)
    expect_exit(r, 2)
    log = json.load(open(f"{tmp}/report.sarif"))
    expect("old" not in log, "the earlier report was left in place", r)
    results = log["runs"][0]["results"]
    expect(results and results[0]["ruleId"] == "liftlint.input-error", "the rule error is not in the report", r)


@case
def json_rule_errors_go_to_the_requested_file(tmp):
    write(f"{tmp}/broken.rules", "rule {\n")
    r = run("check", FLAWED, "--rules", "broken.rules", "--format", "json", "-o", "report.json", cwd=tmp)
    expect_exit(r, 2)
    expect(r.stdout == b"", "rule errors went to standard output", r)
    expect(json.load(open(f"{tmp}/report.json"))["rule_errors"], "no rule errors in the file", r)


# --- 10. legal inputs checked in linear time ------------------------------------------------------


@case
def a_long_template_is_checked_once_not_once_a_week(tmp):
    lines = ['plan "big"', "client {", "  conditions chronic_low_back_pain", "}", "week 1..520 {"]
    days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    size, d = 0, 0
    while size < 1 << 20:
        block = [f"  {days[d % 7]} strength 30min {{"] + ["    goblet squat 3x10 @ 12kg"] * 20 + ["  }"]
        lines += block
        size += sum(len(x) + 1 for x in block)
        d += 1
    write(f"{tmp}/template.plan", "\n".join(lines + ["}"]) + "\n")
    r = run("check", "template.plan", "--format", "json", "-o", "report.json", cwd=tmp, timeout=120)
    expect_exit(r, 1)
    findings = json.load(open(f"{tmp}/report.json"))["plans"][0]["findings"]
    expect(len(findings) > 5000, f"only {len(findings)} findings", r)
    every_week = sum(1 for f in findings if f["weeks"] == list(range(1, 521)))
    expect(every_week > len(findings) // 2, "the findings do not list the template's weeks", r)


@case
def long_lines_are_read_in_linear_time(tmp):
    lines = {"parens": "mon strength 30min {\ngoblet squat 3x10 " + "(" * 40000 + "\n}\n",
             "stars": "goblet squat 3x10 " + "*" * 256000 + "\n",
             "dashes": "mon strength 30min {\ngoblet squat " + "1\u2013" * 128000 + "\n}\n",
             "header": "Monday - " + "BW+" * 20000 + "\n"}
    for name, text in lines.items():
        write(f"{tmp}/{name}.plan", text)
        r = run("check", f"{name}.plan", cwd=tmp, timeout=60)
        expect(r.returncode in (0, 1, 2), f"{name}: unexpected exit", r)
        expect(r.seconds < 20, f"{name}: {r.seconds:.1f} s for one long line", r)
    r = run("check", "parens.plan", cwd=tmp)
    expect("error: an exercise line has at most 256 words, numbers and signs" in r.out, "no error", r)


@case
def did_you_mean_among_many_declared_exercises(tmp):
    rng = random.Random(7)
    names = sorted({"".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7)) + " " +
                    "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7)) for _ in range(20000)})
    out = ['plan "declared"'] + [f'exercise "{n}" {{ muscles glutes pattern hinge posture standing }}' for n in names]
    out += ["mon strength 30min {"] + [f"  {names[i * 200][:-1]}q 3x10" for i in range(100)] + ["}"]
    write(f"{tmp}/declared.plan", "\n".join(out) + "\n")
    r = run("check", "declared.plan", cwd=tmp, timeout=120)
    expect_exit(r, 2)
    expect(f"did you mean '{names[0]}'?" in r.out, "no suggestion for a mistyped declared name", r)


@case
def same_as_copies_are_bounded(tmp):
    text = "Week 1\nMonday - strength\n" + "goblet squat 3x10\n" * 50000
    text += "".join(f"Week {w} - same as week 1\n" for w in range(2, 521))
    write(f"{tmp}/copies.plan", text)
    r = run("check", "copies.plan", cwd=tmp, timeout=120)
    expect_exit(r, 2)
    expect("copies.plan:50005:10: error: the plan repeats more than 100000 lines with 'same as'" in r.out,
           "no error", r)
    expect(r.out.count("repeats more than") == 1, "the error is repeated", r)
    expect(r.peak_kib < 1536 * MIB, f"peak memory {r.peak_kib // MIB} MiB for a 1 MB plan", r)


@case
def rest_advice_in_a_crowded_week_is_linear(tmp):
    write(f"{tmp}/crowded.plan", "conditions back_pain\n" + "mon strength\n" * 50000)
    r = run("check", "crowded.plan", "-o", "report.txt", cwd=tmp, timeout=120)
    expect_exit(r, 2)  # more than 10,000 findings
    expect("move this session to" in open(f"{tmp}/report.txt").read() or r.returncode == 2, "no report", r)


@case
def titled_sessions_in_a_crowded_week_are_linear(tmp):
    # each header's weekday is looked for among the week's sessions: a week of thousands must stay linear
    write(f"{tmp}/titled.plan", "conditions back_pain\n" + "Strength A - Mon\n" * 50000)
    r = run("check", "titled.plan", "-o", "report.txt", cwd=tmp, timeout=120)
    expect_exit(r, 2)


@case
def a_plan_of_too_many_weeks_is_refused(tmp):
    weeks = [f"week {w} {{\n  mon strength 30min {{\n    bird-dog 3x8\n  }}\n}}" for w in range(1, 1001)]
    write(f"{tmp}/long.plan", 'plan "long"\n' + "\n".join(weeks) + "\n")
    r = run("check", "long.plan", cwd=tmp, timeout=60)
    expect_exit(r, 2)
    expect("long.plan:2602:1: error: week numbers are whole numbers from 1 to 520" in r.out, "no error", r)


# --- 11. smaller ones -----------------------------------------------------------------------------


@case
def rules_list_json_with_a_file_name_that_is_not_utf8(tmp):
    name = b"pack-\xff.rules"
    with open(os.path.join(tmp.encode(), name), "w") as f:
        f.write(rule_file("count sessions where kind = strength per week >= 2"))
    r = run("rules", "list", "--format", "json", "--rules", ".", cwd=tmp)
    expect_exit(r, 0)
    rules = json.loads(r.stdout)
    expect(any(x["id"] == "x.r" for x in rules), "the rule is not listed", r)


@case
def bad_byte_columns_count_bytes(tmp):
    write(f"{tmp}/p.plan", b'plan "\xc3\xa9\xc3\xa9 \xff"\n', "wb")
    r = run("check", "p.plan", cwd=tmp)
    expect_exit(r, 2)
    expect("p.plan:1:12: error: expected UTF-8 text, found the byte 0xff" in r.out, "column is not a byte column", r)


@case
def a_week_label_of_hundreds_of_digits(tmp):
    write(f"{tmp}/p.plan", "W" + "9" * 400 + "D1 strength\n- goblet squat 3x10\n")
    r = run("check", "p.plan", cwd=tmp)
    expect(r.returncode in (1, 2), "the plan was not read", r)


@case
def rules_check_stops_after_a_hundred_conflicts(tmp):
    write(f"{tmp}/many.rules", "".join(
        f"rule c{i} {{ severity info cite who2020 require count sessions where kind = strength per week <= {i % 3} }}\n"
        for i in range(4000)))
    r = run("rules", "check", "many.rules", cwd=tmp, timeout=60)
    expect_exit(r, 1)
    expect("many.rules: warning: more than 100 warnings; the rest are not reported" in r.out, "no cut", r)
    expect(len(r.stdout) < 1 << 20, f"{len(r.stdout)} bytes of output", r)


@case
def a_plan_of_more_lines_than_any_programme(tmp):
    write(f"{tmp}/p.plan", "Mon/Tue/Wed/Thu/Fri/Sat/Sun - strength\n" + "squat\n" * 200000)
    r = run("check", "p.plan", cwd=tmp, timeout=120)
    expect_exit(r, 2)
    expect("p.plan:50002:1: error: a plan has at most 50000 exercise lines; this one and the rest are not read"
           in r.out, "no error", r)
    expect(r.peak_kib < 1536 * MIB, f"peak memory {r.peak_kib // MIB} MiB", r)


@case
def config_show_cannot_forge_a_line(tmp):
    write(f"{tmp}/.liftlint.json", json.dumps({"rules": {"bp.cool-down": {
        "severity": "off", "reason": "x\u001b[2J\r\n::error::INJECTED\u202e"}}}))
    r = run("config", "show", cwd=tmp)
    expect_exit(r, 0)
    expect_no_forged_line(r.out, "a forged line", r)
    expect(b"\x1b" not in r.stdout and b"\r" not in r.stdout, "raw control bytes", r)


@case
def configuration_errors_stop_at_a_hundred(tmp):
    write(f"{tmp}/config.json", json.dumps({"rules": {f"zz.r{i}": {"severity": "warning"} for i in range(20000)}}))
    r = run("check", FLAWED, "--config", "config.json", cwd=tmp, timeout=60)
    expect_exit(r, 2)
    expect(r.out.count("error:") == 101 and "more than 100 problems; the rest are not reported" in r.out,
           f"{r.out.count('error:')} errors", r)


@case
def today_that_is_no_date(tmp):
    for today in ("abcd-ef-gh", "-001-01-01", "2026-02-30", "2026-1-011"):
        r = run("check", FLAWED, "--today", today, cwd=tmp)
        expect_exit(r, 2)
        expect(f"liftlint: error: --today: expected a date as YYYY-MM-DD, found '{today}'" in r.err, "no error", r)


@case
def a_json_week_of_two_and_a_half(tmp):
    plan = {"plan": "x", "weeks": [{"week": 2.5, "days": [{"day": "mon", "kind": "strength", "minutes": 30,
                                                          "exercises": [{"exercise": "bird dog", "sets": 3}]}]}]}
    write(f"{tmp}/p.json", json.dumps(plan))
    r = run("check", "p.json", cwd=tmp)
    expect_exit(r, 2)
    expect("error: week numbers are whole numbers from 1 to 520" in r.out, "2.5 was accepted", r)


# --- 12. a third round: commands that print rules, readings and examples ---------------------------


HOSTILE_TEXT = "x\u001b[2J\u001b]0;t\u0007\r::error::INJECTED\u202e"
HOSTILE_RULE_TEXT = HOSTILE_TEXT.replace("\r", " ")  # a rule file refuses a lone CR


@case
def explain_shows_a_hostile_pack_safely(tmp):
    write(f"{tmp}/evil.rules", f"""source evil_src {{
  author "{HOSTILE_RULE_TEXT}"
  title "T"
  year 2020
  evidence advice.expert_opinion
}}

rule evil.r {{
  severity warning
  cite     evil_src at "{HOSTILE_RULE_TEXT}"
  message  "{HOSTILE_RULE_TEXT}"
  help     "{HOSTILE_RULE_TEXT}"
  doc      "{HOSTILE_RULE_TEXT}"
  require  count sessions where kind = strength per week >= 2
}}
""")
    r = run("explain", "evil.r", "--rules", "evil.rules", cwd=tmp)
    expect_exit(r, 0)
    expect("<0x1b>[2J" in r.out, "the escape is not shown by its code", r)
    expect_no_forged_line(r.out, "a forged line", r)
    expect(b"\x1b" not in r.stdout and b"\r" not in r.stdout and b"\x07" not in r.stdout, "raw control bytes", r)
    r = run("explain", "evil.r\x1b[2J", "--rules", "evil.rules", cwd=tmp)
    expect_exit(r, 2)
    expect("liftlint: error: no rule 'evil.r<0x1b>[2J'" in r.err, "the rule id is not shown safely", r)


@case
def read_shows_a_hostile_json_plan_safely(tmp):
    plan = {"plan": "p", "client": {"conditions": ["back pain"]},
            "weeks": [{"week": 1, "days": [{"day": "mon", "kind": "strength", "minutes": 30,
                                            "exercises": [{"exercise": HOSTILE_TEXT, "sets": 3}]}]}]}
    write(f"{tmp}/p.json", json.dumps(plan))
    r = run("read", "p.json", cwd=tmp)
    expect(b"\x1b" not in r.stdout + r.stderr and b"\r" not in r.stdout + r.stderr, "raw control bytes", r)
    expect_no_forged_line(r.out + r.err, "a forged line", r)


@case
def read_json_with_a_file_name_that_is_not_utf8(tmp):
    name = b"plan-\xff.plan"
    shutil.copy(FLAWED, os.path.join(tmp.encode(), name))
    r = run("read", "--format", "json", name.decode("utf-8", "surrogateescape"), cwd=tmp)
    expect_exit(r, 0)
    reading = json.loads(r.stdout)
    expect(reading["plans"][0]["path"] == "plan-\ufffd.plan", "the path is not replaced", r)
    r = run("read", name.decode("utf-8", "surrogateescape"), cwd=tmp)
    expect(r.stdout.startswith(b"plan-<0xff>.plan\n"), "the path is not shown by its code", r)


@case
def rules_doc_reads_each_test_once(tmp):
    # Every rule's example was looked for by reading every test plan again: 5,000 rules with 300 tests
    # took 11 s. Only the first 300 rules fire, so checking the tests stays cheap.
    os.makedirs(f"{tmp}/pack/tests")
    write(f"{tmp}/pack/p.rules", "".join(
        f"rule c{i} {{ {'' if i < 300 else 'when client has pregnancy '}severity info cite who2020 "
        "forbid exercise where pattern = squat }\n" for i in range(5000)))
    for i in range(300):
        write(f"{tmp}/pack/tests/t{i}.plan", f"Mon strength 30min\n- goblet squat 3x10 # expect: c{i}\n")
    r = run("rules", "doc", "out", "--rules", "pack", "--no-default-rules", cwd=tmp, timeout=120)
    expect_exit(r, 0)
    expect(r.seconds < seconds(5), f"{r.seconds:.1f} s", r)
    page = open(f"{tmp}/out/p.md").read()
    expect(page.count("### Example") == 300, f"{page.count('### Example')} examples", r)

@case
def output_that_cannot_be_written_fails_the_run(tmp):
    # A full disk or a closed pipe ended some commands with an abort, and others with exit code 0.
    commands = [["vocab"], ["catalog", "--format", "json"], ["read", FLAWED, "--format", "json"],
                ["rules", "list", "--format", "json"], ["completions", "zsh"], ["explain", "bp.rest-between-strength"],
                ["config", "show"], ["--help"], ["--version"], ["check", FLAWED, "--format", "json"]]
    for args in commands:
        with open("/dev/full", "w") as full:
            r = run(*args, cwd=tmp, stdout_file=full)
        expect_exit(r, 2)
        expect("liftlint: error: " in r.err and "no space left on device" in r.err.lower(), f"{args}: no message", r)
    r = run("check", FLAWED, "--format", "junit", cwd=tmp, close_stdout=True)
    expect_exit(r, 2)


@case
def output_never_replaces_standard_input(tmp):
    shutil.copy(FLAWED, f"{tmp}/a.plan")
    before = open(f"{tmp}/a.plan", "rb").read()
    with open(f"{tmp}/a.plan", "rb") as plan:
        r = run("check", "-", "-o", "a.plan", cwd=tmp, stdin=plan)
    expect_exit(r, 2)
    expect("liftlint: error: --output 'a.plan' is the input 'standard input'; the report would replace it" in r.err,
           "no error", r)
    expect(open(f"{tmp}/a.plan", "rb").read() == before, "the plan was replaced", r)


@case
def two_reports_to_one_file_however_spelled(tmp):
    shutil.copy(FLAWED, f"{tmp}/a.plan")
    os.symlink("x.json", f"{tmp}/link.json")
    for second in ("./x.json", f"{tmp}/x.json", f"../{os.path.basename(tmp)}/x.json", "link.json"):
        r = run("check", "a.plan", "--format", "json", "-o", "x.json", "--format", "sarif", "-o", second, cwd=tmp)
        expect_exit(r, 2)
        expect("liftlint: error: two reports would be written to" in r.err, f"{second}: no error", r)
        expect(not os.path.exists(f"{tmp}/x.json"), f"{second}: a report was written", r)
    r = run("check", "a.plan", "-o", "", cwd=tmp)
    expect_exit(r, 2)
    expect("liftlint: error: --output: expected a file name, or '-' for standard output; found ''" in r.err, "no error", r)


@case
def a_pack_given_by_its_bare_name_includes_its_neighbours(tmp):
    shutil.copytree(os.path.join(SOURCE, "rules", "who-2020"), f"{tmp}/who")
    for rules in ("pack.rules", "./pack.rules", "."):
        r = run("rules", "list", "--no-default-rules", "--rules", rules, cwd=f"{tmp}/who")
        expect_exit(r, 0)
        expect("who.muscle-strengthening" in r.out, f"{rules}: the included rules are missing", r)


@case
def a_report_that_fails_leaves_the_others_as_they_were(tmp):
    shutil.copy(FLAWED, f"{tmp}/a.plan")
    write(f"{tmp}/r.json", "OLD")
    r = run("check", "a.plan", "--format", "json", "-o", "r.json", "--format", "sarif", "-o", "/dev/full", cwd=tmp)
    expect_exit(r, 2)
    expect("liftlint: error: cannot write the report to '/dev/full': no space left on device" in r.err, "no error", r)
    expect(open(f"{tmp}/r.json").read() == "OLD", "the other report was replaced", r)
    expect(sorted(os.listdir(tmp)) == ["a.plan", "r.json"], f"left behind: {os.listdir(tmp)}", r)


@case
def file_and_pack_names_cannot_forge_lines(tmp):
    evil = "e\x1b[31mvil\n::error file=x,line=1::forged"
    os.makedirs(f"{tmp}/p")
    write(f"{tmp}/p/{evil}.rules", rule_file("count sessions where kind = strength per week >= 2"))
    write(f"{tmp}/f{evil}.plan", "mon strength 30min {\n      goblet squat 3x10\n}\n")
    for args in (["rules", "list", "--rules", "p"], ["fmt", "--check", f"f{evil}.plan"], ["rules", "doc", "out", "--rules", "p"]):
        r = run(*args, cwd=tmp)
        expect_no_forged_line(r.out + r.err, f"{args}: a forged line", r)
        expect(b"\x1b" not in r.stdout + r.stderr, f"{args}: raw escape", r)
    page = open(os.path.join(tmp, "out", f"{evil}.md")).read()
    expect_no_forged_line(page, "a forged line in the page", None)


@case
def invisible_characters_are_shown_by_their_code(tmp):
    invisible = ["\u2028", "\u2029", "\u200b", "\u200e", "\u200f", "\ufeff", "\U000e0041", "\u00ad", "\u034f",
                 "\u115f", "\u180b", "\u206a", "\u3164", "\ufe00", "\uffa0", "\ufff9", "\U0001bca0",
                 "\U0001d173", "\U000e0100"]
    plan = {"plan": "p", "weeks": [{"week": 1, "days": [{"day": "mon", "kind": "strength", "minutes": 30,
            "exercises": [{"exercise": f"goblet{c}squat", "sets": 3} for c in invisible]}]}]}
    write(f"{tmp}/p.json", json.dumps(plan))
    r = run("check", "p.json", cwd=tmp)
    expect_exit(r, 2)
    for c in invisible:
        expect(c not in r.out, f"U+{ord(c):04X} is passed raw", r)
        expect(f"<U+{ord(c):04X}>" in r.out, f"U+{ord(c):04X} is not shown by its code", r)


@case
def rules_doc_never_writes_through_a_link(tmp):
    os.makedirs(f"{tmp}/docs")
    write(f"{tmp}/victim", "KEEP")
    os.symlink(f"{tmp}/victim", f"{tmp}/docs/back-pain.md")
    r = run("rules", "doc", "docs", cwd=tmp)
    expect_exit(r, 2)
    expect("liftlint: error: cannot write 'docs/back-pain.md': it is a symbolic link; remove it first" in r.err,
           "no error", r)
    expect(open(f"{tmp}/victim").read() == "KEEP", "the file the link names was replaced", r)


@case
def a_pack_of_thousands_of_exercises_and_rules_is_checked_in_linear_time(tmp):
    # Each rule was paired with every other and each pair searched the whole catalogue: 8,000 exercises
    # with a rule forbidding each took 19 s in `rules check`, and listing the rules was quadratic too.
    write(f"{tmp}/big.rules", "".join(
        f'exercise "lift {i}" {{\n  muscles quads\n  pattern squat\n  posture standing\n  equipment barbell\n'
        f'  spinal_load high\n}}\nrule r{i} {{\n  severity info\n  cite who2020\n  forbid exercise where name = "lift {i}"\n}}\n'
        for i in range(8000)))
    for args in (["rules", "check", "big.rules"], ["rules", "list", "--rules", "big.rules"]):
        r = run(*args, cwd=tmp, timeout=120)
        expect(r.returncode in (0, 1), f"{args}: exit code {r.returncode}", r)
        expect(r.seconds < seconds(5), f"{args}: {r.seconds:.1f} s", r)


@case
def an_aside_cannot_hide_a_prescribed_exercise(tmp):
    # Lines a trainer writes to themselves are notes, but a forbidden exercise written on one is still judged.
    hidden = ["Cue: deadlift 3x5 @ 100kg", "[Deadlift – 3 × 8 @ 50kg]", "TODO: deadlift 5-5-5-5-5",
              "check deadlift 3/5", "check deadlift AMRAP", "film deadlift 10 slow repetitions", "Check: deadlift 3x5",
              "NB: deadlift 3x5", "??? deadlift 3x5", "(deadlift 3x5)", "Note - deadlift 3x8"]
    client = "Client: Sam, chronic low back pain, cleared by GP 2026-10-01\nMon - strength\n- goblet squat 3x10\n"
    for line in hidden:
        write(f"{tmp}/p.plan", client + line + "\n")
        r = run("check", "p.plan", cwd=tmp)
        expect(r.returncode != 0 and "bp.avoid-deadlift" in r.out, f"{line!r}: the deadlift is hidden", r)
    asides = ["??? ask Sam about knees", "NB: check hip hinge form first", "Note - keep RPE low",
              "TODO: swap deadlift if flare", "(coach: film the set)", "-- ask about sleep", "[film the last set]"]
    write(f"{tmp}/p.plan", client + "\n".join(asides) + "\n")
    r = run("check", "p.plan", cwd=tmp)
    expect("error:" not in r.out and "bp.avoid-deadlift" not in r.out, "an aside is read as an exercise", r)
    write(f"{tmp}/p.plan", client + "NB: dedlift 3x5\n")
    r = run("check", "p.plan", cwd=tmp)
    expect_exit(r, 2)
    expect("p.plan:4:5: error: unknown exercise 'dedlift'" in r.out, "a misspelt exercise in an aside is hidden", r)


@case
def output_in_dev_shm_is_replaced_whole(tmp):
    if not os.path.isdir("/dev/shm") or not os.access("/dev/shm", os.W_OK):
        sys.exit(SKIP)
    shutil.copy(FLAWED, f"{tmp}/a.plan")
    fd, report = tempfile.mkstemp(dir="/dev/shm", prefix="liftlint-")
    os.write(fd, b"OLD")
    os.close(fd)
    try:
        os.makedirs(f"{tmp}/adir")
        r = run("check", "a.plan", "--format", "json", "-o", report, "--format", "sarif", "-o", "adir", cwd=tmp)
        expect_exit(r, 2)
        expect(open(report).read() == "OLD", "the report in /dev/shm was truncated by a run that did not start", r)
        r = run("check", "a.plan", "--format", "json", "-o", report, cwd=tmp)
        expect_exit(r, 1)
        expect(json.load(open(report))["version"] == 1, "no report", r)
    finally:
        os.unlink(report)


@case
def output_never_replaces_a_rule_file_the_run_loaded(tmp):
    shutil.copy(FLAWED, f"{tmp}/a.plan")
    shutil.copy(os.path.join(SOURCE, "rules", "who-2020", "who-2020.rules"), f"{tmp}/sub.rules")
    write(f"{tmp}/top.rules", 'include "sub.rules"\n')
    os.makedirs(f"{tmp}/pack")
    shutil.copy(f"{tmp}/sub.rules", f"{tmp}/pack/member.rules")
    before = open(f"{tmp}/sub.rules").read()
    for args in (["--rules", "top.rules", "-o", "sub.rules"], ["--rules", "pack", "-o", "pack/member.rules"]):
        r = run("check", "a.plan", "--no-default-rules", *args, cwd=tmp)
        expect_exit(r, 2)
        expect("the report would replace it" in r.err, f"{args}: no error", r)
    expect(open(f"{tmp}/sub.rules").read() == before and open(f"{tmp}/pack/member.rules").read() == before,
           "a rule file was replaced", None)


@case
def a_broken_json_waiver_waives_nothing(tmp):
    for extra in ({"until": 5}, {"until": ["2020-01-01"]}, {"until": None}, {"reasn": "y"}, {"approved_by": 5}):
        waiver = {"rule": "bp.avoid-deadlift", "reason": "physio says so", **extra}
        plan = {"client": {"conditions": ["low back pain"], "cleared": True},
                "weeks": [{"week": 1, "days": [{"day": "mon", "kind": "strength", "minutes": 40, "exercises": [
                    {"exercise": "deadlift", "sets": 3, "reps": 5, "waivers": [waiver]}]}]}]}
        write(f"{tmp}/p.json", json.dumps(plan))
        r = run("check", "p.json", "--format", "json", cwd=tmp)
        expect_exit(r, 2)
        report = json.loads(r.stdout)["plans"][0]
        expect(any(f["rule"] == "bp.avoid-deadlift" for f in report["findings"]), f"{extra}: the finding was waived", r)


@case
def explain_shows_file_names_safely(tmp):
    name = "a\n::error::pwned"
    os.makedirs(f"{tmp}/pk/tests")
    write(f"{tmp}/pk/{name}.rules", rule_file("count sessions where kind = strength per week >= 2"))
    write(f"{tmp}/pk/tests/x\n::error::t\x1b[31m.plan", "mon strength 30min {\n  goblet squat 3x10 # expect: x.r\n}\n")
    r = run("explain", "x.r", "--rules", "pk", cwd=tmp)
    expect_no_forged_line(r.out, "a forged line", r)
    expect(b"\x1b" not in r.stdout, "raw escape", r)


@case
def notes_and_labels_never_hide_a_dosed_exercise(tmp):
    # Round five: a heading that merely contains an advice word, a link, a footer, a stamp or a skip note
    # that says more than "not today" hid the deadlift on its line or under it.
    client = "Client: Sam, chronic low back pain, cleared by GP 2026-10-01\nMon - strength\n- goblet squat 3x10\n"
    lines = ["Focus: deadlift 3x8 @ 60kg", "Deadlift 3x8 @ 60kg (demo: https://youtu.be/abc)",
             "Deadlift 3x8 @ 60kg (see www.example.com)", "Deadlift 3x8 @ 60kg wrote:",
             "Deadlift 3x8 @ 60kg (skip? no, today all sets)", "Deadlift 3x8 @ 60kg (omit? NO)",
             "Main (important):\nDeadlift 3x8 @ 60kg", "Block B (coach notes):\nDeadlift 3x8 @ 60kg"]
    for line in lines:
        write(f"{tmp}/p.plan", client + line + "\n")
        r = run("check", "p.plan", cwd=tmp)
        expect("bp.avoid-deadlift" in r.out or "error:" in r.out, f"{line!r}: the deadlift is silently dropped", r)
    write(f"{tmp}/p.plan", client + "Avoid for now:\nDeadlift\nSit-ups\n")
    r = run("check", "p.plan", cwd=tmp)
    expect("bp.avoid-deadlift" not in r.out, "an advice section is read as planned exercises", r)


@case
def a_test_annotation_of_thousands_of_unknown_rules(tmp):
    ids = ", ".join(f"zz.r{i}" for i in range(10000))
    write(f"{tmp}/t.plan", f"mon strength 30min {{\n  goblet squat 3x10 # expect: {ids}\n}}\n")
    r = run("test", "t.plan", cwd=tmp, timeout=60)
    expect_exit(r, 2)
    expect(r.peak_kib < 256 * MIB, f"peak memory {r.peak_kib // MIB} MiB", r)
    expect("more than 100 unknown rules in test annotations; the rest are not reported" in r.out + r.err, "no cut", r)


def main():
    if sys.argv[3] == "--list":
        print(";".join(sorted(CASES)))
        return
    with tempfile.TemporaryDirectory(prefix="liftlint-hostile-") as tmp:
        try:
            CASES[sys.argv[3]](tmp)
        finally:
            for root, dirs, files in os.walk(tmp):  # read-only files must not stop the clean-up
                for entry in dirs + files:
                    path = os.path.join(root, entry)
                    if not os.path.islink(path):
                        os.chmod(path, 0o755)
    print("ok")


if __name__ == "__main__":
    main()
