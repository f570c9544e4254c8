"""AppTest reads like Streamlit's and fails loudly where Streamlit's does."""
from __future__ import annotations

import pandas as pd
import pytest

from appcore.testing import AppTest


def test_session_state_by_attribute_and_item():
    at = AppTest.from_string("""
        import appcore as st
        st.markdown(str(st.session_state.get("n", 0)))
    """)
    at.session_state.n = 4
    at.run()
    assert at.markdown[0].value == "4"
    assert at.session_state.n == 4 and at.session_state["n"] == 4 and "n" in at.session_state
    with pytest.raises(AttributeError):
        at.session_state.missing


def test_a_misspelt_element_type_is_an_error_not_an_empty_list():
    at = AppTest.from_string("import appcore as st\nst.error('boom')").run()
    assert at.error[0].value == "boom"
    with pytest.raises(AttributeError, match="no element type of that name"):
        at.erorr


def test_containers_give_element_lists_by_type():
    at = AppTest.from_string("""
        import appcore as st
        st.selectbox("main", ["a", "b"])
        st.sidebar.selectbox("side", ["c", "d"], index=1)
    """).run()
    assert at.sidebar.selectbox[0].label == "side" and at.sidebar.selectbox[0].index == 1
    assert at.main.selectbox[0].value == "a" and at.main.selectbox[0].index == 0


def test_a_written_dataframe_reads_back_as_a_dataframe():
    at = AppTest.from_string("""
        import appcore as st, pandas as pd
        st.write(pd.DataFrame({"x": [1, 2]}, index=["a", "b"]))
    """).run()
    pd.testing.assert_frame_equal(at.dataframe[0].value, pd.DataFrame({"x": [1, 2]}, index=["a", "b"]))


def test_the_page_shows_a_value_before_the_run_that_confirms_it():
    at = AppTest.from_string("""
        import appcore as st
        with st.form("f"):
            st.text_input("held")
            st.form_submit_button()
    """).run()
    at.text_input[0].input("typed").run()
    assert at.text_input[0].props["value"] == "typed"  # shown in the page, waiting for the submit
    assert at.text_input[0].value == ""  # the app has not received it yet


def test_a_submit_button_reads_true_after_enter_submits_its_form():
    at = AppTest.from_string("""
        import appcore as st
        with st.form("f"):
            st.text_input("name")
            sent = st.form_submit_button("Send")
        st.markdown(str(sent))
    """).run()
    at.text_input[0].input("Ada")
    at.send({"t": "form_submit", "form": "f"}).run()
    assert at.markdown[0].value == "True" and at.button[0].value is True
    at.run()
    assert at.button[0].value is False
