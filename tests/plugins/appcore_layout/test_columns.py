"""st.columns as a user meets it. Each expected value or message was checked against
Streamlit 1.67's AppTest running the same script."""
from __future__ import annotations

import pytest

import appcore
from appcore.testing import AppTest
from tests.helpers import error, recorded_signatures, run, signature, width_error

SIGNATURES = recorded_signatures(__file__)

SPEC_ERROR = ("The `spec` argument to `st.columns` must be either a positive integer (number of columns) or a "
              "list of positive numbers (width ratios of the columns). See "
              "[documentation](https://docs.streamlit.io/develop/api-reference/layout/st.columns) "
              "for more information.")


@pytest.mark.parametrize("name", ["columns", "expander", "tabs", "popover", "space"])
def test_each_layout_element_has_streamlits_signature(name):
    assert signature(getattr(appcore, name)) == SIGNATURES[name]


def test_an_int_gives_that_many_equal_columns_in_a_flex_container_row():
    at = run("""
        cols = st.columns(3)
        st.write(len(cols))
    """)
    assert at.markdown[0].value == "`3`"  # st.write of an int, as Streamlit shows it
    row = at.main[0]
    assert row.type == "flex_container"
    assert [c.type for c in row.children] == ["column"] * 3
    assert [c.weight for c in at.columns] == pytest.approx([1 / 3] * 3)


def test_a_list_gives_columns_weighted_by_share_of_the_row():
    at = run("st.columns([1, 2, 1.5])")
    assert [c.weight for c in at.columns] == pytest.approx([1 / 4.5, 2 / 4.5, 1.5 / 4.5])


def test_each_column_reports_its_gap_as_streamlits_apptest_does():
    # Streamlit 1.67: a named gap reads as its name; pixels or None read as None.
    at = run("""
        st.columns(2, gap="large")
        st.columns(2, gap="MEDIUM")
        st.columns(2, gap=20)
        st.columns(2, gap=None)
    """)
    assert [c.gap for c in at.columns] == ["large", "large", "medium", "medium", None, None, None, None]


def test_draws_into_a_column_with_with_and_with_a_call_on_it():
    at = run("""
        left, right = st.columns(2)
        with left:
            st.write("in left")
        right.button("in right")
        st.write("below")
    """)
    assert at.columns[0].markdown[0].value == "in left"
    assert at.columns[1].button[0].label == "in right"
    assert at.main[1].value == "below"  # after the `with`, back in the main area


@pytest.mark.parametrize("spec", ["0", "-1", "[1, 0]", "[]", "[2, -1]"])
def test_no_column_or_a_weight_that_is_not_positive_is_streamlits_spec_error(spec):
    assert error(run(f"st.columns({spec})")) == SPEC_ERROR


@pytest.mark.parametrize("spec, name", [('"abc"', "str"), ("None", "NoneType"), ("2.5", "float"),
                                        ('["a", "b"]', "list")])
def test_a_spec_that_is_not_numbers_names_its_type(spec, name):
    assert error(run(f"st.columns({spec})")) == (
        f"Invalid `spec` type. Expected one of: int, sequence of numbers. Provided type: {name}.")


def test_bad_gap_alignment_width_and_wrap_are_refused_with_streamlits_messages():
    assert error(run('st.columns(2, gap="huge")')) == (
        "Invalid `gap` value. Supported values: 'xxsmall', 'xsmall', 'small', 'medium', 'large', 'xlarge', "
        "'xxlarge', None, a non-negative integer (pixels). Got 'huge'.")
    assert error(run('st.columns(2, vertical_alignment="middle")')) == (
        "Invalid `vertical_alignment` value. Supported values: 'top', 'center', 'bottom'. Got 'middle'.")
    assert error(run('st.columns(2, width="content")')) == width_error("content", content=False)
    assert error(run("st.columns(2, wrap=None)")) == "Invalid `wrap` value. Supported values: True, False."


def test_columns_nest_without_limit_as_in_streamlit_1_67():
    # Streamlit 1.67 no longer limits nesting: columns in columns in columns, and in the sidebar.
    at = run("""
        a, b = st.columns(2)
        with a:
            c, d = st.columns(2)
            with c:
                e, f = st.columns([3, 1])
                e.write("deep")
        st.sidebar.columns(2)[1].write("side")
    """)
    assert not at.exception
    assert len(at.columns) == 8  # in page order: a, c, e, f, d, b, then the sidebar's two
    assert at.columns[2].markdown[0].value == "deep"
    assert at.sidebar.columns[1].markdown[0].value == "side"


def test_props_carry_border_alignment_and_wrap_for_the_page():
    at = run('st.columns(2, border=True, vertical_alignment="bottom", wrap=False, width=300)')
    row, first = at.main[0], at.columns[0]
    assert row.props["wrap"] is False and row.props["width"] == 300
    assert first.props["border"] is True and first.props["vertical_alignment"] == "bottom"


def test_numpy_integers_and_floats_are_taken_as_streamlit_takes_them():
    at = run("""
        import numpy as np
        st.columns(np.int64(2))
        st.columns(np.array([1.0, 3.0]))
    """)
    assert [c.weight for c in at.columns] == pytest.approx([0.5, 0.5, 0.25, 0.75])
