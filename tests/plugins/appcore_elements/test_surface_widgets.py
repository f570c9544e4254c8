"""st.select_slider, st.pills, st.segmented_control, st.feedback and st.link_button as a
user meets them. Each expected value or message was checked against Streamlit 1.67's
AppTest running the same script (the comment above each test says what was compared);
the shared parameter checks of the labelled ones are in test_widget_checks.py."""
from __future__ import annotations

import pytest

import appcore
from appcore.runtime.session import BadMessage
from appcore.testing import AppTest
from tests.helpers import ON_CHANGE_ERROR, error, recorded_signatures, run, send, signature, width_error

SIGNATURES = recorded_signatures(__file__)


@pytest.mark.parametrize("name", sorted(SIGNATURES["elements"]))
def test_each_element_has_streamlits_signature(name):
    assert signature(getattr(appcore, name)) == SIGNATURES["elements"][name]


# -- select_slider -------------------------------------------------------------------------

def test_select_slider_returns_an_option_and_starts_at_the_first():
    # Checked on Streamlit 1.67: value 'a', options ['a', 'b', 'c'], value=None also starts at 'a'.
    at = run('v = st.select_slider("S", ["a", "b", "c"])\nst.markdown(repr(v))')
    assert (at.select_slider[0].value, at.select_slider[0].options, at.markdown[0].value) == (
        "a", ["a", "b", "c"], "'a'")
    at.select_slider[0].set_value("c").run()
    assert at.markdown[0].value == "'c'"


def test_select_slider_shows_format_func_labels_and_returns_the_options():
    # Checked on Streamlit 1.67: options ['n1', 'n2', 'n3'], value 2, then 3 after set_value(3).
    at = run('v = st.select_slider("S", [1, 2, 3], value=2, format_func=lambda x: f"n{x}")\nst.markdown(repr(v))')
    assert (at.select_slider[0].options, at.select_slider[0].value) == (["n1", "n2", "n3"], 2)
    assert at.select_slider[0].set_value(3).run().markdown[0].value == "3"


def test_a_pair_makes_a_range_select_slider_returning_a_tuple_in_order():
    # Checked on Streamlit 1.67: value=("c", "a") gives ('a', 'c'); set_range(2, 3) gives (2, 3).
    at = run('v = st.select_slider("S", ["a", "b", "c"], value=("c", "a"))\nst.markdown(repr(v))')
    assert at.select_slider[0].value == ("a", "c") and at.select_slider[0].props["range"] is True
    at = run('v = st.select_slider("S", [1, 2, 3], value=(1, 3))\nst.markdown(repr(v))')
    assert at.select_slider[0].set_range(2, 3).run().markdown[0].value == "(2, 3)"


def test_a_range_in_session_state_keeps_a_select_slider_a_range():
    # Checked on Streamlit 1.67: ('b', 'c') though `value` is a single option.
    at = run('st.session_state.k = ("b", "c")\nv = st.select_slider("S", ["a", "b", "c"], key="k")\n'
             'st.markdown(repr(v))')
    assert at.markdown[0].value == "('b', 'c')"


@pytest.mark.parametrize(("call", "message"), [
    # Checked on Streamlit 1.67: the same messages.
    ('st.select_slider("S", [])', "The `options` parameter is required. Provide at least one option."),
    ('st.select_slider("S", ["a", "b"], value="z")', "z is not in iterable"),
    ('st.select_slider("S", ["a", "b", "c"], value=["a", "b", "c"])', "too many values to unpack (expected 2)"),
])
def test_select_slider_refuses_what_streamlit_refuses(call, message):
    assert error(run(call)) == message


def test_a_range_select_slider_refuses_a_reversed_or_short_range_from_the_browser():
    at = run('v = st.select_slider("S", ["a", "b", "c"], value=("a", "b"))')
    wid = at.select_slider[0].id
    for bad in ([2, 0], [1], 1, [0, 5]):
        with pytest.raises(BadMessage):
            send(at, wid, bad)
    send(at, wid, [0, 2])
    assert at.select_slider[0].value == ("a", "c")


