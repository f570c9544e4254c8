"""The websocket fuzzer of tests/hostile at full size: 10,000 frames a seed by default.

    python bench/fuzz.py                 # seeds 1-5, 10,000 frames each
    python bench/fuzz.py --seeds 7 8 --messages 50000

Prints a line of figures per seed (time, /health median and worst, log growth, sessions)
and every broken invariant; exits 1 if any seed broke one. Never part of the test run.
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "hostile"))

from wsfuzz import run_fuzz  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    parser.add_argument("--messages", type=int, default=10_000)
    args = parser.parse_args()
    logging.getLogger().addHandler(logging.NullHandler())  # the fuzzer counts the log; it need not be shown
    broken = 0
    for seed in args.seeds:
        report = run_fuzz(seed, args.messages)
        print(report.summary(), flush=True)
        for problem in report.problems():
            broken += 1
            print(f"  BROKEN: {problem}", flush=True)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
