"""st.pagination as a user meets it. Each expected value or message was checked against
Streamlit 1.67.0's AppTest running the same script (the comment above each test says what
was compared); the checks every widget shares are in test_widget_checks.py."""
from __future__ import annotations

import pytest

from appcore.runtime.session import BadMessage
from appcore.testing import AppTest
from appcore.testing.v1.element_tree import AppTestError, Pagination
from tests.helpers import error, run, texts

PAGES = """
    page = st.pagination(num_pages=10, key="p")
    st.markdown(f"page {page}")
"""


def test_it_starts_on_the_first_page_and_set_value_and_select_choose_another():
    # 1.67: Pagination node 'pagination', value 1, num_pages 10, default 1; set_value(3) -> "page 3",
    # select(10) -> "page 10"; session_state['p'] follows.
    at = run(PAGES)
    node = at.pagination[0]
    assert isinstance(node, Pagination) and node.type == "pagination"
    assert (node.value, node.num_pages, node.default, node.key, node.form_id) == (1, 10, 1, "p", "")
    assert texts(at) == ["page 1"] and at.session_state["p"] == 1
    assert node.set_value(3) is node
    node.run()
    assert texts(at) == ["page 3"] and at.pagination[0].value == 3
    at.pagination[0].select(10).run()
    assert texts(at) == ["page 10"] and at.session_state["p"] == 10


@pytest.mark.parametrize("page", [0, 11, True, 2.0, "3"])
def test_a_page_that_is_not_one_of_its_pages_is_refused_by_apptest(page):
    # 1.67: "Cannot set pagination (key='p') to 0. Page must be an int between 1 and 10." (repr of the value)
    at = run(PAGES)
    with pytest.raises(AppTestError) as refused:
        at.pagination[0].set_value(page)
    assert str(refused.value) == f"Cannot set pagination (key='p') to {page!r}. Page must be an int between 1 and 10."


def test_session_state_sets_the_page_and_one_out_of_range_goes_back_to_the_default():
    # 1.67: session_state p = 5 -> page 5; 50 or "x" -> page 1, no error.
    at = run(PAGES)
    for value, expected in ((5, "page 5"), (50, "page 1"), ("x", "page 1")):
        at.session_state["p"] = value
        at.run()
        assert texts(at) == [expected] and not at.exception


def test_a_keyed_one_keeps_its_page_while_it_still_exists():
    # 1.67: on page 8, num_pages 10 -> 12 keeps 8, -> 5 goes back to 1; a new default or
    # max_visible_pages keeps the page chosen.
    at = run("""
        n = st.session_state.get("n", 10)
        d = st.session_state.get("d", 1)
        m = st.session_state.get("m", 7)
        st.markdown(f"page {st.pagination(num_pages=n, default=d, max_visible_pages=m, key='p')}")
    """)
    at.pagination[0].set_value(8).run()
    for name, value, expected in (("n", 12, "page 8"), ("n", 5, "page 1")):
        at.session_state[name] = value
        at.run()
        assert texts(at) == [expected]
    at.pagination[0].set_value(4).run()
    for name, value in (("d", 2), ("m", 3)):
        at.session_state[name] = value
        at.run()
        assert texts(at) == ["page 4"]


@pytest.mark.parametrize(("call", "message"), [
    # Each message is 1.67's for the same call.
    ("0", "`num_pages` must be an integer of at least 1. Got 0."),
    ("-1", "`num_pages` must be an integer of at least 1. Got -1."),
    ("3.0", "`num_pages` must be an integer of at least 1. Got 3.0."),
    ("True", "`num_pages` must be an integer of at least 1. Got True."),
    ("'3'", "`num_pages` must be an integer of at least 1. Got 3."),
    ("None", "`num_pages` must be an integer of at least 1. Got None."),
    ("10**12", "Value out of range: 1000000000000"),
    ("5, default=0", "The `default` parameter, set to 0, is outside the required range [1, 5]."),
    ("5, default=6", "The `default` parameter, set to 6, is outside the required range [1, 5]."),
    ("5, default=2.0", "Invalid `default` type. Expected one of: int. Provided type: float."),
    ("5, default=True", "Invalid `default` type. Expected one of: int. Provided type: bool."),
    ("5, max_visible_pages=-1", "`max_visible_pages` must be a non-negative integer or None. Got -1."),
    ("5, max_visible_pages=2.5", "`max_visible_pages` must be a non-negative integer or None. Got 2.5."),
    ("5, max_visible_pages=True", "`max_visible_pages` must be a non-negative integer or None. Got True."),
    ("5, width=-2", "Invalid width value: -2. Width must be either a positive integer (pixels), 'stretch', or "
                    "'content'."),
    ("5, bind='query-params'", "The `key` parameter is required. When using bind='query-params', the widget must "
                               "have a unique 'key' parameter specified. This 'key' will be used as the name of the "
                               "query parameter."),
])
def test_streamlits_errors(call, message):
    at = run(f"st.pagination({call})")
    assert error(at) == message and not at.pagination


