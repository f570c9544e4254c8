"""@st.fragment(parallel=True): drawn on a worker thread during full runs, concurrently with
the script and with other parallel fragments; its restrictions, its errors, and stopping.

Behaviour and messages checked on Streamlit 1.67.0's AppTest (exp. scripts in the branch's
notes): a parallel fragment returns None on its first run, its exception is shown inside it
while the script goes on, st.dialog and writes outside it are refused with the messages
below, st.rerun() in it reruns the app, st.stop() in it stops the run."""
from __future__ import annotations

import pytest

from appcore.runtime.run import OUTSIDE_PARALLEL
from appcore.testing import AppTest


def tree(at: AppTest) -> list[tuple]:
    """(depth, type, value) of every node under main, in page order."""
    rows = []
    for node in at.main:
        if node is at.main:
            continue
        value = node.message if node.type == "exception" else getattr(node, "value", None)
        rows.append((len(node.path) - 2, node.type, value))
    return rows


def test_the_script_waits_for_the_fragment_and_the_fragment_for_the_script(gates):
    # Each side waits at a gate only the other side opens: run one after the other,
    # the first wait would never end (the gate gives up after 10 s and the test fails).
    gates.fragment_drew.close()
    gates.script_went_on.close()
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import fragment_drew, script_went_on

        @st.fragment(parallel=True)
        def slow():
            st.markdown("fragment: first")
            fragment_drew.open()
            script_went_on.arrive()
            st.markdown("fragment: last")
            return "ignored"

        st.markdown("before")
        returned = slow()
        fragment_drew.arrive()
        st.markdown(f"returned {returned}")
        script_went_on.open()
        st.markdown("after")
    """).run()
    assert tree(at) == [(0, "markdown", "before"), (0, "flex_container", None),
                        (1, "markdown", "fragment: first"), (1, "markdown", "fragment: last"),
                        (0, "markdown", "returned None"), (0, "markdown", "after")]
    assert at.runs[-1]["status"] == "complete"


def test_two_parallel_fragments_run_at_the_same_time(gates):
    gates.left.close()
    gates.right.close()
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import left, right

        @st.fragment(parallel=True)
        def one():
            left.open()
            right.arrive()
            st.markdown("one")

        @st.fragment(parallel=True)
        def two():
            right.open()
            left.arrive()
            st.markdown("two")

        one()
        two()
    """).run()
    assert at.markdown.values == ["one", "two"]
    assert [n.path for n in at.fragment] == [("main", 0), ("main", 1)]


def test_a_parallel_fragment_draws_in_order_into_its_own_container():
    at = AppTest.from_string("""
        import appcore as st

        @st.fragment(parallel=True)
        def lines():
            for i in range(40):
                st.markdown(f"line {i}")

        st.markdown("top")
        lines()
        for i in range(40):
            st.markdown(f"main {i}")
    """).run()
    container = at.fragment[0].path
    inside = [n for n in at.markdown if n.path[:-1] == container]
    assert [n.value for n in inside] == [f"line {i}" for i in range(40)]
    sent = [op[1] for m in at._browser.messages if m["t"] == "delta" for op in m["ops"]
            if op[1].startswith("main.1.")]
    assert sent == [f"main.1.{i}" for i in range(40)]  # the browser got them in order, after their container


def test_a_widget_in_a_parallel_fragment_reruns_only_the_fragment_sequentially():
    at = AppTest.from_string("""
        import threading
        import appcore as st
        ss = st.session_state
        ss.setdefault("full", 0); ss.setdefault("frag", 0)
        ss.full += 1

        @st.fragment(parallel=True)
        def part():
            ss.frag += 1
            ss.thread = threading.current_thread().name
            st.button("again")
            st.markdown(f"frag={ss.frag}")

        part()
        st.markdown(f"full={ss.full}")
    """).run()
    assert at.session_state["thread"].startswith("appcore-parallel-")
    at.button[0].click().run()
    assert at.markdown.values == ["frag=2", "full=1"]
    assert at.session_state["thread"].startswith("appcore-run-")  # a fragment rerun is sequential


def test_an_exception_in_a_parallel_fragment_is_shown_inside_it_and_the_script_goes_on():
    at = AppTest.from_string("""
        import appcore as st

        @st.fragment(parallel=True)
        def broken():
            st.markdown("p1")
            raise ValueError("boom")

        broken()
        st.markdown("after")
    """).run()
    assert tree(at) == [(0, "flex_container", None), (1, "markdown", "p1"), (1, "exception", "boom"),
                        (0, "markdown", "after")]


DIALOG_REFUSED = ("`@st.dialog` cannot be called from a parallel fragment during the initial page load, because "
                  "parallel fragments run concurrently on separate threads where `@st.dialog` is not safe.\n\n"
                  "To fix this, gate the call behind a widget interaction (e.g., `if st.button(...):`) so it "
                  "runs during a sequential fragment rerun instead.")


def test_a_dialog_is_refused_on_the_parallel_run_and_opens_on_a_rerun():
    at = AppTest.from_string("""
        import appcore as st

        @st.dialog("Hello")
        def hello():
            st.markdown("in the dialog")

        @st.fragment(parallel=True)
        def part():
            clicked = st.button("open")
            hello()

        part()
        st.markdown("after")
    """).run()
    assert at.exception[0].message == DIALOG_REFUSED
    assert at.exception[0].path[:2] == at.fragment[0].path
    at.button[0].click().run()
    assert not at.exception
    assert "in the dialog" in at.markdown.values


