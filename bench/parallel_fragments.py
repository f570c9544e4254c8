"""Parallel fragments: how long a full run takes when three fragments each wait 150 ms
and the script waits 150 ms too, drawn inline or with ``@st.fragment(parallel=True)``,
appcore against Streamlit 1.67, both through their AppTest (headless, in process).

Inline, the waits add up (about 600 ms); parallel, they overlap (about 150 ms).

    python bench/parallel_fragments.py [--runs 15] [--only appcore|streamlit]
        [--streamlit-python /path/to/venv/bin/python]
"""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as c  # noqa: E402

APP = """
import time

@st.fragment(parallel=PARALLEL)
def part(name):
    time.sleep(0.15)
    st.markdown(f"{name} done")

for name in ("a", "b", "c"):
    part(name)
time.sleep(0.15)
st.markdown("script done")
"""

CHILD = """
import json, statistics, sys, time
from {module}.testing.v1 import AppTest

results = {{}}
for parallel in (False, True):
    source = {import_line!r} + "\\n" + {app!r}.replace("PARALLEL", str(parallel))
    at = AppTest.from_string(source, default_timeout=30)
    at.run()  # warm-up: compile, imports
    times = []
    for _ in range({runs}):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
    assert at.markdown.values[-1] == "script done", at.markdown.values
    results["parallel" if parallel else "inline"] = statistics.median(times)
print(json.dumps(results))
"""


def measure(kind: str, python: str, runs: int) -> dict[str, float]:
    module = "appcore" if kind == "appcore" else "streamlit"
    code = CHILD.format(module=module, import_line=c.IMPORT[kind], app=textwrap.dedent(APP), runs=runs)
    out = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True, timeout=600)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = c.bench_parser(__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--streamlit-python", default=None)
    args = parser.parse_args()
    kinds = [args.only] if args.only else list(c.KINDS)
    rows = []
    for kind in kinds:
        python = sys.executable if kind == "appcore" else (args.streamlit_python or str(c.streamlit_python()))
        result = measure(kind, python, args.runs)
        rows.append([kind, c.fmt_ms(result["inline"] * 1000), c.fmt_ms(result["parallel"] * 1000),
                     f"{result['inline'] / result['parallel']:.1f}x"])
    print(f"full run, median of {args.runs} (3 fragments and the script, 150 ms each)")
    print(c.table(["framework", "inline", "parallel=True", "speed-up"], rows))


if __name__ == "__main__":
    main()
