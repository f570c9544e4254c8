"""Every Vega-Lite chart (line, area, bar, scatter, vega_lite, altair) sends the spec and
data Streamlit 1.67 sends for the same call (recorded by record_streamlit_specs.py into
streamlit_specs.json), with the same width, height, theme and selection parameters, and
fails with its messages."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from appcore.testing import AppTest

RECORDED = json.loads((Path(__file__).parent / "streamlit_specs.json").read_text(encoding="utf-8"))
CALLS = RECORDED["calls"]


def named_by_position(spec: dict, names: list[str]) -> dict:
    """The spec with each dataset name replaced by its position (the names are digests of
    the bytes each side encodes)."""
    text = json.dumps(spec, sort_keys=True)
    for i, name in enumerate(names):
        text = text.replace(json.dumps(name), json.dumps(f"dataset {i}"))
    return json.loads(text)


def columns(dataset: dict) -> dict:
    """A dataset's columns as plain lists (a text column may travel as codes into labels)."""
    def plain(column):  # type: ignore[no-untyped-def]
        if isinstance(column, dict):
            return [None if c < 0 else column["labels"][c] for c in column["codes"]]
        return column
    return {name: plain(column) for name, column in zip(dataset["columns"], dataset["values"])}


def run(call: str) -> AppTest:
    # Importing altair can take longer than AppTest's default 3 s on a busy machine.
    return AppTest.from_string("import appcore as st\n" + RECORDED["setup"] + call + "\n", default_timeout=60).run()


@pytest.mark.parametrize("call", [c for c, r in CALLS.items() if "error" not in r and "json" not in r])
def test_the_chart_is_the_one_streamlit_sends(call: str) -> None:
    expected = CALLS[call]
    at = run(call)
    assert not at.exception, at.exception[0].message
    node, = at.get("vega_lite_chart")
    props = node.props
    ours = [d["name"] for d in props["datasets"]]
    theirs = [d["name"] for d in expected["datasets"]]
    assert named_by_position(props["spec"], ours) == named_by_position(expected["spec"], theirs)
    assert [columns(d) for d in props["datasets"]] == [d["columns"] for d in expected["datasets"]]
    assert (columns(props["data"]) if props["data"] else None) == expected["data"]
    assert (props["width"], props["height"]) == (expected["width"], expected["height"])
    assert props["theme"] == expected["theme"]
    assert props["selection_mode"] == expected["selection_mode"]
    assert props["use_container_width"] == expected["use_container_width"]


@pytest.mark.parametrize("call", [c for c, r in CALLS.items() if "json" in r])
def test_the_map_is_the_deck_streamlit_sends(call: str) -> None:
    expected = CALLS[call]
    at = run(call)
    assert not at.exception, at.exception[0].message
    node, = at.get("deck_gl_json_chart")
    assert node.props["spec"] == expected["json"]
    assert (node.props["width"], node.props["height"]) == (expected["width"], expected["height"])


@pytest.mark.parametrize("call", [c for c, r in CALLS.items() if "error" in r])
def test_a_wrong_call_fails_with_streamlits_message(call: str) -> None:
    at = run(call)
    assert at.exception and at.exception[0].message == CALLS[call]["error"]


def test_the_recording_covers_every_vega_lite_chart_and_enough_calls() -> None:
    drawn = [c for c, r in CALLS.items() if "error" not in r and "json" not in r]
    assert len(drawn) >= 21
    assert {c.split("(")[0] for c in drawn} == {"st.line_chart", "st.area_chart", "st.bar_chart", "st.scatter_chart",
                                                 "st.vega_lite_chart", "st.altair_chart"}
