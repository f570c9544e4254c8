"""@st.fragment: partial reruns, timers, scoping rules."""
from __future__ import annotations

import logging
import textwrap
from datetime import timedelta

import pytest

from appcore.testing import AppTest

COUNTED = """
    import appcore as st
    st.session_state.setdefault("full", 0)
    st.session_state.setdefault("frag", 0)
    st.session_state.full += 1
    st.markdown(f"full={st.session_state.full}")

    @st.fragment
    def part():
        st.session_state.frag += 1
        if st.button("in fragment"):
            st.markdown("clicked")
        st.markdown(f"frag={st.session_state.frag}")

    part()
    st.markdown("after")
"""


def test_a_widget_inside_reruns_only_the_fragment():
    at = AppTest.from_string(COUNTED).run()
    for _ in range(3):
        at.button[0].click().run()
    assert at.markdown.values == ["full=1", "clicked", "frag=4", "after"]
    assert at.session_state["full"] == 1
    assert all(r["partial"] for r in at.runs[1:])


def test_a_fragment_run_sends_only_what_changed_inside_it():
    at = AppTest.from_string(COUNTED).run()
    before = len(at._browser.messages)
    at.button[0].click().run()
    paths = [op[1] for m in at._browser.messages[before:] if m["t"] == "delta" for op in m["ops"]]
    container = at.fragment[0].path
    assert paths and all(p.startswith(".".join(map(str, container)) + ".") for p in paths)


def test_a_full_rerun_runs_every_fragment_again():
    at = AppTest.from_string(COUNTED).run()
    at.button[0].click().run()
    at.run()
    assert at.markdown.values == ["full=2", "frag=3", "after"]


def test_each_call_site_is_its_own_fragment():
    at = AppTest.from_string("""
        import appcore as st
        @st.fragment
        def counter(name):
            count = f"count_{name}"
            st.session_state.setdefault(count, 0)
            if st.button("+", key=name):
                st.session_state[count] += 1
            st.markdown(f"{name}={st.session_state[count]}")
        counter("a")
        counter("b")
    """).run()
    at.button(key="b").click().run()
    assert at.markdown.values == ["a=0", "b=1"]
    assert at.fragment[0].props["id"] != at.fragment[1].props["id"]


def nested_fragments(inner: str, outer: str) -> AppTest:
    """An app whose fragment ``outer`` calls the fragment ``inner`` (``outer``'s body
    says where); each counts its runs in session_state before its body."""
    def indented(body: str) -> str:
        return textwrap.indent(textwrap.dedent(body).strip(), "    ")

    return AppTest.from_string(
        'import appcore as st\n'
        'st.session_state.setdefault("outer", 0)\n'
        'st.session_state.setdefault("inner", 0)\n'
        '@st.fragment\n'
        'def inner():\n'
        '    st.session_state.inner += 1\n'
        f'{indented(inner)}\n'
        '@st.fragment\n'
        'def outer():\n'
        '    st.session_state.outer += 1\n'
        f'{indented(outer)}\n'
        'outer()\n').run()


def test_nested_fragments_rerun_alone():
    at = nested_fragments(inner="""
        st.button("inner")
        st.markdown(f"inner={st.session_state.inner}")
    """, outer="""
        st.button("outer")
        inner()
        st.markdown(f"outer={st.session_state.outer}")
    """)
    at.button[1].click().run()
    assert at.markdown.values == ["inner=2", "outer=1"]
    at.button[0].click().run()
    assert at.markdown.values == ["inner=3", "outer=2"]


def test_widgets_may_not_be_written_outside_the_fragment():
    at = AppTest.from_string("""
        import appcore as st
        @st.fragment
        def part():
            st.sidebar.button("escape")
        part()
    """).run()
    assert "Fragments cannot write widgets to outside containers" in at.exception[0].message


def test_plain_elements_written_outside_accumulate_until_the_next_full_run():
    at = AppTest.from_string("""
        import appcore as st
        st.session_state.setdefault("n", 0)
        @st.fragment
        def part():
            st.session_state.n += 1
            st.button("again")
            st.sidebar.markdown(f"sidebar n={st.session_state.n}")
        part()
        st.sidebar.markdown("below")
    """).run()
    at.button[0].click().run()
    at.button[0].click().run()
    assert [m.value for m in at.sidebar.get("markdown")] == ["sidebar n=1", "below", "sidebar n=2", "sidebar n=3"]
    at.run()
    assert [m.value for m in at.sidebar.get("markdown")] == ["sidebar n=4", "below"]


