"""st.data_editor on its Python side: Streamlit 1.67's node (a ``dataframe`` with its
``editing_mode``), the edit record in session_state, edits applied and returned in the
input's type, what the page may not send, callbacks and forms."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from appcore.testing import AppTest

EDITOR = """
import appcore as st, pandas as pd
df = pd.DataFrame({"name": ["a", "b", "c"], "n": [1, 2, 3], "ok": [True, False, True]})
edited = st.data_editor(df, key="ed", num_rows=NUM_ROWS, disabled=["ok"],
                        column_config={"n": st.column_config.NumberColumn(min_value=0, max_value=100)})
st.markdown(f"sum={edited['n'].sum()} rows={len(edited)} names={list(edited['name'])}")
"""


def editor(num_rows: str = '"dynamic"') -> AppTest:
    at = AppTest.from_string(EDITOR.replace("NUM_ROWS", num_rows)).run()
    assert not at.exception, at.exception
    return at


def send(at: AppTest, edited=None, added=None, deleted=None) -> AppTest:
    node = at.data_editor[0]
    return at.send({"t": "widget", "id": node.id, "value": {
        "edited_rows": edited or {}, "added_rows": added or [], "deleted_rows": deleted or []}}).run()


def test_a_data_editor_is_streamlits_dataframe_node_with_its_editing_mode():
    at = editor()
    node = at.data_editor[0]
    assert node.type == "dataframe" and type(node).__name__ == "Dataframe" and node.editing_mode == "dynamic"
    assert node.key == "ed"
    pd.testing.assert_frame_equal(node.value, pd.DataFrame({"name": ["a", "b", "c"], "n": [1, 2, 3],
                                                            "ok": [True, False, True]}))
    assert at.session_state["ed"] == {"edited_rows": {}, "added_rows": [], "deleted_rows": []}
    assert at.markdown[0].value == "sum=6 rows=3 names=['a', 'b', 'c']"
    assert editor('"fixed"').data_editor[0].editing_mode == "fixed"


def test_edits_additions_and_deletions_are_applied_and_kept_as_streamlits_record():
    at = send(editor(), edited={"1": {"n": 20, "name": "B"}}, added=[{"name": "z", "n": 5}], deleted=[0])
    assert at.markdown[0].value == "sum=28 rows=3 names=['B', 'c', 'z']"
    assert at.session_state["ed"] == {"edited_rows": {1: {"n": 20, "name": "B"}},
                                      "added_rows": [{"name": "z", "n": 5}], "deleted_rows": [0]}


@pytest.mark.parametrize(("num_rows", "edit"), [
    ('"dynamic"', {"edited": {"0": {"ok": False}}}),       # a disabled column
    ('"dynamic"', {"edited": {"7": {"n": 1}}}),            # no such row
    ('"dynamic"', {"edited": {"0": {"n": "many"}}}),       # not a number
    ('"dynamic"', {"edited": {"0": {"n": 1.5}}}),          # not a whole number for an int column
    ('"dynamic"', {"edited": {"0": {"n": 101}}}),          # above max_value
    ('"fixed"', {"added": [{"name": "x"}]}),               # no rows to add
    ('"add"', {"deleted": [1]}),                           # no rows to delete
    ('"dynamic"', {"edited": {"0": {"nope": 1}}}),         # no such column
])
def test_what_the_column_definitions_do_not_allow_is_refused(num_rows, edit):
    at = editor(num_rows)
    with pytest.raises(ValueError, match="the app refused"):
        send(at, **edit)
    assert at.markdown[0].value == "sum=6 rows=3 names=['a', 'b', 'c']"


def test_the_record_cannot_be_set_through_session_state():
    at = AppTest.from_string("""
import appcore as st
st.session_state.ed = {"edited_rows": {0: {"a": 9}}}
st.data_editor({"a": [1]}, key="ed")
""").run()
    assert "is read-only and cannot be assigned through session state" in at.exception[0].value


@pytest.mark.parametrize(("data", "expected"), [
    ("pd.Series([1, 2], name='v')", pd.Series([10, 2], name="v")),
    ("[1, 2]", [10, 2]),
    ("{'v': [1, 2]}", {"v": [10, 2]}),
    ("[{'v': 1}, {'v': 2}]", [{"v": 10}, {"v": 2}]),
    ("np.array([1, 2])", np.array([10, 2])),
])
def test_the_edited_data_comes_back_in_the_inputs_type(data, expected):
    column = "value" if data.startswith(("[1", "np")) else "v"
    at = AppTest.from_string(f"""
