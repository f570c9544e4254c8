"""st.dataframe(on_select=...): Streamlit 1.67's selection modes, state object, checks and
session_state, driven as the page drives it (the widget's value is {selection: {...}})."""
from __future__ import annotations

import pandas  # noqa: F401  (imported once here, not inside the first run's 3 s)
import pytest

from appcore.testing import AppTest

SELECTING = """
import appcore as st, pandas as pd
df = pd.DataFrame({"a": [1, 2, 3, 4], "b": ["w", "x", "y", "z"]})
event = st.dataframe(df, key="pick", on_select="rerun", selection_mode=MODES)
st.markdown(f"rows={event.selection.rows} columns={event['selection']['columns']} cells={event.selection.cells}")
"""


def app(modes: str = '["multi-row", "multi-column", "multi-cell"]', extra: str = "") -> AppTest:
    at = AppTest.from_string(SELECTING.replace("MODES", modes) + extra).run()
    assert not at.exception, at.exception
    return at


def select(at: AppTest, rows=(), columns=(), cells=()) -> AppTest:
    node = at.dataframe[0]
    return at.send({"t": "widget", "id": node.id, "value": {"selection": {
        "rows": list(rows), "columns": list(columns), "cells": [list(c) for c in cells]}}}).run()


def test_a_selecting_dataframe_returns_an_empty_selection_first_and_the_page_selection_after():
    at = app()
    assert at.markdown[0].value == "rows=[] columns=[] cells=[]"
    assert at.dataframe[0].key == "pick" and at.dataframe[0].type == "dataframe"
    select(at, rows=[2, 0], columns=["b"], cells=[(1, "a")])
    assert at.markdown[0].value == "rows=[2, 0] columns=['b'] cells=[(1, 'a')]"
    assert at.session_state["pick"] == {"selection": {"rows": [2, 0], "columns": ["b"], "cells": [(1, "a")]}}


def test_the_selection_object_reads_by_key_and_attribute_and_refuses_changes():
    at = app()
    select(at, rows=[1])
    state = at.session_state["pick"]
    assert state.selection.rows == [1] and state["selection"]["rows"] == [1]
    with pytest.raises(TypeError, match="read-only"):
        state.selection["rows"] = [0]
    with pytest.raises(AttributeError):
        state.nothing


def test_entries_outside_the_table_or_the_modes_are_dropped_as_streamlit_drops_them():
    at = app('["single-row", "single-column"]')
    select(at, rows=[9, 3, 1, True], columns=["zz", "a", "b"], cells=[(0, "a")])
    assert at.markdown[0].value == "rows=[3] columns=['a'] cells=[]"


def test_a_value_of_the_wrong_shape_from_the_page_is_refused():
    at = app()
    with pytest.raises(ValueError, match="the app refused"):
        at.send({"t": "widget", "id": at.dataframe[0].id, "value": [1, 2]}).run()
    assert at.markdown[0].value == "rows=[] columns=[] cells=[]"


def test_single_row_required_selects_the_first_row_until_another_is_chosen():
    at = app('"single-row-required"')
    assert at.markdown[0].value == "rows=[0] columns=[] cells=[]"
    select(at, rows=[2])
    assert at.markdown[0].value == "rows=[2] columns=[] cells=[]"


def test_the_script_sets_a_selection_through_session_state_and_selection_default_starts_one():
    at = AppTest.from_string("""
import appcore as st, pandas as pd
if st.button("first"):
    st.session_state.pick = {"selection": {"rows": [0]}}
event = st.dataframe(pd.DataFrame({"a": [1, 2, 3]}), key="pick", on_select="rerun",
                     selection_default={"selection": {"rows": [2]}})
st.markdown(str(event.selection.rows))
""").run()
    assert at.markdown[0].value == "[2]"
    at.button[0].click().run()
    assert at.markdown[0].value == "[0]"
    assert at.dataframe[0].props["value"] == {"selection": {"rows": [0], "columns": [], "cells": []}}


def test_a_callback_runs_before_the_script_with_the_new_selection():
    at = AppTest.from_string("""
import appcore as st, pandas as pd
def chosen():
    st.session_state.log = st.session_state.pick.selection.rows
st.dataframe(pd.DataFrame({"a": [1, 2, 3]}), key="pick", on_select=chosen)
st.markdown(str(st.session_state.get("log")))
""").run()
    select(at, rows=[1])
    assert at.markdown[0].value == "[1]"


def test_row_selection_hides_a_plain_row_number_index_unless_told_otherwise():
    at = app('"multi-row"')
    assert [c["name"] for c in at.dataframe[0].props["columns"]] == ["a", "b"]
    at = AppTest.from_string("""
import appcore as st, pandas as pd
st.dataframe(pd.DataFrame({"a": [1]}), on_select="rerun", hide_index=False)
st.dataframe(pd.DataFrame({"a": [1]}, index=["r"]), on_select="rerun", key="named")
""").run()
    assert [c["name"] for c in at.dataframe[0].props["columns"]] == ["_index", "a"]
    assert [c["name"] for c in at.dataframe[1].props["columns"]] == ["_index", "a"]


@pytest.mark.parametrize(("modes", "message"), [
    ('"every-row"', "Invalid `selection_mode` value"),
    ('["single-row", "multi-row"]', "Only one row selection mode can be specified."),
    ('["single-cell", "multi-cell"]', "selection_mode='single-cell'"),
])
def test_bad_selection_modes_are_refused_with_streamlits_messages(modes, message):
    at = AppTest.from_string(SELECTING.replace("MODES", modes)).run()
    assert message in at.exception[0].value


def test_a_wrongly_shaped_session_state_selection_is_the_scripts_error():
    at = AppTest.from_string("""
import appcore as st, pandas as pd
st.session_state.pick = {"rows": [0]}
st.dataframe(pd.DataFrame({"a": [1]}), key="pick", on_select="rerun")
""").run()
    assert "Selection state must be a dictionary with a 'selection' key" in at.exception[0].value


def test_a_selection_in_a_form_arrives_with_the_submit():
    at = AppTest.from_string("""
import appcore as st, pandas as pd
with st.form("f"):
    event = st.dataframe(pd.DataFrame({"a": [1, 2, 3]}), key="pick", on_select="rerun")
    st.form_submit_button("Apply")
st.markdown(str(event.selection.rows))
""").run()
    node = at.dataframe[0]
    at.send({"t": "widget", "id": node.id, "value": {"selection": {"rows": [1], "columns": [], "cells": []}}})
    assert at.markdown[0].value == "[]"
    at.button[0].click().run()
    assert at.markdown[0].value == "[1]"
