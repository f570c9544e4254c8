"""The seeded websocket fuzzer at CI size (bench/fuzz.py runs it at 10,000 frames a seed).

Each seed sends malformed JSON, binary and oversize frames, unknown types and ids,
values outside every widget's definition, lone surrogates and other unicode
oddities, NaN and Infinity, session-id games, messages before hello and floods of
every event type; see wsfuzz.py for the invariants.
"""
from __future__ import annotations

import pytest
from wsfuzz import BAD_VALUES, CI_HEALTH_BUDGET, DEFINITIONS, GOOD_VALUES, out_of_definition, run_fuzz

SEEDS = [1, 2, 3]
MESSAGES = 4000


@pytest.mark.parametrize("seed", SEEDS)
def test_the_server_survives_a_seeded_fuzz_and_the_honest_tab_keeps_its_state(seed: int) -> None:
    report = run_fuzz(seed, MESSAGES)
    print(report.summary())
    problems = report.problems(health_budget=CI_HEALTH_BUDGET)
    assert not problems, report.summary() + "\n" + "\n".join(problems)


def test_the_fuzzer_aims_at_every_widget_the_app_draws() -> None:
    widgets = set(DEFINITIONS) - {"count", "frag"}
    assert set(BAD_VALUES) == widgets == set(GOOD_VALUES)


def test_the_definition_check_can_fail() -> None:
    """The invariant must be able to fail: values a broken codec would let through."""
    bad = {"ti": "123456", "ni": 7.5, "nf": float("nan"), "rd": "d", "ms": ["a", "a"], "slr": (8, 2),
           "cp": "red", "ti2": 1, "ta": "x\ud83d", "fti": None}
    assert len(out_of_definition(bad)) == 10
    assert out_of_definition({"ti": "Ada", "ni": 7, "nf": 0.5, "rd": "a", "ms": ["a"], "slr": (2, 8)}) == []
