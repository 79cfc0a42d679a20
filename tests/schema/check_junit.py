#!/usr/bin/env python3
"""Loads liftlint's JUnit XML with Python's standard XML parser and checks its structure:
the counts on <testsuites> and <testsuite> agree with the test cases inside them."""
import subprocess
import sys
import xml.etree.ElementTree as ET

binary, source = sys.argv[1], sys.argv[2]
run = subprocess.run([binary, "check", "examples", "tests/golden/bad-weekday.plan", "--format", "junit"],
                     cwd=source, capture_output=True, check=False)
assert run.returncode == 2, run.returncode
root = ET.fromstring(run.stdout)
assert root.tag == "testsuites", root.tag
totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
suites = root.findall("testsuite")
assert len(suites) == 24, len(suites)  # 12 text and 11 JSON examples, one bad plan
for suite in suites:
    cases = suite.findall("testcase")
    counts = {"tests": len(cases),
              "failures": sum(1 for c in cases if c.find("failure") is not None),
              "errors": sum(1 for c in cases if c.find("error") is not None),
              "skipped": sum(1 for c in cases if c.find("skipped") is not None)}
    for key, value in counts.items():
        assert int(suite.get(key)) == value, (suite.get("name"), key, suite.get(key), value)
        totals[key] += value
    assert all(c.get("classname") == suite.get("name") for c in cases)
for key, value in totals.items():
    assert int(root.get(key)) == value, (key, root.get(key), value)
by_name = {s.get("name"): s for s in suites}
rest = by_name["examples/flawed-rest.plan"].find("testcase[@name='bp.rest-between-strength']/failure")
assert rest is not None and "Mon and Tue" in rest.get("message"), rest
bad = by_name["tests/golden/bad-weekday.plan"].find("testcase[@name='liftlint.input-error']/error")
assert bad is not None and "unknown day" in bad.get("message")
print(f"ok: {len(suites)} suites, {totals['tests']} test cases, {totals['failures']} failures, {totals['errors']} errors")
