"""One bounded queue per session for every request, with one merge rule (session._merge).

Each test floods the session while a run is held at a gate, as a hostile or
stuck client would, then counts the runs that followed.
"""
from __future__ import annotations

import pytest

from appcore.runtime.run import RerunRequest
from appcore.runtime.session import MAX_PENDING, Busy
from appcore.testing import AppTest

FLOOD = 2000


def flood(at: AppTest, message: dict, count: int = FLOOD) -> int:
    """Send ``message`` ``count`` times; return how many were refused as busy."""
    refused = 0
    for _ in range(count):
        try:
            at.session.handle_message(message)
        except Busy:
            refused += 1
    return refused


def test_a_flood_of_form_submits_with_the_same_values_runs_at_most_twice(gates):
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import submitted
        st.session_state.setdefault("submits", 0)
        with st.form("frm"):
            name = st.text_input("Name")
            if st.form_submit_button("Send"):
                st.session_state.submits += 1
                submitted.arrive()
        st.markdown(f"submits={st.session_state.submits} name={name}")
    """).run()
    at.text_input[0].input("Ada")
    runs = at.session.runs_started
    with gates.submitted.closed():
        at.session.handle_message({"t": "widget", "id": at.text_input[0].id, "value": "Ada"})
        at.session.handle_message({"t": "form_submit", "form": "frm"})
        gates.submitted.wait_arrival()  # the first submit's run is in flight
        assert flood(at, {"t": "form_submit", "form": "frm"}) == 0
    at._wait(5)
    assert at.session.runs_started - runs == 2  # the first submit, then one for the 2,000 repeats
    assert at.markdown[0].value == "submits=2 name=Ada"


def test_submits_of_the_same_form_with_new_values_each_get_a_run(gates):
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import submitted
        st.session_state.setdefault("seen", [])
        with st.form("frm"):
            name = st.text_input("Name")
            if st.form_submit_button("Send"):
                st.session_state.seen.append(name)
                submitted.arrive()
    """).run()
    field = at.text_input[0].id
    with gates.submitted.closed():
        at.session.handle_message({"t": "widget", "id": field, "value": "a"})
        at.session.handle_message({"t": "form_submit", "form": "frm"})
        gates.submitted.wait_arrival()
        for name in ("b", "c"):
            at.session.handle_message({"t": "widget", "id": field, "value": name})
            at.session.handle_message({"t": "form_submit", "form": "frm"})
            at.session.handle_message({"t": "form_submit", "form": "frm"})  # a repeat: merges
    at._wait(5)
    assert at.session_state["seen"] == ["a", "b", "c"]


def test_alternating_ticks_of_two_fragments_merge_per_fragment(gates):
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import ticking
        st.session_state.setdefault("a", 0)
        st.session_state.setdefault("b", 0)
        @st.fragment(run_every=1)
        def a():
            st.session_state.a += 1
            if st.session_state.a == 2:
                ticking.arrive()
            st.markdown(f"a={st.session_state.a}")
        @st.fragment(run_every=1)
        def b():
            st.session_state.b += 1
            st.markdown(f"b={st.session_state.b}")
        a()
        b()
    """).run()
    tick_a = {"t": "fragment_tick", "id": at.fragment[0].props["id"]}
    tick_b = {"t": "fragment_tick", "id": at.fragment[1].props["id"]}
    runs = at.session.runs_started
    with gates.ticking.closed():
        at.session.handle_message(tick_a)
        gates.ticking.wait_arrival()  # a's first tick is running
        for _ in range(FLOOD // 2):
            at.session.handle_message(tick_b)
            at.session.handle_message(tick_a)
        assert len(at.session.pending) == 2
    at._wait(5)
    assert at.session.runs_started - runs == 3
    assert at.markdown.values == ["a=3", "b=2"]


def test_a_tick_waiting_behind_a_whole_script_run_merges_into_it(gates):
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import clicked
        st.session_state.setdefault("full", 0)
        st.session_state.full += 1
        if st.button("go") and st.session_state.full == 2:
            clicked.arrive()
        @st.fragment(run_every=1)
        def clock():
            st.session_state.setdefault("ticks", 0)
            st.session_state.ticks += 1
        clock()
        @st.fragment
        def other():
            st.button("other")
        other()
    """).run()
    tick = {"t": "fragment_tick", "id": at.fragment[0].props["id"]}
    with gates.clicked.closed():
        at.session.handle_message({"t": "widget", "id": at.button[0].id, "value": True})
        gates.clicked.wait_arrival()
        at.session.handle_message({"t": "widget", "id": at.button[0].id, "value": True})  # a whole-script run waits
        at.session.handle_message({"t": "widget", "id": at.button[1].id, "value": True})  # then a click in `other`
        at.session.handle_message(tick)  # the clock's tick goes into the whole-script run, which covers it
        assert len(at.session.pending) == 2
    at._wait(5)
    assert at.session_state["full"] == 3 and at.session_state["ticks"] == 3  # no run of the clock alone


