"""st.menu_button as a user meets it. Each expected value or message was checked against
Streamlit 1.67.0's AppTest running the same script (the comment above each test says what
was compared); the checks every widget shares are in test_widget_checks.py."""
from __future__ import annotations

import pytest

from appcore.runtime.session import BadMessage
from appcore.testing.v1.element_tree import AppTestError, MenuButton
from tests.helpers import error, run, texts

EXPORT = """
    def chosen(*args, **kwargs):
        st.session_state.called = (args, kwargs)
    action = st.menu_button("Export", options=["CSV", "JSON", "PDF"], key="m", on_click=chosen, args=(1,),
                            help="hh", icon="🚨")
    st.markdown(repr(action))
    st.markdown(repr(st.session_state.get("m", "MISSING")))
    number = st.menu_button("Num", options=[1, 2, 3], format_func=lambda x: f"n{x}", type="primary",
                            width="stretch")
    st.markdown(repr(number))
"""


def test_the_docs_example_runs_each_choice_once():
    # 1.67: widget.menu_button.py shows nothing until an option is clicked, then "Exporting as JSON...".
    at = run("""
        action = st.menu_button("Export", options=["CSV", "JSON", "PDF"])
        if action == "CSV":
            st.write("Exporting as CSV...")
        elif action == "JSON":
            st.write("Exporting as JSON...")
    """)
    assert [n.type for n in at.main] == ["main", "menu_button"]
    at.menu_button[0].click("JSON").run()
    assert texts(at) == ["Exporting as JSON..."]
    at.run()
    assert texts(at) == []


def test_the_node_reads_as_streamlits_and_a_choice_lasts_one_run():
    # 1.67: MenuButton, options ['CSV', 'JSON', 'PDF'], help 'hh', not disabled, session_state['m'] None
    # before a click; click("JSON") -> 'JSON' returned, in session_state and as .value, the callback
    # called with (1,); the next run: None everywhere.
    at = run(EXPORT)
    node = at.menu_button[0]
    assert isinstance(node, MenuButton) and node.type == "menu_button"
    assert (node.label, node.options, node.help, node.disabled, node.key, node.value) == (
        "Export", ["CSV", "JSON", "PDF"], "hh", False, "m", None)
    assert texts(at) == ["None", "None", "None"]
    assert node.click("JSON") is node
    node.run()
    assert texts(at) == ["'JSON'", "'JSON'", "None"]
    assert at.session_state["called"] == ((1,), {}) and at.menu_button[0].value == "JSON"
    at.run()
    assert texts(at) == ["None", "None", "None"] and at.menu_button[0].value is None


def test_options_show_format_func_labels_and_return_the_options():
    # 1.67: options ['n1', 'n2', 'n3']; click_index(2) -> 3, an int.
    at = run(EXPORT)
    node = at.menu_button[1]
    assert node.options == ["n1", "n2", "n3"] and node.format_func(2) == "n2"
    node.click_index(2).run()
    assert texts(at)[2] == "3" and at.menu_button[1].value == 3


def test_something_that_is_not_an_option_chooses_nothing():
    # 1.67: click(7), set_value("XYZ") and set_value(None) leave every value None, without an error.
    at = run(EXPORT)
    at.menu_button[1].click(7).run()
    at.menu_button[0].set_value("XYZ").run()
    at.menu_button[0].set_value(None).run()
    assert texts(at) == ["None", "None", "None"] and not at.exception


def test_a_disabled_one_cannot_be_clicked():
    # 1.67: "Cannot update a disabled menu_button widget. A browser user cannot interact with a disabled widget."
    at = run('st.menu_button("E", options=["a"], disabled=True)')
    with pytest.raises(AppTestError, match="Cannot update a disabled menu_button widget"):
        at.menu_button[0].click("a")


@pytest.mark.parametrize(("call", "message"), [
    # Each message is 1.67's for the same call.
    ("options=[]", "The `options` parameter is required. Provide at least one option."),
    ("options=None", "The `options` parameter is required. Provide at least one option."),
    ("options=['a', 'a']", "The `format_func` produced duplicate labels for the menu button options. Each "
                           "formatted option label must be unique."),
    ("options=[1, 2], format_func=lambda x: 'same'", "The `format_func` produced duplicate labels for the menu "
                                                      "button options. Each formatted option label must be unique."),
    ("options=['a'], type='big'", "Invalid `type` value. Supported values: 'primary', 'secondary', 'tertiary'."),
    ("options=['a'], width=-3", "Invalid width value: -3. Width must be either a positive integer (pixels), "
                                "'stretch', or 'content'."),
    ("options=['a'], icon='notanicon'", 'The value "notanicon" is not a valid icon. Please use a single emoji or a '
                                        "Material icon shortcode like `:material/thumb_up:`."),
])
def test_streamlits_errors(call, message):
    at = run(f"st.menu_button('E', {call})")
    assert error(at) == message and not at.menu_button


def test_its_key_is_read_only_and_it_cannot_be_in_a_form():
    # 1.67: st.session_state.m = 'a' before it -> its read-only error; inside st.form -> an error that names it.
    assert error(run("st.session_state.m = 'a'\nst.menu_button('E', options=['a'], key='m')")) == (
        "`st.session_state['m']` is read-only and cannot be assigned through session state. Use a different "
        "session state key for values you need to set.")
    at = run("""
        with st.form("f"):
            st.menu_button("E", options=["a"])
            st.form_submit_button()
    """)
    assert error(at).startswith("`st.menu_button()` can't be used in an `st.form()`.")


def test_options_may_be_a_dict_or_a_dataframe_and_identical_ones_need_a_key():
    # 1.67: a dict's keys, a DataFrame's first column; two identical calls -> a duplicate-ID error,
    # the same label with other options is another widget.
    at = run("""
        import pandas as pd
        st.menu_button("D", options={"k1": 1, "k2": 2})
        st.menu_button("F", options=pd.DataFrame({"x": [1, 2], "y": [3, 4]}))
        st.menu_button("E", options=["a"])
        st.menu_button("E", options=["b"])
    """, timeout=30)  # pandas takes its time to import on a loaded machine
    assert not at.exception
    assert [n.options for n in at.menu_button] == [["k1", "k2"], ["1", "2"], ["a"], ["b"]]
    assert "menu_button" in error(run("st.menu_button('E', options=['a'])\nst.menu_button('E', options=['a'])"))


def test_the_browser_gets_markdown_labels_and_what_it_sends_is_checked():
    at = run('v = st.menu_button("**Go**", options=["*a*", "b"], icon=":material/download:")\nst.markdown(repr(v))')
    props = at.menu_button[0].props
    assert (props["options"], props["icon"], props["type"]) == (["*a*", "b"], ":material/download:", "secondary")
    assert "<em>a</em>" in props["options_html"][0] and props["options_html"][1] is None
    assert "<strong>Go</strong>" in props["label_html"]
    runs = len(at.runs)
    for bad in (2, -1, "b", True, [0]):
        with pytest.raises(BadMessage):
            at.session.handle_message({"t": "widget", "id": at.menu_button[0].id, "value": bad})
    assert len(at.runs) == runs
    at.session.handle_message({"t": "widget", "id": at.menu_button[0].id, "value": 1})
    assert at.session.wait_idle(3)
    at.session.flush()
    assert texts(at) == ["'b'"]
