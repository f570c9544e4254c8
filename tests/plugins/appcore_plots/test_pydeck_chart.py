"""st.pydeck_chart through AppTest: Streamlit 1.67's deck_gl_json_chart node with pydeck's
own JSON and tooltip, 1.67's errors, and a selection (PydeckState) sent by the page."""
from __future__ import annotations

import textwrap

import pytest

from appcore.testing import AppTest
from appcore.testing.element_tree import UnknownElement

pytest.importorskip("pydeck")

DECK = """
import appcore as st
import pandas as pd
import pydeck as pdk

stations = pd.DataFrame({"lat": [37.76, 37.77, 37.78], "lon": [-122.40, -122.41, -122.42],
                         "name": ["Mission", "Castro", "Haight"]})
layer = pdk.Layer("ScatterplotLayer", data=stations, get_position="[lon, lat]", get_radius=200,
                  get_fill_color=[255, 0, 0], pickable=True, id="stations")
deck = pdk.Deck(layers=[layer], initial_view_state=pdk.ViewState(latitude=37.77, longitude=-122.41, zoom=11),
                tooltip={"text": "{name}"}, map_style=None)
"""


def run(body: str) -> AppTest:
    return AppTest.from_string(textwrap.dedent(DECK) + textwrap.dedent(body), default_timeout=30).run()


def test_a_deck_is_a_deck_gl_json_chart_node_with_pydecks_json_and_tooltip():
    at = run("st.pydeck_chart(deck, height=300, alt='  Three stations  ')")
    assert not at.exception
    node = at.get("deck_gl_json_chart")[0]
    assert isinstance(node, UnknownElement) and node.value is None
    spec = node.props["spec"]
    assert spec["layers"][0]["@@type"] == "ScatterplotLayer" and spec["layers"][0]["getPosition"] == "@@=[lon, lat]"
    assert [row["name"] for row in spec["layers"][0]["data"]] == ["Mission", "Castro", "Haight"]
    assert spec["initialViewState"] == {"latitude": 37.77, "longitude": -122.41, "zoom": 11}
    assert node.props["tooltip"] == {"text": "{name}"}
    assert (node.props["width"], node.props["height"], node.props["alt"]) == ("stretch", 300, "Three stations")


def test_no_deck_is_the_whole_world_as_on_streamlit_and_use_container_width_stretches():
    at = run("st.pydeck_chart()\nst.pydeck_chart(deck, width=400)\nst.pydeck_chart(deck, width=400, use_container_width=True)")
    empty, narrow, stretched = at.get("deck_gl_json_chart")
    assert empty.props["spec"] == {"initialViewState": {"latitude": 0, "longitude": 0, "pitch": 0, "zoom": 1}}
    assert empty.props["tooltip"] is None
    assert (narrow.props["width"], stretched.props["width"]) == (400, "stretch")


@pytest.mark.parametrize(("call", "message"), [
    ("st.pydeck_chart(on_select='bogus')", "Invalid `on_select` value. Supported values: 'rerun', 'ignore', "
                                           "a callback function."),
    ("st.pydeck_chart(on_select=None)", "Invalid `on_select` value. Supported values: 'rerun', 'ignore', "
                                        "a callback function."),
    ("st.pydeck_chart(selection_mode=['single-object'], on_select='rerun')",
     "Invalid `selection_mode` type. Expected one of: str. Provided type: list. Selection mode must be a single value."),
    ("st.pydeck_chart(selection_mode='x', on_select='rerun')",
     "Invalid `selection_mode` value. Supported values: 'multi-object', 'single-object'."),
    ("st.pydeck_chart(width='content')",
     "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'."),
    ("st.pydeck_chart(height=0)",
     "Invalid height value: 0. Height must be either a positive integer (pixels) or 'stretch'."),
    ("st.pydeck_chart(42)", "'int' object has no attribute 'to_json'"),
    ("st.session_state.m = 1\nst.pydeck_chart(deck, on_select='rerun', key='m')",
     "`st.session_state['m']` is read-only and cannot be assigned through session state. Use a different "
     "session state key for values you need to set."),
])
def test_bad_arguments_fail_with_streamlits_messages(call: str, message: str):
    assert run(call).exception[0].message == message


def test_with_on_select_the_chart_returns_an_empty_pydeck_state_kept_under_its_key():
    at = run("""
    event = st.pydeck_chart(deck, key="map", on_select="rerun")
    st.text(f"{type(event).__name__} {event.selection.indices} {event.selection.objects}")
    """)
    node = at.get("deck_gl_json_chart")[0]
    assert node.props["selection_mode"] == "single-object"
    empty = {"selection": {"indices": {}, "objects": {}}}
    assert node.value == empty and at.session_state["map"] == empty
    assert at.text[0].value == "PydeckState {} {}"


def test_an_object_picked_in_the_page_reruns_the_script_and_calls_the_callback():
    at = run("""
    def picked():
        st.session_state.calls = st.session_state.get("calls", 0) + 1
    event = st.pydeck_chart(deck, key="map", on_select=picked, selection_mode="multi-object")
    chosen = event.selection.objects.get("stations", [])
    st.text(", ".join(station["name"] for station in chosen) or "none")
    """)
    node = at.get("deck_gl_json_chart")[0]
    picked = {"selection": {"indices": {"stations": [2, 0]},
                            "objects": {"stations": [{"name": "Haight"}, {"name": "Mission"}]}}}
    at.send({"t": "widget", "id": node.id, "value": picked}).run()
    assert at.text[0].value == "Haight, Mission"
    assert at.session_state["calls"] == 1 and at.session_state["map"] == picked


def test_a_keyed_chart_keeps_its_selection_when_its_data_changes():
    body = """
    if st.session_state.get("more"):
        layer.data = pd.concat([stations, stations])
    event = st.pydeck_chart(deck, key="map", on_select="rerun")
    st.text(str(event.selection.indices))
    """
    at = run(body)
    node = at.get("deck_gl_json_chart")[0]
    at.send({"t": "widget", "id": node.id,
             "value": {"selection": {"indices": {"stations": [1]}, "objects": {"stations": [{"name": "Castro"}]}}}})
    at.session_state["more"] = True
    at.run()
    assert len(at.get("deck_gl_json_chart")[0].props["spec"]["layers"][0]["data"]) == 6
    assert at.text[0].value == "{'stations': [1]}"


@pytest.mark.parametrize("value", [
    {"selection": {"indices": {"stations": [0, 1]}, "objects": {"stations": [{}, {}]}}},  # single-object: one at most
    {"selection": {"indices": {"stations": [-1]}, "objects": {"stations": [{}]}}},
    {"selection": {"indices": {"stations": [0]}, "objects": {}}},
    {"selection": {"indices": {"stations": [0]}, "objects": {"stations": []}}},
    {"selection": {"rows": [1]}},
    [1, 2],
])
def test_a_selection_outside_the_charts_definition_is_refused(value):
    at = run("st.pydeck_chart(deck, key='map', on_select='rerun')")
    with pytest.raises(ValueError, match="refused"):
        at.send({"t": "widget", "id": at.get("deck_gl_json_chart")[0].id, "value": value}).run()
    assert at.session_state["map"]["selection"]["indices"] == {}