# -- pills and segmented_control -----------------------------------------------------------

@pytest.mark.parametrize("kind", ["pills", "segmented_control"])
def test_a_single_choice_group_starts_empty_and_is_cleared_by_a_second_click(kind):
    # Checked on Streamlit 1.67: None, then 'b', then None again (a second click sends an empty selection).
    at = run(f'v = st.{kind}("P", ["a", "b", "c"])\nst.markdown(repr(v))')
    widget = at.get(kind)[0]
    assert (widget.value, widget.options, at.markdown[0].value) == (None, ["a", "b", "c"], "None")
    send(at, widget.id, 1)
    assert at.markdown[0].value == "'b'"
    send(at, widget.id, None)
    assert at.markdown[0].value == "None"


def test_segmented_control_takes_a_default():
    # Checked on Streamlit 1.67: 'a'.
    assert run('st.segmented_control("P", ["a", "b", "c"], default="a")').segmented_control[0].value == "a"


def test_multi_pills_return_the_chosen_options_in_order():
    # Checked on Streamlit 1.67: ['b'], then ['a', 'c'] after set_value(["a", "c"]).
    at = run('v = st.pills("P", ["a", "b", "c"], selection_mode="multi", default=["b"])\nst.markdown(repr(v))')
    assert at.pills[0].value == ["b"]
    at.pills[0].set_value(["a", "c"]).run()
    assert at.markdown[0].value == "['a', 'c']"
    send(at, at.pills[0].id, [2, 0])
    assert at.markdown[0].value == "['c', 'a']"


def test_pills_show_format_func_labels_and_return_options_by_key():
    # Checked on Streamlit 1.67: options ['A', 'B', 'C'], set_value("c") returns 'c' and sets the key.
    at = run('v = st.pills("P", ["a", "b", "c"], format_func=lambda o: o.upper(), key="p")\nst.markdown(repr(v))')
    assert at.pills[0].options == ["A", "B", "C"]
    at.pills[0].set_value("c").run()
    assert (at.markdown[0].value, at.session_state.p) == ("'c'", "c")


def test_a_leading_icon_of_an_option_is_shown_as_its_icon():
    # Checked on Streamlit 1.67: options ['Home', 'Party', 'x'], the icons in their own field.
    at = run('st.pills("P", [":material/home: Home", "🎉 Party", "x"])')
    assert at.pills[0].options == ["Home", "Party", "x"]
    assert at.pills[0].icons == [":material/home:", "🎉", None]


def test_a_required_choice_cannot_be_cleared_from_the_browser():
    at = run('v = st.pills("P", ["a", "b"], required=True, default="a")\nst.markdown(repr(v))')
    assert at.pills[0].props["deselectable"] is False
    with pytest.raises(BadMessage, match="cannot be cleared"):
        send(at, at.pills[0].id, None)
    send(at, at.pills[0].id, 1)
    assert at.markdown[0].value == "'b'"


@pytest.mark.parametrize(("call", "message"), [
    # Checked on Streamlit 1.67: the same messages.
    ('st.pills("P", ["a", "b"], selection_mode="multi", required=True)',
     "`required=True` and `selection_mode='multi'` cannot be used together. `required` is only supported for "
     "single-select mode."),
    ('st.pills("P", ["a", "b"], default=["a", "b"])',
     "The default argument to `st.pills` must be a single value when `selection_mode='single'`."),
    ('st.segmented_control("P", ["a", "b"], default=["a", "b"])',
     "The default argument to `st.segmented_control` must be a single value when `selection_mode='single'`."),
    ('st.pills("P", ["a", "b"], default="z")',
     "The default value 'z' is not part of the options. Please make sure that every default value also exists in "
     "the options."),
    ('st.pills("P", ["a", "b"], selection_mode="bogus")',
     "Invalid `selection_mode` value. Supported values: 'single', 'multi'."),
])
def test_button_groups_refuse_what_streamlit_refuses(call, message):
    assert error(run(call)) == message


