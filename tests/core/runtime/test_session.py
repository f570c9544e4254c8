"""Sessions: widget values from the browser, coalescing, interruption, bad input."""
from __future__ import annotations

import logging
import time

import pytest

from appcore.runtime.run import RerunRequest
from appcore.runtime.session import BadMessage
from appcore.testing import AppTest

COUNTER = """
    import time, appcore as st
    st.session_state.setdefault("n", 0)
    if st.button("+"):
        st.session_state.n += 1
    time.sleep(st.session_state.get("delay", 0))
    st.markdown(f"Count: {st.session_state.n}")
"""


def test_two_fast_clicks_are_both_counted():
    at = AppTest.from_string(COUNTER).run()
    at.session_state["delay"] = 0.3
    button = at.button[0].id
    session = at.session
    session.handle_message({"t": "widget", "id": button, "value": True})
    time.sleep(0.05)  # the first click's run is in flight
    session.handle_message({"t": "widget", "id": button, "value": True})
    at._wait(5)
    assert at.markdown[0].value == "Count: 2"


def test_a_newer_request_interrupts_a_slow_run_at_its_next_st_call():
    at = AppTest.from_string("""
        import time, appcore as st
        name = st.text_input("Name", key="name")
        for i in range(30):
            time.sleep(0.02)
            st.markdown(f"{name} {i}")
    """).run()
    field = at.text_input[0].id
    at.session.handle_message({"t": "widget", "id": field, "value": "a"})
    time.sleep(0.1)
    at.session.handle_message({"t": "widget", "id": field, "value": "b"})
    at._wait(5)
    statuses = [r["status"] for r in at.runs]
    assert statuses[-2:] == ["interrupted", "complete"]
    assert at.markdown[-1].value == "b 29"


def test_requests_arriving_during_a_run_coalesce_into_one():
    at = AppTest.from_string("""
        import time, appcore as st
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        if st.button("go"):
            time.sleep(0.3)
        a = st.text_input("a")
        b = st.text_input("b")
        st.markdown(f"{a}{b}")
    """).run()
    session = at.session
    session.handle_message({"t": "widget", "id": at.button[0].id, "value": True})
    time.sleep(0.05)
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
def test_malformed_messages_are_rejected(message, reason):
    at = AppTest.from_string(COUNTER).run()
    with pytest.raises(BadMessage, match=reason):
        at.session.handle_message(message)
    at.button[0].click().run()
    assert at.markdown[0].value == "Count: 1"


def test_a_value_outside_the_widget_definition_changes_nothing():
    at = AppTest.from_string("""
        import appcore as st
        st.markdown(st.text_input("t", max_chars=3, key="t"))
    """).run()
    field = at.text_input[0].id
    for bad in ["toolong", 42, ["x"]]:
        with pytest.raises(BadMessage):
            at.session.handle_message({"t": "widget", "id": field, "value": bad})
    with pytest.raises(BadMessage):
        at.session.handle_message({"t": "widget", "id": at.session.widgets[field].id})
    assert at.session_state["t"] == "" and not at.session.pending


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


def test_rerun_inside_a_callback_is_a_noop_with_a_warning(caplog):
    at = AppTest.from_string("""
        import appcore as st
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        st.button("b", on_click=st.rerun)
        st.markdown(str(st.session_state.runs))
    """).run()
    with caplog.at_level(logging.WARNING):
        at.button[0].click().run()
    assert at.markdown[0].value == "2"
    assert "within a callback is a no-op" in caplog.text


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
    at.app.close_session(at.session)
    at.session.request_rerun(RerunRequest())
    assert not at.session.running


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


def test_a_detached_session_queues_nothing_and_a_reattached_tab_gets_everything():
    from appcore.testing import FakeBrowser

    at = AppTest.from_string(COUNTER).run()
    session = at.session
    session.detach(at._browser)
    session.request_rerun(RerunRequest())
    session.wait_idle(3)
    assert session._outbox == [] and session.shown == {}
    browser = FakeBrowser()
    session.attach(browser)
    session.request_rerun(RerunRequest())
    session.wait_idle(3)
    session.flush()
    assert [t for t, *_ in browser.tree.values()] == ["button", "markdown"]
