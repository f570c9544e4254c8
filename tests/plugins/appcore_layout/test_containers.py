"""What every layout container shares: `with c:` and `c.<element>(...)`, nesting, the
page order AppTest walks, placeholders, widget identity and state across reruns. The
expected node lists and errors were taken from Streamlit 1.67's AppTest on the same scripts."""
from __future__ import annotations

import pytest

from appcore.testing import AppTest
from tests.helpers import run


PAGE = """
    a, b = st.columns([1, 2], gap="large", border=True)
    with a:
        c, d = st.columns(2)
        with c:
            e, f = st.columns(2)
            e.write("deep")
    with st.expander("Exp", icon=":material/star:"):
        with st.expander("inner"):
            st.write("x")
    t1, t2 = st.tabs(["One", "Two"])
    t1.button("B")
    with st.popover("Pop"):
        st.write("in pop")
    st.space()
    st.space("large")
    st.space(30)
"""

# iter(at.main) on Streamlit 1.67, node by node.
STREAMLIT_ORDER = [
    "main", "flex_container", "column", "flex_container", "column", "flex_container", "column", "markdown",
    "column", "column", "column", "expander", "expander", "markdown", "tab_container", "tab", "button", "tab",
    "popover", "markdown", "space", "space", "space",
]


def test_iterating_the_main_area_walks_the_page_in_streamlits_pre_order():
    at = run(PAGE)
    assert [node.type for node in at.main] == STREAMLIT_ORDER
    weights = [round(n.weight, 4) for n in at.main if n.type == "column"]
    assert weights == [0.3333, 0.5, 0.5, 0.5, 0.5, 0.6667]


def test_every_container_takes_with_and_calls_on_it_and_they_nest():
    at = run("""
        col = st.columns(2)[0]
        tab = st.tabs(["T"])[0]
        box = st.expander("E")
        pop = st.popover("P")
        for name, place in [("col", col), ("tab", tab), ("box", box), ("pop", pop), ("side", st.sidebar)]:
            place.button(f"{name} call")
            with place:
                st.button(f"{name} with")
        with col:
            with st.expander("in col"):
                with st.tabs(["deep"])[0]:
                    with st.popover("deepest"):
                        st.columns(1)[0].write("bottom")
    """)
    assert not at.exception
    assert [b.label for b in at.columns[0].button] == ["col call", "col with"]
    # (page order puts what is nested in the first column before the tab, expander and popover below it)
    tab, = [t for t in at.tabs if t.label == "T"]
    box, = [e for e in at.expander if e.label == "E"]
    pop, = [p for p in at.get("popover") if p.props["label"] == "P"]
    assert [b.label for b in tab.button] == ["tab call", "tab with"]
    assert [b.label for b in box.button] == ["box call", "box with"]
    assert [b.label for b in pop.button] == ["pop call", "pop with"]
    assert [b.label for b in at.sidebar.button] == ["side call", "side with"]
    assert at.columns[0].expander[0].tabs[0].get("popover")[0].columns[0].markdown[0].value == "bottom"


def test_a_widget_in_column_two_keeps_its_value_when_column_one_changes():
    at = run("""
        left, right = st.columns(2)
        for i in range(st.session_state.get("n", 0)):
            left.write(f"line {i}")
        right.text_input("Name")
        n = st.number_input("lines in column one", value=0)
        st.session_state.n = n
    """)
    at.text_input[0].input("Ada").run()
    for lines in (3, 1, 0, 5):
        at.number_input[0].set_value(lines).run()
        at.run()  # the script's count takes effect on the run after
        assert len(at.columns[0].markdown) == lines
        assert at.columns[1].text_input[0].value == "Ada"


def test_keyless_widgets_alike_in_two_columns_or_tabs_are_the_same_widget_as_in_streamlit():
    # Streamlit 1.67: a container is not part of a widget's id, so both raise.
    for body in ('a, b = st.columns(2)\na.button("Go")\nb.button("Go")',
                 'a, b = st.tabs(["x", "y"])\na.text_input("Name")\nb.text_input("Name")',
                 'with st.expander("e"):\n    st.button("Go")\nst.button("Go")'):
        at = run(body)
        assert at.exception and "identical" in at.exception[0].message


def test_the_same_widget_in_the_main_area_and_the_sidebar_is_two_widgets_as_in_streamlit():
    assert not run('st.button("Go"); st.sidebar.button("Go")').exception


def test_what_a_placeholder_held_in_one_run_is_gone_when_the_next_run_puts_else_there():
    at = run("""
        ph = st.empty()
        if st.session_state.get("second"):
            ph.write("replaced")
        else:
            with ph.container():
                st.write("a")
                st.text_input("t")
            st.session_state.second = True
    """)
    assert len(at.main[0].children) == 2
    at.run()
    assert [n.type for n in at.main] == ["main", "markdown"]
    assert at.main[0].value == "replaced"
    assert not at.text_input


def test_a_placeholder_can_be_emptied_after_holding_columns_or_an_expander():
    at = run("""
        ph = st.empty()
        with ph.expander("gone soon"):
            st.write("inside")
        ph.empty()
        ph2 = st.empty()
        ph2.columns(3)
        ph2.empty()
    """)
    assert [n.type for n in at.main] == ["main", "empty", "empty"]


def test_a_fragment_run_draws_inside_layout_containers_and_leaves_the_rest():
    at = run("""
        st.session_state.runs = st.session_state.get("runs", 0) + 1
        tabs = st.tabs(["A", "B"])
        @st.fragment
        def part():
            with st.expander("inside fragment"):
                st.button("again")
        with tabs[1]:
            part()
        st.write(st.session_state.runs)
    """)
    at.button[0].click().run()
    assert at.markdown[0].value == "`1`"  # only the fragment ran
    assert at.tabs[1].expander[0].button[0].label == "again"


def test_a_rerun_that_changes_one_line_in_a_tab_sends_that_line_alone():
    at = run("""
        n = st.session_state.get("n", 0)
        cols = st.columns(3)
        for i, col in enumerate(cols):
            col.write(f"cell {i}")
        tabs = st.tabs(["A", "B"])
        with tabs[1]:
            with st.expander("More"):
                st.write(f"count {n}")
        if st.button("More"):
            st.session_state.n = n + 1
            st.rerun()
    """)
    before = len(at._browser.messages)
    at.button[0].click().run()
    ops = [op for m in at._browser.messages[before:] if m["t"] == "delta" for op in m["ops"]]
    changed = [op[1] for op in ops if op[0] == "e"]
    assert at.tabs[1].expander[0].markdown[0].value == "count 1"
    # The containers, the cells and the button are not sent again: only the line that changed.
    assert changed == ["main.1.1.0.0"], ops


def test_stateful_tabs_outside_a_fragment_still_answer_after_the_fragment_reran_alone():
    at = run("""
        tabs = st.tabs(["A", "B"], key="t", on_change="rerun")
        @st.fragment
        def part():
            st.button("inside")
        with tabs[1]:
            part()
        st.write(st.session_state.t)
    """)
    at.button[0].click().run()
    at.send({"t": "widget", "id": at.main[0].id, "value": "B"}).run()
    assert at.markdown[0].value == "B"
