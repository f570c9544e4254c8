#!/usr/bin/env python3
"""How many Streamlit apps in a folder run under appcore, beside Streamlit 1.67 itself.

    python scripts/compat_survey.py FOLDER [--only appcore|streamlit] [--json OUT]

Each ``*.py`` directly in FOLDER is run once, headless, by each framework's own
AppTest (appcore's in this Python, with ``import streamlit`` served by appcore;
Streamlit's in bench/.venv-streamlit, made on first use), with FOLDER as the
working directory. An app counts as running when its first run raises nothing.
Prints the totals, every app that runs on Streamlit but not on appcore with the
reason (a Streamlit name appcore lacks is counted by name), and, for apps that run
on both, those whose element types differ.

The apps are not part of this repository: point it at a checkout of, say,
Streamlit's docs (python/api-examples-source) or a folder of public apps.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Runs inside each framework's Python: one app at a time, one JSON line per app.
RUNNER = r"""
import json, os, sys, warnings
warnings.filterwarnings("ignore")
module = sys.argv[1]
AppTest = __import__(module + ".testing.v1", fromlist=["AppTest"]).AppTest
folder = os.path.abspath(sys.argv[2])
os.chdir(folder)
sys.path.insert(0, folder)
for name in sys.argv[3:]:
    try:
        at = AppTest.from_file(os.path.join(folder, name), default_timeout=30).run()
        errors = [(e.message or "")[:300] for e in at.exception]
        types = sorted({node.type for node in at.main})
    except Exception as error:  # AppTest itself failed: counted as not running
        errors, types = [f"{type(error).__name__}: {str(error)[:300]}"], []
    print("SURVEY " + json.dumps({"app": name, "errors": errors, "types": types}), flush=True)
"""
MISSING = re.compile(r"st\.(\w+) is part of Streamlit's API")


def survey(python: Path, module: str, folder: Path, apps: list[str]) -> dict[str, dict]:
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as runner:
        runner.write(RUNNER)
    done = subprocess.run([str(python), runner.name, module, str(folder), *apps],
                          capture_output=True, text=True, cwd=folder)
    Path(runner.name).unlink()
    results = {}
    for line in done.stdout.splitlines():
        if line.startswith("SURVEY "):
            entry = json.loads(line[len("SURVEY "):])
            results[entry.pop("app")] = entry
    for app in apps:  # the runner died on this one (a hard crash, an exit())
        results.setdefault(app, {"errors": ["the survey process ended in this app"], "types": []})
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--only", choices=["appcore", "streamlit"])
    parser.add_argument("--json", type=Path, help="write every app's result here")
    args = parser.parse_args()
    folder = args.folder.resolve()
    apps = sorted(p.name for p in folder.glob("*.py"))
    results = {}
    if args.only != "streamlit":
        results["appcore"] = survey(Path(sys.executable), "appcore", folder, apps)
    if args.only != "appcore":
        sys.path.insert(0, str(HERE.parent / "bench"))
        import _common  # noqa: PLC0415 (bench's helper makes the Streamlit venv)
        _common.ensure_streamlit_venv()
        results["streamlit"] = survey(_common.streamlit_python(), "streamlit", folder, apps)
    for name, found in results.items():
        print(f"{name}: {sum(not r['errors'] for r in found.values())} of {len(apps)} apps run")
    if len(results) == 2:
        ours, theirs = results["appcore"], results["streamlit"]
        missing: collections.Counter[str] = collections.Counter()
        for app in apps:
            if theirs[app]["errors"] or not ours[app]["errors"]:
                continue
            reason = ours[app]["errors"][0]
            if (match := MISSING.search(reason)):
                missing[match.group(1)] += 1
            else:
                print(f"  runs on Streamlit only: {app}: {reason[:200]}")
        if missing:
            print("  stopped at a name appcore lacks: " + ", ".join(f"st.{n} ({c})" for n, c in missing.most_common()))
        for app in apps:
            if not ours[app]["errors"] and not theirs[app]["errors"] and ours[app]["types"] != theirs[app]["types"]:
                print(f"  element types differ in {app}: appcore {ours[app]['types']}, streamlit {theirs[app]['types']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
