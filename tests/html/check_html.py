#!/usr/bin/env python3
"""Checks liftlint's HTML report with a real parser and a real browser.

  check_html.py LIFTLINT SOURCE_DIR structure   every example: well-formed, self-contained, and each
                                                 finding of the JSON report on the card of its line
  check_html.py LIFTLINT SOURCE_DIR placement   the cases of tests/html/cases: findings on every drawing
                                                 of their line, on empty weeks, doses as written
  check_html.py LIFTLINT SOURCE_DIR chromium    headless Chromium renders a flawed plan's report: the
                                                 screenshot is not blank and the DOM holds the markers

Exit 77 (skipped) when Chromium is not installed.
"""
import collections
import html.parser
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

VOID = {"meta", "br", "hr", "img", "input", "link", "col", "area", "base", "wbr", "source", "track", "embed"}


class Page(html.parser.HTMLParser):
    """The tree of a page as a parser sees it, with the problems of its structure."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems, self.scripts, self.links = [], [], [], []
        self.findings = []  # (status, rule, card id, exercise of the line or None, week row or None)
        self.row, self.in_weeks = None, False
        self.doses = []
        self.card, self.line_text, self.in_exercise, self.in_summary_rule = None, None, False, False
        self.current_rule = None
        self.script_text = ""
        self.current_dose = False
        self.text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler attribute {name}")
            if name in ("src", "srcset", "action", "formaction", "background"):
                self.problems.append(f"external resource {name}={value}")
        if tag in ("img", "iframe", "object", "embed", "link", "base", "form"):
            self.problems.append(f"unexpected <{tag}>")
        if tag == "a":
            href = a.get("href", "")
            if not (href.startswith("#") or href.startswith("https://") or href.startswith("http://")):
                self.problems.append(f"link to {href!r}")
            self.links.append(href)
        if tag == "article":
            self.card = a.get("id")
        if tag == "li" and "line" in a.get("class", "").split():
            self.line_text = ""
        if tag == "span" and a.get("class") == "exercise":
            self.in_exercise = True
        if tag == "span" and a.get("class") == "weeks":
            self.in_weeks = True
        self.current_dose = tag == "span" and a.get("class") == "dose"
        if self.current_dose:
            self.doses.append("")
        if tag == "details":
            classes = a.get("class", "").split()
            self.findings.append([classes[1] if len(classes) > 1 else "", None, self.card,
                                  self.line_text if self.line_text is not None else None, self.row])
        if tag == "code" and a.get("class") == "rule":
            self.in_summary_rule = True
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
            return
        self.stack.pop()
        if tag == "article":
            self.card = None
        if tag == "li" and self.line_text is not None and "li" not in self.stack:
            self.line_text = None
        if tag == "span":
            self.in_exercise = self.in_weeks = False
        if tag == "tr":
            self.row = None
        if tag == "code":
            self.in_summary_rule = False

    def handle_data(self, data):
        self.text.append(data)
        if self.stack and self.stack[-1] == "script":
            self.script_text += data
        if self.in_exercise and self.line_text == "":
            self.line_text = data
        if self.in_weeks:
            self.row = data
        if self.stack and self.stack[-1] == "span" and self.doses and self.doses[-1] == "" and not self.in_exercise \
                and not self.in_weeks and self.current_dose:
            self.doses[-1] = data
        if self.in_summary_rule and self.findings:
            self.findings[-1][1] = data


def parse(text):
    page = Page()
    page.feed(text)
    page.close()
    if page.stack:
        page.problems.append(f"unclosed: {page.stack}")
    return page


def run(binary, *args, cwd):
    return subprocess.run([binary, *args], cwd=cwd, capture_output=True, timeout=60)


def examples(source):
    out = []
    for folder in ("examples", "examples/json", "tests/programmes", "tests/acceptance"):
        for name in sorted(os.listdir(os.path.join(source, folder))):
            if name.endswith((".plan", ".json")):
                out.append(f"{folder}/{name}")
    return out


def expected_findings(report):
    """(status, rule) of every problem of the JSON report."""
    out = []
    for plan in report["plans"]:
        out += [("input-error", None) for _ in plan["errors"]]
        out += [(f["severity"], f.get("rule")) for f in plan["findings"]]
        out += [("waived", f["rule"]) for f in plan["suppressed"]]
        out += [("moot", f["rule"]) for f in plan["superseded"]]
    return sorted(out, key=str)


def check_structure(binary, source):
    failures = []
    for plan in examples(source):
        page_text = run(binary, "check", plan, "--format", "html", cwd=source).stdout.decode()
        report = json.loads(run(binary, "check", plan, "--format", "json", cwd=source).stdout)
        page = parse(page_text)
        failures += [f"{plan}: {p}" for p in page.problems]
        if not page_text.startswith("<!DOCTYPE html>"):
            failures.append(f"{plan}: no doctype")
        # Each finding at least once: a line drawn on several days or weeks carries it on each.
        shown = collections.Counter((f[0], f[1]) for f in page.findings)
        expected = collections.Counter(expected_findings(report))
        if set(shown) != set(expected) or any(shown[k] < n for k, n in expected.items()):
            failures.append(f"{plan}: the page shows {sorted(shown.items(), key=str)}, "
                            f"the JSON report has {sorted(expected.items(), key=str)}")
        # A finding about an exercise line sits on that line of the card.
        reading = run(binary, "read", plan, "--format", "json", cwd=source).stdout
        for p in report["plans"]:
            for f in p["findings"]:
                exercise = exercise_at(reading, f["location"]["line"], f["location"]["column"])
                if exercise and not any(s[1] == f.get("rule") and s[3] == exercise for s in page.findings):
                    failures.append(f"{plan}: {f['rule']} is not on the line of {exercise}")
    return failures


def exercise_at(reading_json, line, column):
    """The exercise a finding at line:column concerns: the last one of the line starting at or before it."""
    found = None
    for plan in json.loads(reading_json)["plans"]:
        for week in plan["weeks"]:
            for session in week["sessions"]:
                for entry in session["lines"]:
                    if entry["line"] == line and entry["column"] <= column:
                        found = entry["exercise"]
    return found


def png_pixels_vary(path):
    """True when the PNG's decoded rows are not all one byte value (a blank page is uniform)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return False
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(idat)
    return len(set(raw)) > 16