def test_rerun_with_fragment_scope_reruns_only_the_fragment(fragment_app):
    at = fragment_app("""
        st.session_state.frag += 1
        if st.button("again") and st.session_state.frag < 4:
            st.rerun(scope="fragment")
        st.markdown(f"frag={st.session_state.frag}")
    """)
    at.button[0].click().run()
    assert at.markdown.values == ["frag=3", "full=1"]


def test_rerun_inside_a_fragment_reruns_the_app(fragment_app):
    at = fragment_app("""
        if st.button("app"):
            st.rerun()
    """)
    at.button[0].click().run()
    assert at.markdown.values == ["full=2"]


def test_timer_ticks_rerun_the_fragment_and_stop_when_it_is_no_longer_drawn():
    at = AppTest.from_string("""
        import appcore as st
        st.session_state.setdefault("ticks", 0)
        if st.session_state.get("show", True):
            @st.fragment(run_every="2s")
            def clock():
                st.session_state.ticks += 1
                st.markdown(f"ticks={st.session_state.ticks}")
            clock()
    """).run()
    (fragment,) = at.fragment
    assert fragment.props["run_every"] == 2.0
    at.send({"t": "fragment_tick", "id": fragment.props["id"]}).run()
    assert at.markdown.values == ["ticks=2"]
    at.session_state["show"] = False
    at.run()
    assert len(at.fragment) == 0
    at.send({"t": "fragment_tick", "id": fragment.props["id"]}).run()  # a late tick is ignored
    assert at.session_state["ticks"] == 2


def test_ticks_that_arrive_during_a_fragment_run_neither_cut_it_short_nor_multiply_runs(gates):
    """docs/differences.md: ticks that arrive while the fragment runs merge into one run."""
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import computing
        st.session_state.setdefault("ticks", 0)
        @st.fragment(run_every=0.1)
        def slow():
            st.session_state.ticks += 1
            st.markdown("computing")
            computing.arrive()
            st.markdown("result")
        slow()
    """).run()
    fragment_id = at.fragment[0].props["id"]
    tick = {"t": "fragment_tick", "id": fragment_id}
    with gates.computing.closed():
        at.session.handle_message(tick)
        gates.computing.wait_arrival()  # its run is in flight
        for _ in range(4):
            at.session.handle_message(tick)
    at._wait(5)
    assert at.session_state["ticks"] == 3  # the first tick's run, then one for the four that waited
    assert [r["status"] for r in at.runs if r["partial"] == fragment_id] == ["complete", "complete"]
    assert at.markdown.values == ["computing", "result"]


def test_a_fragment_run_is_not_lost_when_another_fragment_reruns(gates):
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import slow_fragment

        @st.fragment
        def slow():
            n = st.number_input("n", value=0, key="n")
            slow_fragment.arrive()
            st.markdown(f"slow sees {n}")

        @st.fragment
        def other():
            st.button("tick")
            st.markdown("other")

        slow()
        other()
    """).run()
    session = at.session
    with gates.slow_fragment.closed():
        session.handle_message({"t": "widget", "id": at.number_input[0].id, "value": 5})
        gates.slow_fragment.wait_arrival()  # the slow fragment's run is in flight
        session.handle_message({"t": "fragment_tick", "id": at.fragment[1].props["id"]})
    at._wait(5)
    assert at.number_input[0].value == 5
    assert at.markdown.values == ["slow sees 5", "other"]
    assert [r["status"] for r in at.runs[1:]] == ["complete", "complete"]


def test_an_exception_in_a_fragment_run_is_shown_inside_the_fragment():
    at = AppTest.from_string("""
        import appcore as st

        @st.fragment
        def part():
            if st.button("boom"):
                raise ValueError("bad")
            st.markdown("in fragment")

        part()
        st.markdown("after the fragment")
    """).run()
    fragment_path = at.fragment[0].path
    at.button[0].click().run()
    assert at.markdown.values == ["after the fragment"]
    assert at.exception[0].path[:len(fragment_path)] == fragment_path


