"""st_autorefresh through AppTest: the count the page's timer sends, and what the server refuses.

Semantics from streamlit-autorefresh 1.0.1 (its Python wrapper and its built frontend, read
and run on Streamlit 1.67): 0 before the first tick; the frontend sends 1, 2, ... and stops
before `limit`; `debounce` restarts the timer when the component is rendered again.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from appcore.testing import AppTest

HERE = Path(__file__).parent
APP = """
import appcore as st
from appcore_autorefresh import st_autorefresh
count = st_autorefresh(interval=500, limit=4, key="tick")
st.markdown(f"count={count}")
"""


def test_it_is_installed_as_a_plugin_and_listed() -> None:
    from appcore.plugins import load_plugin_manager

    _, infos = load_plugin_manager()
    mine = [info for info in infos if info.name == "autorefresh"]
    assert mine and mine[0].distribution == "appcore-autorefresh" and not mine[0].error


def test_zero_before_the_first_tick_then_each_count_the_page_sends() -> None:
    at = AppTest.from_string(APP).run()
    assert at.markdown[0].value == "count=0"
    timer = at.get("autorefresh")[0]
    assert (timer.props["interval"], timer.props["limit"]) == (500, 4)
    for count in (1, 2, 3):
        at.send({"t": "widget", "id": timer.id, "value": count}).run()
        assert at.markdown[0].value == f"count={count}"
    assert at.session_state["tick"] == 3


@pytest.mark.parametrize("sent", [0, -1, 4, 99, True, "2", 1.5, None])
def test_counts_outside_one_to_limit_minus_one_are_refused(sent: object) -> None:
    at = AppTest.from_string(APP).run()
    with pytest.raises(ValueError, match="refused"):
        at.send({"t": "widget", "id": at.get("autorefresh")[0].id, "value": sent}).run()
    assert at.markdown[0].value == "count=0"


def test_each_debounced_draw_tells_the_page_to_start_its_timer_again() -> None:
    at = AppTest.from_string(APP).run()
    first = at.get("autorefresh")[0].props["draw"]
    at.run()
    assert at.get("autorefresh")[0].props["draw"] > first
    quiet = AppTest.from_string(APP.replace('key="tick"', 'key="tick", debounce=False')).run()
    assert "draw" not in quiet.get("autorefresh")[0].props


@pytest.mark.parametrize(("call", "message"), [
    ("st_autorefresh(interval=0)", "positive number"),
    ("st_autorefresh(interval='fast')", "positive number"),
    ("st_autorefresh(limit='ten')", "integer or None"),
])
def test_bad_arguments_are_clear_errors(call: str, message: str) -> None:
    at = AppTest.from_string(f"from appcore_autorefresh import st_autorefresh\n{call}").run()
    assert message in at.exception[0].message


def test_the_readme_example_runs_as_written() -> None:
    at = AppTest.from_file(str(HERE.parent / "example.py")).run()
    assert at.markdown[0].value == "Count is zero"
    at.send({"t": "widget", "id": at.get("autorefresh")[0].id, "value": 15}).run()
    assert at.markdown[0].value == "FizzBuzz"
