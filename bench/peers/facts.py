#!/usr/bin/env python3
"""Turn liftlint plans into facts files for the peer engines (not timed).

    bench/peers/facts.py BUILD OUTDIR PLAN...

Each PLAN becomes OUTDIR/<name>.json: the plan as `liftlint read` understood it (client conditions
with those they imply, clearance, experience, week blocks, sessions and lines), every session with
the kinds its kind counts as (`liftlint vocab kinds`), and every line with its exercise's catalogue
attributes (`liftlint catalog`). The peers get the plan parsed, aliases resolved and the catalogue
joined in, which liftlint does itself on every check.
"""
import json
import subprocess
import sys
from pathlib import Path

# Catalogue attributes copied onto each line; posture, equipment and loaded come from `read`
# because a plan line can change them (a dumbbell makes a bodyweight exercise loaded).
CATALOGUE_FIELDS = ("pattern", "tags", "muscles", "spinal_load", "impact", "supported")


def liftlint_json(build, *args):
    exe = Path(build) / "liftlint"
    if not exe.is_file():
        sys.exit(f"facts.py: no liftlint binary at {exe}; build the project first (cmake --build {build})")
    done = subprocess.run([str(exe), *args, "--format", "json"], capture_output=True, text=True)
    try:  # `read` exits with 2 on a plan with input errors but still reports it; prepare() names it
        return json.loads(done.stdout)
    except json.JSONDecodeError:
        sys.exit(f"facts.py: 'liftlint {' '.join(args[:2])} ...' failed:\n{done.stderr.strip()}")


def load_catalogue(build):
    # With no search words, `catalog` lists every exercise of the loaded packs.
    catalogue = {e["name"]: e for e in liftlint_json(build, "catalog")}
    if not catalogue:
        sys.exit("facts.py: 'liftlint catalog' listed no exercises")
    return catalogue


def load_kind_implications(build):
    return {k["id"]: k["implies"] for k in liftlint_json(build, "vocab", "kinds")["kinds"]}


def plan_facts(plan, catalogue, implies):
    missing = set()
    weeks = []
    for week in plan["weeks"]:
        sessions = []
        for session in week["sessions"]:
            lines = []
            for line in session["lines"]:
                entry = catalogue.get(line["exercise"])
                if entry is None:
                    missing.add(line["exercise"])
                    entry = {"pattern": None, "tags": [], "muscles": [], "spinal_load": None,
                             "impact": None, "supported": False}
                lines.append({**line, **{f: entry[f] for f in CATALOGUE_FIELDS}})
            kinds = [session["kind"], *implies.get(session["kind"], [])]
            sessions.append({**session, "kinds": kinds, "lines": lines})
        weeks.append({**week, "sessions": sessions})
    if missing:
        print(f"facts.py: {plan['path']}: not in the catalogue, no attributes: {', '.join(sorted(missing))}",
              file=sys.stderr)
    client = {"conditions": plan["conditions"], "cleared": plan["cleared"], "experience": plan["experience"]}
    return {"plan": plan["path"], "client": client, "weeks": weeks}


def prepare(build, outdir, plans):
    """Write one facts file per plan; return their paths in the order of `plans`."""
    catalogue = load_catalogue(build)
    implies = load_kind_implications(build)
    names = [Path(p).stem for p in plans]
    if len(set(names)) != len(names):
        sys.exit("facts.py: two plans have the same file name; their facts files would collide")
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    read = liftlint_json(build, "read", *map(str, plans))["plans"]
    written = []
    for plan in read:
        if plan["errors"]:
            sys.exit(f"facts.py: {plan['path']} has {plan['errors']} input error(s); 'liftlint check {plan['path']}' "
                     "shows them")
        out = outdir / (Path(plan["path"]).stem + ".json")
        out.write_text(json.dumps(plan_facts(plan, catalogue, implies), separators=(",", ":")))
        written.append(out)
    return written


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    for path in prepare(sys.argv[1], sys.argv[2], sys.argv[3:]):
        print(path)


if __name__ == "__main__":
    main()
