#!/usr/bin/env python3
"""`liftlint check --fix` on each plan here, against the plan as it should read afterwards:
NAME.fixed.EXT with the safe fixes, NAME.unsafe-fixed.EXT with the unsafe ones too. Each fixed plan is
fixed again to show that nothing changes the second time, and --diff is checked to write nothing.
Usage: check.py LIFTLINT FIXES_DIR [--regenerate]"""
import pathlib
import shutil
import subprocess
import sys
import tempfile

binary, here = sys.argv[1], pathlib.Path(sys.argv[2])
regenerate = "--regenerate" in sys.argv
failures = []


def run(*args):
    return subprocess.run([binary, "check", *args], capture_output=True, text=True, check=False)


def cases():
    for plan in sorted(here.iterdir()):
        if plan.suffix in (".plan", ".json") and ".fixed" not in plan.suffixes and ".unsafe-fixed" not in plan.suffixes:
            yield plan


with tempfile.TemporaryDirectory() as work:
    for plan in cases():
        for flags, label in ((["--fix"], "fixed"), (["--fix", "--unsafe-fixes"], "unsafe-fixed")):
            copy = pathlib.Path(work) / plan.name
            shutil.copyfile(plan, copy)
            diff = run(str(copy), *flags, "--diff")
            if copy.read_bytes() != plan.read_bytes():
                failures.append(f"{plan.name} {flags}: --diff changed the file")
            result = run(str(copy), *flags)
            expected = plan.with_name(f"{plan.stem}.{label}{plan.suffix}")
            fixed = copy.read_text()
            if regenerate:
                expected.write_text(fixed)
            elif not expected.exists() or fixed != expected.read_text():
                failures.append(f"{plan.name} {flags}: the fixed plan differs from {expected.name}:\n{fixed}")
            changed = fixed != plan.read_text()
            if diff.returncode != (1 if changed else 0):
                failures.append(f"{plan.name} {flags}: --diff exited {diff.returncode}")
            if changed and "liftlint: fixed " not in result.stderr:
                failures.append(f"{plan.name} {flags}: no 'fixed N problems' line:\n{result.stderr}")
            again = run(str(copy), *flags, "--diff")
            if again.returncode != 0 or again.stdout:
                failures.append(f"{plan.name} {flags}: a second --fix would change the plan again:\n{again.stdout}")
            if result.returncode == 2 and plan.suffix == ".json":
                failures.append(f"{plan.name} {flags}: the fixed JSON plan has input errors:\n{result.stdout}")

for f in failures:
    print(f"FAIL: {f}")
print(f"{len(list(cases()))} plans, {len(failures)} failures")
sys.exit(1 if failures else 0)