def test_what_the_page_is_told():
    # 1.67: default 3 returns 3; max_visible_pages 0 and None are accepted; width "stretch" too.
    at = run("""
        st.markdown(st.pagination(5, default=3))
        st.pagination(6, max_visible_pages=0)
        st.pagination(7, max_visible_pages=None, width="stretch", disabled=True)
    """)
    assert texts(at) == ["3"]
    props = [n.props for n in at.pagination]
    assert [(p["value"], p["num_pages"], p["max_visible_pages"], p["width"], p["disabled"]) for p in props] == [
        (3, 5, 7, "content", False), (1, 6, 0, "content", False), (1, 7, None, "stretch", True)]
    with pytest.raises(AppTestError, match="disabled"):
        at.pagination[2].set_value(2)


def test_identical_ones_need_a_key_and_one_in_a_form_waits_for_the_submit():
    # 1.67: two st.pagination(5) -> its duplicate-ID error; another num_pages, default or max_visible_pages
    # is another widget; in a form it is allowed, a callback there is not.
    assert "pagination" in error(run("st.pagination(5)\nst.pagination(5)"))
    assert not run("st.pagination(5)\nst.pagination(6)\nst.pagination(5, default=2)\n"
                   "st.pagination(5, max_visible_pages=3)").exception
    assert error(run("with st.form('f'):\n    st.pagination(5, on_change=lambda: None)\n    st.form_submit_button()"))\
        .startswith("Within a form, callbacks can only be defined on the `st.form_submit_button`.")
    at = run("""
        with st.form("f"):
            page = st.pagination(5)
            st.form_submit_button("Go")
        st.markdown(f"page {page}")
    """)
    at.pagination[0].set_value(4).run()
    assert texts(at) == ["page 1"]
    at.button[0].click().run()
    assert texts(at) == ["page 4"]


def test_the_browser_may_send_only_one_of_its_pages():
    at = run(PAGES)
    wid = at.pagination[0].id
    for bad in (0, 11, 2.5, True, "3", None):
        with pytest.raises(BadMessage):
            at.session.handle_message({"t": "widget", "id": wid, "value": bad})
    at.session.handle_message({"t": "widget", "id": wid, "value": 7})
    assert at.session.wait_idle(3)
    at.session.flush()
    assert texts(at) == ["page 7"]


def test_a_bound_one_keeps_its_page_in_the_url():
    at = AppTest.from_string("import appcore as st\nst.markdown(f\"page {st.pagination(9, key='pg', "
                             "bind='query-params')}\")")
    at.query_params["pg"] = "4"
    at.run()
    assert texts(at) == ["page 4"]
    at.pagination[0].set_value(6).run()
    assert at.query_params["pg"] == "6"
    at.pagination[0].set_value(1).run()
    assert "pg" not in at.query_params


def test_the_docs_examples_run():
    # 1.67: widget.pagination.py shows "Showing page 1"; widget.pagination_dataframe.py a dataframe of rows
    # 0-9 above the pagination in a right-aligned container, rows 20-29 on page 3 (written here with
    # st.write, which draws the same dataframe node, until appcore has st.dataframe itself).
    at = run("""
        page = st.pagination(num_pages=10)
        st.write(f"Showing page {page}")
    """)
    assert texts(at) == ["Showing page 1"]
    at = run("""
        import pandas as pd
        df = pd.DataFrame({"A": range(100), "B": range(100, 200)})
        slot = st.empty()
        with st.container(horizontal_alignment="right"):
            page = st.pagination(num_pages=10)
        slot.write(df.iloc[(page - 1) * 10:page * 10])
    """, timeout=30)
    assert [n.type for n in at.main] == ["main", "dataframe", "flex_container", "pagination"]
    at.pagination[0].set_value(3).run(timeout=30)
    assert list(at.dataframe[0].value["A"]) == list(range(20, 30))
