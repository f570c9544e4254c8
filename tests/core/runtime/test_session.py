"""Sessions: widget values from the browser, coalescing, interruption, bad input."""
from __future__ import annotations

import pytest

from appcore.runtime.run import RerunRequest
from appcore.testing import AppTest

COUNTER = """
    import appcore as st
    st.session_state.setdefault("n", 0)
    if st.button("+"):
        st.session_state.n += 1
    st.markdown(f"Count: {st.session_state.n}")
"""


def test_two_fast_clicks_are_both_counted(gates):
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import click_run
        st.session_state.setdefault("n", 0)
        if st.button("+"):
            st.session_state.n += 1
            click_run.arrive()
        st.markdown(f"Count: {st.session_state.n}")
    """).run()
    click = {"t": "widget", "id": at.button[0].id, "value": True}
    with gates.click_run.closed():
        at.session.handle_message(click)
        gates.click_run.wait_arrival()  # the first click's run is in flight
        at.session.handle_message(click)
    at._wait(5)
    assert at.markdown[0].value == "Count: 2"
    assert [r["status"] for r in at.runs] == ["complete"] * 3


def test_a_newer_request_interrupts_a_slow_run_at_its_next_st_call(gates):
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import slow
        name = st.text_input("Name", key="name")
        st.markdown(f"{name} started")
        if name == "a":
            slow.arrive()  # user code working, between two st calls
        st.markdown(f"{name} done")
    """).run()
    field = at.text_input[0].id
    with gates.slow.closed():
        at.session.handle_message({"t": "widget", "id": field, "value": "a"})
        gates.slow.wait_arrival()
        at.session.handle_message({"t": "widget", "id": field, "value": "b"})
    at._wait(5)
    statuses = [r["status"] for r in at.runs]
    assert statuses == ["complete", "interrupted", "complete"]
    assert at.markdown.values == ["b started", "b done"]


def test_requests_arriving_during_a_run_coalesce_into_one(gates):
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import click_run
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        if st.button("go"):
            click_run.arrive()
        a = st.text_input("a")
        b = st.text_input("b")
        st.markdown(f"{a}{b}")
    """).run()
    session = at.session
    with gates.click_run.closed():
        session.handle_message({"t": "widget", "id": at.button[0].id, "value": True})
        gates.click_run.wait_arrival()
        session.handle_message({"t": "widget", "id": at.text_input[0].id, "value": "x"})
        session.handle_message({"t": "widget", "id": at.text_input[1].id, "value": "y"})
    at._wait(5)
    assert at.markdown[0].value == "xy"
    assert at.session_state["runs"] == 3  # first, the click, then one for both values


@pytest.mark.parametrize("message, reason", [
    ("not a dict", "must be an object"),
    ({"t": 5}, "must be an object"),
    ({"t": "nonsense"}, "unknown message type"),
    ({"t": "widget", "id": "$$ID-unknown", "value": 1}, "unknown widget id"),
])
def test_malformed_messages_are_rejected_and_the_session_goes_on(refuses, message, reason):
    at = AppTest.from_string(COUNTER).run()
    refuses(at, message, match=reason)
    at.button[0].click().run()
    assert at.markdown[0].value == "Count: 1"


def test_a_value_outside_the_widget_definition_changes_nothing(refuses):
    at = AppTest.from_string("""
        import appcore as st
        st.markdown(st.text_input("t", max_chars=3, key="t"))
    """).run()
    field = at.text_input[0].id
    for bad in ["toolong", 42, ["x"]]:
        refuses(at, {"t": "widget", "id": field, "value": bad}, match="refused")
    refuses(at, {"t": "widget", "id": field}, match="no value")
    assert at.session_state["t"] == "" and at.markdown[0].value == ""


def test_a_disabled_button_cannot_be_clicked_by_a_crafted_message(refuses):
    at = AppTest.from_string("""
        import appcore as st
        st.session_state.setdefault("deleted", False)
        if st.button("Delete everything", disabled=True):
            st.session_state.deleted = True
    """).run()
    refuses(at, {"t": "widget", "id": at.button[0].id, "value": True}, match="is disabled")
    assert at.session_state["deleted"] is False


def test_callbacks_run_before_the_script_with_args_and_may_write_state():
    at = AppTest.from_string("""
        import appcore as st
        def clicked(amount, *, label):
            st.session_state.total = st.session_state.get("total", 0) + amount
            st.session_state.label = label
        st.button("add", on_click=clicked, args=(5,), kwargs={"label": "five"})
        st.markdown(f"{st.session_state.get('total')} {st.session_state.get('label')}")
    """).run()
    at.button[0].click().run()
    assert at.markdown[0].value == "5 five"


def test_rerun_inside_a_callback_is_the_one_rerun_the_click_makes():
    # Checked on Streamlit 1.67: st.rerun() in an on_click gives one full run, no warning.
    at = AppTest.from_string("""
        import appcore as st
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        st.button("b", on_click=st.rerun)
        st.markdown(str(st.session_state.runs))
    """).run()
    at.button[0].click().run()
    assert at.markdown[0].value == "2"
    assert len(at.runs) == 2


def test_rerun_fragment_scope_outside_a_fragment_run_is_an_error():
    at = AppTest.from_string("""
        import appcore as st
        st.rerun(scope="fragment")
    """).run()
    assert "fragment" in at.exception[0].message


def test_sessions_are_independent():
    first = AppTest.from_string(COUNTER).run()
    second = AppTest.from_string(COUNTER).run()
    first.button[0].click().run()
    second.run()
    assert first.markdown[0].value == "Count: 1" and second.markdown[0].value == "Count: 0"


def test_closed_session_refuses_new_runs():
    at = AppTest.from_string(COUNTER).run()
    runs = at.session.runs_started
    at.app.close_session(at.session)
    at.session.request_rerun(RerunRequest())
    assert at.session.wait_idle(5)
    assert not at.session.pending and at.session.runs_started == runs


def test_an_ignore_widget_holds_its_value_until_something_else_reruns():
    at = AppTest.from_string("""
        import appcore as st
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        quiet = st.checkbox("quiet", on_change="ignore")
        st.button("go")
        st.markdown(f"runs={st.session_state.runs} quiet={quiet}")
    """).run()
    at.checkbox[0].check().run()
    assert at.markdown[0].value == "runs=1 quiet=False"
    at.button[0].click().run()
    assert at.markdown[0].value == "runs=2 quiet=True"


def test_a_detached_session_queues_nothing_and_a_reattached_tab_gets_everything(reconnect):
    at = AppTest.from_string(COUNTER).run()
    session = at.session
    session.detach(at._browser)
    runs = session.runs_started
    session.request_rerun(RerunRequest())
    assert session.wait_idle(5) and session.runs_started == runs + 1
    assert session._outbox == [] and session.shown == {}
    reconnect(at)
    at._wait(5)
    assert [e.type for e in at.main.children] == ["button", "markdown"]


def test_a_tab_that_reconnects_during_a_click_run_gets_the_whole_page(gates, reconnect):
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import click_run
        box = st.container()
        if st.button("go"):
            click_run.arrive()
        box.markdown("inside the box")
    """).run()
    with gates.click_run.closed():
        at.session.handle_message({"t": "widget", "id": at.button[0].id, "value": True})
        gates.click_run.wait_arrival()  # the click's run is working when the socket drops
        reconnect(at)
    at._wait(5)
    assert sorted(e.element_type for e in at._elements()) == ["button", "container", "markdown"]
    assert at.container[0].children[0].value == "inside the box"