def browser():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def check_chromium(binary, source):
    chrome = browser()
    if chrome is None:
        print("Chromium is not installed (apt-get install chromium); skipped")
        sys.exit(77)
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "report.html")
        run(binary, "check", "examples/flawed-avoid.plan", "examples/flawed-rest.plan", "--format", "html", "-o",
            report, cwd=source)
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--user-data-dir={tmp}/profile"]
        shot = os.path.join(tmp, "shot.png")
        subprocess.run([chrome, *flags, "--window-size=1280,1400", f"--screenshot={shot}", f"file://{report}"],
                       capture_output=True, timeout=120)
        if not os.path.exists(shot) or not png_pixels_vary(shot):
            failures.append("the screenshot is missing or blank")
        # Printed, the page keeps its plans: a PDF of more than one page's worth of text.
        pdf = os.path.join(tmp, "report.pdf")
        subprocess.run([chrome, *flags, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", f"file://{report}"],
                       capture_output=True, timeout=120)
        if not os.path.exists(pdf) or os.path.getsize(pdf) < 20000 or open(pdf, "rb").read().count(b"/Type /Page") < 2:
            failures.append("printing gives no PDF, or one page for two plans")
        dom = subprocess.run([chrome, *flags, "--dump-dom", f"file://{report}"], capture_output=True,
                             timeout=120).stdout.decode()
        for marker in ('class="finding error"', "bp.avoid-deadlift", 'class="finding warning"',
                       "bp.rest-between-strength", 'class="session flag-error"', 'class="finding moot"',
                       '<td class="rest">'):
            if marker not in dom:
                failures.append(f"the rendered DOM has no {marker}")
    return failures


def on(page, rule):
    """Where the page shows a rule's findings: (card, exercise line, week row) each time."""
    return [(f[2], f[3], f[4]) for f in page.findings if f[1] == rule]


def check_placement(binary, source):
    """Findings go where a physiotherapist reading the calendar would look for them."""
    cases = os.path.join(source, "tests", "html", "cases")
    page = lambda name: parse(run(binary, "check", os.path.join(cases, name), "--format", "html", cwd=source)
                              .stdout.decode())
    failures = []
    two_days = on(page("two-days-one-session.plan"), "bp.avoid-deadlift")
    if sorted(two_days) != [("plan-1-w1-s1", "deadlift", "Week 1"), ("plan-1-w1-s2", "deadlift", "Week 1")]:
        failures.append(f"a session on Mon/Thu shows the deadlift's finding at {two_days}")
    copied = on(page("same-as-week-1.plan"), "bp.avoid-deadlift")
    if sorted(c[0] for c in copied) != ["plan-1-w1-s1", "plan-1-w2-s1", "plan-1-w3-s1"]:
        failures.append(f"weeks copied from week 1 show the deadlift's finding at {copied}")
    unread = [(f[2], f[3]) for f in page("unreadable-last-line.plan").findings if f[0] == "input-error"]
    if unread != [("plan-1-w1-s1", None), ("plan-1-w1-s2", "glute bridge")]:
        failures.append(f"input errors on the last lines of sessions are at {unread}")
    gap = page("week-without-header.plan")
    week_2 = [f for f in gap.findings if f[4] == "Week 2"]
    if not week_2 or any(f[2] is not None for f in week_2):
        failures.append(f"the week the plan leaves empty holds {week_2}")
    doses = page("every-dose.plan").doses
    for written in ("3 × 12, 10, 8 @ 12/14/16kg", "30-40s", "3x10 @ BW+5kg, 2 RIR".replace("3x10", "3x5"),
                    "3 x 8 to 12 @ 2x10kg, RPE 6-7, tempo 3-1-1"):
        if written not in doses:
            failures.append(f"the dose {written!r} is not shown as written: {doses}")
    return failures


def main():
    binary, source, what = sys.argv[1], sys.argv[2], sys.argv[3]
    checks = {"structure": check_structure, "chromium": check_chromium, "placement": check_placement}
    failures = checks[what](binary, source)
    for f in failures:
        print(f"FAIL: {f}")
    if failures:
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
