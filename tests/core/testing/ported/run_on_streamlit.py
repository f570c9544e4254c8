"""Run the ported AppTest files on appcore and on Streamlit, and compare.

    python tests/core/testing/ported/run_on_streamlit.py [--streamlit-python /work/venv-streamlit/bin/python]

Not part of the test suite. The files in this folder are written as for
Streamlit with appcore's imports; for Streamlit they are copied to a
temporary folder with ``import appcore as st`` -> ``import streamlit as st``
and ``appcore.testing.v1`` -> ``streamlit.testing.v1``, nothing else. The
Streamlit interpreter needs pytest (``pip install pytest`` into its venv).
Prints each test's outcome on both and how many pass unchanged on both;
tests marked ``browser_behaviour`` are expected to fail on Streamlit.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
SWAPS = [
    (re.compile(r"\bimport appcore as st\b"), "import streamlit as st"),
    (re.compile(r"\bappcore\.testing\.v1\b"), "streamlit.testing.v1"),
]


def outcomes(python: str, folder: Path) -> dict[str, str]:
    report = folder / "report.xml"
    subprocess.run([python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(folder),
                    "-o", "addopts=", "--junitxml", str(report), str(folder)],
                   cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    found = {}
    for case in ET.parse(report).iter("testcase"):
        name = f"{case.get('classname', '').rsplit('.', 1)[-1]}::{case.get('name')}"
        failed = case.find("failure") is not None or case.find("error") is not None
        found[name] = "skipped" if case.find("skipped") is not None else "failed" if failed else "passed"
    return found


def copy(to: Path, swap: bool) -> Path:
    to.mkdir()
    for path in sorted(HERE.glob("*.py")):
        if path.name == Path(__file__).name:
            continue
        text = path.read_text(encoding="utf-8")
        if swap:
            for pattern, replacement in SWAPS:
                text = pattern.sub(replacement, text)
        (to / path.name).write_text(text, encoding="utf-8")
    return to


def marked_browser_behaviour() -> set[str]:
    marked = set()
    for path in HERE.glob("test_*.py"):
        for match in re.finditer(r"@pytest\.mark\.browser_behaviour\s*\ndef (\w+)", path.read_text(encoding="utf-8")):
            marked.add(f"{path.stem}::{match.group(1)}")
    return marked


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--streamlit-python", default="/work/venv-streamlit/bin/python")
    parser.add_argument("--appcore-python", default=sys.executable)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ported-") as tmp:
        on_appcore = outcomes(options.appcore_python, copy(Path(tmp) / "appcore", swap=False))
        on_streamlit = outcomes(options.streamlit_python, copy(Path(tmp) / "streamlit", swap=True))
    browser = marked_browser_behaviour()
    names = sorted(set(on_appcore) | set(on_streamlit))
    width = max(map(len, names))
    print(f"{'test':{width}}  appcore   streamlit")
    for name in names:
        note = "  (browser behaviour)" if name in browser else ""
        print(f"{name:{width}}  {on_appcore.get(name, '-'):8}  {on_streamlit.get(name, '-'):9}{note}")
    both = [n for n in names if on_appcore.get(n) == "passed" and on_streamlit.get(n) == "passed"]
    appcore_passed = sum(v == "passed" for v in on_appcore.values())
    streamlit_passed = sum(v == "passed" for v in on_streamlit.values())
    print(f"\n{len(names)} tests: {appcore_passed} pass on appcore, {streamlit_passed} on Streamlit, "
          f"{len(both)} unchanged on both; {len(browser)} marked browser_behaviour.")
    unexpected = [n for n in names if n not in browser and on_streamlit.get(n) != "passed"]
    if unexpected:
        print("Fail on Streamlit without the browser_behaviour mark: " + ", ".join(unexpected))
    return 0 if appcore_passed == len(names) and not unexpected else 1


if __name__ == "__main__":
    sys.exit(main())