def test_pills_without_options_return_none():
    # Checked on Streamlit 1.67: None, no error.
    at = run('st.pills("P", [])')
    assert not at.exception and at.pills[0].value is None


# -- feedback --------------------------------------------------------------------------------

def test_feedback_returns_the_index_chosen_or_none():
    # Checked on Streamlit 1.67: None, 3 (default), 1 after set_value(1), and a key holds None.
    at = run('v = st.feedback()\nst.feedback("stars", default=3)\nst.feedback("faces", key="f")\nst.markdown(repr(v))')
    thumbs, stars, faces = at.feedback
    assert (thumbs.value, stars.value, faces.value, at.session_state.f) == (None, 3, None, None)
    assert (thumbs.props["count"], stars.props["count"], faces.props["options"]) == (2, 5, "faces")
    thumbs.set_value(1).run()
    assert at.markdown[0].value == "1"
    send(at, thumbs.id, None)
    assert at.markdown[0].value == "None"


@pytest.mark.parametrize(("call", "message"), [
    # Checked on Streamlit 1.67: the same messages.
    ('st.feedback("hearts")', "Invalid `options` value. Supported values: 'thumbs', 'faces', 'stars'."),
    ('st.feedback("thumbs", default=2)', "The `default` parameter, set to 2, is outside the required range [0, 1]."),
    ('st.feedback("thumbs", width=-1)', width_error(-1)),
    ('st.feedback("thumbs", disabled="yes")', "'str' object cannot be interpreted as an integer"),
    ('st.feedback("thumbs", on_change="bogus")',
     ON_CHANGE_ERROR),
    ('st.feedback("thumbs", key="")', "Invalid `key` value. Supported values: a non-empty string."),
])
def test_feedback_refuses_what_streamlit_refuses(call, message):
    assert error(run(call)) == message


def test_feedback_refuses_an_index_outside_its_icons_and_lives_on():
    at = run('v = st.feedback("faces")\nst.markdown(repr(v))')
    for bad in (5, -1, True, "2", [1]):
        with pytest.raises(BadMessage):
            send(at, at.feedback[0].id, bad)
    send(at, at.feedback[0].id, 4)
    assert at.markdown[0].value == "4" and not at.exception


# -- link_button ------------------------------------------------------------------------------

def test_link_button_is_an_element_with_its_url_unless_it_has_on_click():
    # Checked on Streamlit 1.67: value 'Go' (its label) and url, no widget; with on_click="rerun" the
    # call returns False until clicked (Streamlit's AppTest cannot click it; the browser can).
    at = run('st.link_button("Go", "https://example.com", icon=":material/open_in_new:")')
    link = at.link_button[0]
    assert (link.value, link.url, link.icon, link.props["type"], link.id) == (
        "Go", "https://example.com", ":material/open_in_new:", "secondary", None)
    at = run('r = st.link_button("Go", "https://example.com", on_click="rerun")\nst.markdown(repr(r))')
    assert at.markdown[0].value == "False"
    send(at, at.link_button[0].id, True)
    assert at.markdown[0].value == "True"


@pytest.mark.parametrize(("call", "message"), [
    # Checked on Streamlit 1.67: the same messages.
    ('st.link_button("Go", "https://example.com", on_click="bogus")',
     "Invalid `on_click` value. Supported values: 'rerun', 'ignore', a callback function."),
    ('st.link_button("Go", "https://example.com", type="huge")',
     "Invalid `type` value. Supported values: 'primary', 'secondary', 'tertiary'."),
])
def test_link_button_refuses_what_streamlit_refuses(call, message):
    assert error(run(call)) == message