def test_an_exception_in_a_fragment_buttons_callback_leaves_the_rest_of_the_page_alone():
    at = AppTest.from_string("""
        import appcore as st
        st.markdown("page title")

        @st.fragment
        def part():
            st.button("boom", on_click=lambda: 1 / 0)
            st.markdown("in fragment")

        part()
    """).run()
    at.button[0].click().run()
    assert at.markdown.values == ["page title", "in fragment"]
    assert at.exception[0].props["type"] == "ZeroDivisionError"
    assert at.exception[0].path[:len(at.fragment[0].path)] == at.fragment[0].path


@pytest.mark.parametrize("run_every, seconds", [
    (5, 5.0), (0.5, 0.5), ("10s", 10.0), ("1m", 60.0), ("500ms", 0.5), ("1h30m", 5400.0),
    (timedelta(seconds=3), 3.0), (None, None),
])
def test_run_every_forms(run_every, seconds):
    from appcore_fragments.fragment import seconds as parse

    assert parse(run_every) == seconds


@pytest.mark.parametrize("bad", ["soon", "10 parsecs", -1, 0, True, [1]])
def test_bad_run_every_is_an_error(bad):
    from appcore.runtime.errors import AppcoreAPIError
    from appcore_fragments.fragment import seconds as parse

    with pytest.raises(AppcoreAPIError, match="run_every"):
        parse(bad)


def test_experimental_fragment_warns_once(caplog, monkeypatch):
    import importlib

    module = importlib.import_module("appcore_fragments.fragment")  # the package's `fragment` is the function
    monkeypatch.setattr(module, "_warned", False)  # once per process: another test may have used it
    with caplog.at_level(logging.WARNING):
        at = AppTest.from_string("""
            import appcore as st
            @st.experimental_fragment
            def part():
                st.markdown("works")
            part()
            part()
        """).run()
    assert at.markdown.values == ["works", "works"]
    assert caplog.text.count("st.experimental_fragment is deprecated") == 1


def test_a_tick_for_a_fragment_that_just_went_away_leaves_the_page_alone():
    from appcore.runtime.run import RerunRequest

    at = AppTest.from_string(COUNTED).run()
    at.session.request_rerun(RerunRequest(partial="gone", auto=True))
    at._wait(3)
    assert at.markdown.values == ["full=1", "frag=1", "after"]
    assert at.runs[-1]["status"] == "skipped"


def test_a_held_value_survives_a_skipped_timer_tick(gates):
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import hiding
        quiet = st.checkbox("quiet", on_change="ignore", key="quiet")
        if st.toggle("show clock", value=True):
            @st.fragment(run_every=60)
            def clock():
                st.markdown("tick")
            clock()
        else:
            hiding.arrive()
        st.button("go")
    """).run()
    session = at.session
    fragment_id = at.fragment[0].props["id"]
    with gates.hiding.closed():
        session.handle_message({"t": "widget", "id": at.toggle[0].id, "value": False})  # hides the clock
        gates.hiding.wait_arrival()  # that run is in flight: the clock's timer fires, the person ticks "quiet"
        session.handle_message({"t": "fragment_tick", "id": fragment_id})
        session.handle_message({"t": "widget", "id": at.checkbox[0].id, "value": True})
    at._wait(5)
    assert at.runs[-1]["status"] == "skipped"
    at.button[0].click().run()
    assert at.session_state["quiet"] is True


def test_rerun_with_fragment_scope_in_a_nested_fragment_reruns_the_inner_one():
    at = nested_fragments(inner="""
        if st.button("again") and st.session_state.inner < 3:
            st.rerun(scope="fragment")
    """, outer="inner()")
    at.button[0].click().run()
    assert (at.session_state["outer"], at.session_state["inner"]) == (1, 3)


def test_st_rerun_takes_its_scope_positionally_as_streamlit_1_67():
    at = AppTest.from_string("""
        import appcore as st
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1

        @st.fragment
        def part():
            st.session_state.setdefault("part", 0)
            st.session_state.part += 1
            if st.button("again") and st.session_state.part < 4:
                st.rerun("fragment")

        part()
    """).run()
    at.button[0].click().run()
    assert (at.session_state.runs, at.session_state.part) == (1, 3)