import appcore as st, pandas as pd, numpy as np
st.session_state.out = st.data_editor({data}, key="ed")
""").run()
    at.send({"t": "widget", "id": at.data_editor[0].id,
             "value": {"edited_rows": {"0": {column: 10}}, "added_rows": [], "deleted_rows": []}}).run()
    out = at.session_state["out"]
    if isinstance(expected, pd.Series):
        pd.testing.assert_series_equal(out, expected)
    elif isinstance(expected, np.ndarray):
        assert isinstance(out, np.ndarray) and out.tolist() == expected.tolist()
    else:
        assert out == expected


def test_a_pyarrow_table_comes_back_as_a_pyarrow_table():
    at = AppTest.from_string("""
import appcore as st, pyarrow as pa
st.session_state.out = st.data_editor(pa.table({"x": [1, 2]}), key="ed")
""").run()
    at.send({"t": "widget", "id": at.data_editor[0].id,
             "value": {"edited_rows": {"1": {"x": 5}}, "added_rows": [], "deleted_rows": []}}).run()
    assert isinstance(at.session_state["out"], pa.Table) and at.session_state["out"]["x"].to_pylist() == [1, 5]


def test_on_change_runs_with_the_new_record_and_a_form_holds_edits_until_submit():
    at = AppTest.from_string("""
import appcore as st, pandas as pd
def changed():
    st.session_state.log = dict(st.session_state.ed["edited_rows"])
st.data_editor(pd.DataFrame({"a": [1, 2]}), key="ed", on_change=changed)
st.markdown(str(st.session_state.get("log")))
with st.form("f"):
    out = st.data_editor(pd.DataFrame({"b": [1, 2]}), key="held")
    st.form_submit_button("Save")
st.markdown(str(out["b"].tolist()))
""").run()
    at.send({"t": "widget", "id": at.data_editor[0].id,
             "value": {"edited_rows": {"0": {"a": 7}}, "added_rows": [], "deleted_rows": []}}).run()
    assert at.markdown[0].value == "{0: {'a': 7}}"
    at.send({"t": "widget", "id": at.data_editor[1].id,
             "value": {"edited_rows": {"1": {"b": 9}}, "added_rows": [], "deleted_rows": []}})
    assert at.markdown[1].value == "[1, 2]"
    at.button[0].click().run()
    assert at.markdown[1].value == "[1, 9]"


def test_a_disabled_editor_refuses_every_edit():
    at = AppTest.from_string("import appcore as st\nst.data_editor({'a': [1]}, disabled=True)").run()
    with pytest.raises(ValueError, match="the app refused"):
        at.send({"t": "widget", "id": at.data_editor[0].id,
                 "value": {"edited_rows": {"0": {"a": 2}}, "added_rows": [], "deleted_rows": []}}).run()


SAVED_BACK = """
import appcore as st, pandas as pd
if "df" not in st.session_state:
    st.session_state.df = pd.DataFrame({"name": ["a", "b"], "qty": [1, 2]})
if st.button("Change a value"):
    st.session_state.df = st.session_state.df.assign(qty=st.session_state.df.qty + 10)
edited = st.data_editor(st.session_state.df, key="ed", num_rows=NUM_ROWS)
st.markdown(f"rows={len(edited)} names={list(edited.name)}")
if st.button("Save"):
    st.session_state.df = edited
"""


def test_a_dynamic_editor_saved_back_into_its_data_starts_over_instead_of_adding_its_rows_again():
    at = AppTest.from_string(SAVED_BACK.replace("NUM_ROWS", '"dynamic"')).run()
    send(at, added=[{"name": "zz"}])
    assert at.markdown[0].value == "rows=3 names=['a', 'b', 'zz']"
    for _ in range(3):  # as Streamlit 1.67: new data is a new editor, its record empty
        at.button[1].click().run()
        assert at.markdown[0].value == "rows=3 names=['a', 'b', 'zz']"
    assert at.session_state["ed"]["added_rows"] == []


def test_a_fixed_editors_edits_live_through_a_change_of_values_but_not_of_shape():
    at = AppTest.from_string(SAVED_BACK.replace("NUM_ROWS", '"fixed"')).run()
    send(at, edited={"0": {"name": "A"}})
    at.button[0].click().run()  # the values change, the shape does not: the edit stays
    assert at.markdown[0].value == "rows=2 names=['A', 'b']"
    assert at.session_state["ed"]["edited_rows"] == {0: {"name": "A"}}


def test_a_text_columns_validate_pattern_refuses_text_that_does_not_match():
    at = AppTest.from_string("""
import appcore as st, pandas as pd
edited = st.data_editor(pd.DataFrame({"code": ["ab"]}), key="ed",
                        column_config={"code": st.column_config.TextColumn(validate=r"^[a-z]+$")})
st.markdown(f"code={edited['code'][0]}")
""").run()
    with pytest.raises(ValueError, match="does not match 'code''s pattern"):
        send(at, edited={"0": {"code": "X9"}})
    send(at, edited={"0": {"code": "ok"}})
    assert at.markdown[0].value == "code=ok"