def test_each_click_gets_its_own_run_even_of_two_different_buttons(gates):
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import clicked
        st.session_state.setdefault("log", [])
        if st.button("a"):
            st.session_state.log.append("a")
            clicked.arrive()
        if st.button("b"):
            st.session_state.log.append("b")
    """).run()
    a, b = (button.id for button in at.button)
    with gates.clicked.closed():
        at.session.handle_message({"t": "widget", "id": a, "value": True})
        gates.clicked.wait_arrival()
        for wid in (a, b, a, b):
            at.session.handle_message({"t": "widget", "id": wid, "value": True})
    at._wait(5)
    assert at.session_state["log"] == ["a", "a", "b", "a", "b"]
    assert [r["status"] for r in at.runs[1:]] == ["complete"] * 5


def test_clicks_past_the_cap_are_refused_and_the_tab_is_told_it_is_busy(gates):
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import clicked
        st.session_state.setdefault("n", 0)
        if st.button("+"):
            st.session_state.n += 1
            if st.session_state.n == 1:
                clicked.arrive()
        st.markdown(f"n={st.session_state.n}")
    """).run()
    click = {"t": "widget", "id": at.button[0].id, "value": True}
    with gates.clicked.closed():
        at.session.handle_message(click)
        gates.clicked.wait_arrival()
        refused = flood(at, click, MAX_PENDING + 30)
        at.session.flush()
    assert refused == 30 and at.session.refused == 30
    busy = [m for m in at._browser.messages if m["t"] == "busy"]
    assert busy == [{"t": "busy", "pending": MAX_PENDING}]  # told once, not 30 times
    at._wait(10)
    assert at.markdown[0].value == f"n={1 + MAX_PENDING}"  # every accepted click counted once
    at.button[0].click().run()  # the session lives on
    assert at.markdown[0].value == f"n={2 + MAX_PENDING}"


def test_a_plugin_request_past_the_cap_is_refused_with_false(gates):
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import held
        if st.button("go"):
            held.arrive()
    """).run()
    session = at.session
    with gates.held.closed():
        session.handle_message({"t": "widget", "id": at.button[0].id, "value": True})
        gates.held.wait_arrival()
        # callbacks never merge: each of these would be a run of its own
        answers = [session.request_rerun(RerunRequest(callbacks=[lambda: None])) for _ in range(MAX_PENDING + 1)]
    assert answers == [True] * MAX_PENDING + [False]
    at._wait(10)


def test_a_refused_value_is_sent_back_by_the_next_run(gates):
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import clicked
        if st.button("+"):
            clicked.arrive()
        @st.fragment
        def field():
            st.text_input("name", key="name")
        field()
        @st.fragment
        def part():
            st.button("in part")
        part()
    """).run()
    part_click = {"t": "widget", "id": at.button[1].id, "value": True}
    with gates.clicked.closed():
        at.session.handle_message({"t": "widget", "id": at.button[0].id, "value": True})
        gates.clicked.wait_arrival()
        flood(at, part_click, MAX_PENDING)  # the queue is full of the fragment's clicks
        with pytest.raises(Busy):
            at.session.handle_message({"t": "widget", "id": at.text_input[0].id, "value": "typed"})
    at._wait(10)
    at.run()
    assert at.session_state["name"] == ""
    assert at.text_input[0].props["value"] == ""  # the page shows the server's value again


def test_reruns_merge_whatever_their_number(gates):
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import first
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        if st.session_state.runs == 2:
            first.arrive()
    """).run()
    with gates.first.closed():
        at.session.handle_message({"t": "rerun"})
        gates.first.wait_arrival()
        assert flood(at, {"t": "rerun"}) == 0
    at._wait(5)
    assert at.session_state["runs"] == 3


def test_a_submit_refused_by_a_full_queue_keeps_what_was_typed_for_the_next_submit(gates):
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import held
        st.session_state.setdefault("seen", [])
        if st.button("Hold"):
            held.arrive()
        for i in range(60):
            st.button(f"b{i}")
        with st.form("frm"):
            name = st.text_input("Name")
            if st.form_submit_button("Send"):
                st.session_state.seen.append(name)
    """).run()
    buttons = [b.id for b in at.button][1:61]
    field = at.text_input[0].id
    with gates.held.closed():
        at.session.handle_message({"t": "widget", "id": at.button[0].id, "value": True})
        gates.held.wait_arrival()
        for wid in buttons:  # distinct clicks fill the queue
            try:
                at.session.handle_message({"t": "widget", "id": wid, "value": True})
            except Busy:
                pass
        at.session.handle_message({"t": "widget", "id": field, "value": "Ada"})  # held by the form
        with pytest.raises(Busy):
            at.session.handle_message({"t": "form_submit", "form": "frm"})  # refused: the queue is full
    at._wait(10)
    assert at.session_state["seen"] == []
    at.session.handle_message({"t": "form_submit", "form": "frm"})
    at._wait(5)
    assert at.session_state["seen"] == ["Ada"], "what was typed before the refused submit arrives with the next"