@pytest.mark.parametrize("write", ["st.sidebar.markdown('side')", "outside.markdown('there')",
                                   "outside.button('b')", "st.bottom.markdown('b')"])
def test_writing_outside_a_parallel_fragment_is_refused_with_streamlits_message(write):
    at = AppTest.from_string(f"""
        import appcore as st
        outside = st.container()
        outside.markdown("x")

        @st.fragment(parallel=True)
        def part():
            st.markdown("inside")
            {write}

        part()
        st.markdown("after")
    """).run()
    assert at.exception[0].message == OUTSIDE_PARALLEL
    assert at.exception[0].path[:2] == at.fragment[0].path  # shown inside the fragment
    assert at.markdown.values[-1] == "after" and "inside" in at.markdown.values
    assert not at.sidebar.children


def test_writing_outside_is_refused_on_a_later_rerun_too():
    at = AppTest.from_string("""
        import appcore as st
        @st.fragment(parallel=True)
        def part():
            if st.button("leak"):
                st.sidebar.markdown("side")
        part()
    """).run()
    assert not at.exception
    at.button[0].click().run()
    assert at.exception[0].message == OUTSIDE_PARALLEL
    assert not at.sidebar.children


def test_st_rerun_in_a_parallel_fragment_reruns_the_whole_app():
    at = AppTest.from_string("""
        import appcore as st
        st.session_state.setdefault("n", 0)
        st.session_state.n += 1

        @st.fragment(parallel=True)
        def part():
            if st.session_state.n == 1:
                st.rerun()
            st.markdown("p")

        part()
        st.markdown(f"after {st.session_state.n}")
    """).run()
    assert at.markdown.values == ["p", "after 2"]
    assert [r["status"] for r in at.runs] == ["rerun", "complete"]


def test_st_stop_in_a_parallel_fragment_stops_the_run(gates):
    gates.stopped.close()
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import stopped

        @st.fragment(parallel=True)
        def part():
            st.markdown("p1")
            stopped.open()
            st.stop()

        part()
        stopped.arrive()
        st.markdown("never")
    """).run()
    assert at.markdown.values == ["p1"]
    assert at.runs[-1]["status"] == "stopped"


def test_a_rerun_scoped_to_the_fragment_is_refused_on_the_parallel_run():
    # As Streamlit: the first run of a parallel fragment is part of a full run.
    at = AppTest.from_string("""
        import appcore as st
        @st.fragment(parallel=True)
        def part():
            st.rerun(scope="fragment")
        part()
        st.markdown("after")
    """).run()
    assert at.exception[0].message == ('scope="fragment" can only be specified from `@st.fragment`-decorated '
                                       'functions during fragment reruns.')
    assert at.markdown.values == ["after"]


def test_parallel_fragments_nest():
    at = AppTest.from_string("""
        import appcore as st
        @st.fragment(parallel=True)
        def inner():
            st.markdown("inner")
        @st.fragment(parallel=True)
        def outer():
            st.markdown("outer")
            inner()
        outer()
        st.markdown("after")
    """).run()
    assert tree(at) == [(0, "flex_container", None), (1, "markdown", "outer"), (1, "flex_container", None),
                        (2, "markdown", "inner"), (0, "markdown", "after")]


SPINNING = """
    import appcore as st
    from appcore_test_gates import spinning

    @st.fragment(parallel=True)
    def part(spin):
        st.markdown("spinning" if spin else "calm")
        if spin:
            spinning.arrive()
            {body}

    part(st.button("spin"))
    st.markdown("script done")
"""


def start_spinning(at: AppTest, gates):
    """Click "spin" and return the run once its parallel fragment is spinning."""
    return gates.spinning.run_arriving(at, {"t": "widget", "id": at.button[0].id, "value": True})


@pytest.mark.parametrize("body", ["while True:\n                pass",
                                  "while True:\n                st.session_state.spun = 1"],
                         ids=["without st calls", "with st calls"])
def test_the_page_stops_a_run_and_its_spinning_parallel_fragment(gates, body):
    at = AppTest.from_string(SPINNING.replace("{body}", body)).run()
    run = start_spinning(at, gates)
    at.session.handle_message({"t": "stop"})
    assert at.session.wait_idle(5)
    assert run.status == "cancelled"
    assert not run._workers  # no worker thread left spinning
    at.run()  # the session lives on
    assert at.markdown.values == ["calm", "script done"]


def test_the_end_of_a_session_stops_its_parallel_fragments(gates):
    at = AppTest.from_string(SPINNING.replace("{body}", "while True:\n                pass")).run()
    run = start_spinning(at, gates)
    at.app.close_session(at.session)
    assert at.session.wait_idle(5)
    assert run.status == "cancelled" and run.stop_reason == "session"
    assert not run._workers


def test_a_newer_run_interrupts_a_parallel_fragment_making_st_calls(gates):
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import spinning
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1

        @st.fragment(parallel=True)
        def part():
            if st.session_state.runs == 2:
                spinning.arrive()
                while True:
                    st.session_state.spun = 1
            st.markdown("calm")

        part()
        st.markdown(f"runs={st.session_state.runs}")
    """).run()
    try:
        gates.spinning.run_arriving(at, {"t": "rerun"})
        at.session.handle_message({"t": "rerun"})  # a newer full run: the spinning one yields to it
        assert at.session.wait_idle(5)
        at._wait(5)
        assert at.markdown.values == ["calm", "runs=3"]
        assert [r["status"] for r in at.runs[-2:]] == ["interrupted", "complete"]
    finally:
        at.app.close_session(at.session)  # never leave a worker spinning
