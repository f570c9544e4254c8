"""Stopping a run from outside: the page's Stop ({"t": "stop"}), the end of its session,
``[runner] max_run_seconds``; even a run that makes no st call, through an
asynchronous exception into its thread. A test waits on a gate or on the run's end,
never on a clock; the runaway scripts are the thing under test."""
from __future__ import annotations

import ctypes
import logging
import threading

import pytest

from appcore.config import Config, RunnerConfig
from appcore.runtime import run as run_module
from appcore.runtime.errors import CancelRequested
from appcore.runtime.run import Run, _set_async_exc
from appcore.testing import AppTest

RUNAWAYS = {
    "a busy loop": "while True:\n        pass",
    "a loop of short sleeps": "while True:\n        time.sleep(0.005)",
    "time.sleep(1e6) in short sleeps": "for _ in range(int(1e6)):\n        time.sleep(0.001)",
    "an allocation loop": "junk = []\n    while True:\n        junk.append(bytearray(10_000))\n        del junk[:-1000]",
    "a loop that catches Exception": ("while True:\n        try:\n            sum(range(1000))\n"
                                      "        except Exception:\n            pass"),
}


def runaway_app(body: str) -> AppTest:
    return AppTest.from_string(f"""
import time
import appcore as st
from appcore_test_gates import started
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
st.markdown(f"runs={{st.session_state.runs}}")
if st.button("spin"):
    started.arrive()
    {body}
""").run()


def start_runaway(at: AppTest, gates) -> Run:
    """Click "spin" and return once its run is inside the runaway code."""
    return gates.started.run_arriving(at, {"t": "widget", "id": at.button[0].id, "value": True})


def idle_messages(at: AppTest) -> list[dict]:
    return [m for m in at._browser.messages if m["t"] == "run" and m["state"] == "idle"]


@pytest.mark.parametrize("body", RUNAWAYS.values(), ids=RUNAWAYS.keys())
def test_the_page_stops_a_run_that_makes_no_st_call(gates, body):
    at = runaway_app(body)
    run = start_runaway(at, gates)
    at.session.handle_message({"t": "stop"})
    at._wait(5)
    assert run.status == "cancelled"
    assert idle_messages(at)[-1] == {"t": "run", "state": "idle", "run": run.number, "status": "cancelled",
                                     "partial": None, "stopped_by": "page"}
    assert at.session_state["runs"] == 2
    at.run()  # the session lives on: the next interaction reruns, state kept
    assert at.markdown[0].value == "runs=3"
    assert idle_messages(at)[-1]["status"] == "complete"


def test_a_stopped_run_keeps_the_page_as_it_was(gates):
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import started
        st.markdown("top")
        if st.button("spin"):
            started.arrive()
            while True:
                pass
        st.markdown("bottom")
    """).run()
    start_runaway(at, gates)
    at.session.handle_message({"t": "stop"})
    at._wait(5)
    assert at.markdown.values == ["top", "bottom"]  # nothing pruned: the run did not finish


def test_a_run_making_st_calls_stops_at_the_next_one(gates):
    at = runaway_app("i = 0\n    while True:\n        i += 1\n        st.session_state.spun = i")
    run = start_runaway(at, gates)
    at.session.stop()
    at._wait(5)
    assert run.status == "cancelled"


def test_stop_drops_the_clicks_waiting_behind_and_keeps_the_values(gates):
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import started
        st.session_state.setdefault("clicks", 0)
        name = st.text_input("name")
        if st.button("spin"):
            st.session_state.clicks += 1
            started.arrive()
            while True:
                pass
        st.markdown(f"name={name}")
    """).run()
    session = at.session
    start_runaway(at, gates)
    session.handle_message({"t": "widget", "id": at.text_input[0].id, "value": "typed"})
    session.handle_message({"t": "widget", "id": at.button[0].id, "value": True})
    session.handle_message({"t": "stop"})
    at._wait(5)
    assert at.session_state["clicks"] == 1  # the waiting click did not run
    at.run()
    assert at.markdown[0].value == "name=typed"


def test_stop_with_no_run_in_flight_does_nothing():
    at = AppTest.from_string("import appcore as st\nst.markdown('x')").run()
    runs = at.session.runs_started
    at.session.handle_message({"t": "stop"})
    at._wait(5)
    assert at.session.runs_started == runs and not at.session.stop()


def test_the_end_of_a_session_stops_its_runaway_run(gates):
    at = runaway_app(RUNAWAYS["a busy loop"])
    run = start_runaway(at, gates)
    at.app.close_session(at.session)
    assert at.session.wait_idle(5)  # the script thread has ended: no CPU left burning
    assert run.status == "cancelled" and run.stop_reason == "session"


def test_a_run_inside_a_call_that_never_returns_is_reported_and_stops_when_it_returns(gates, monkeypatch, caplog):
    monkeypatch.setattr(run_module, "STOP_GRACE_SECONDS", 0.1)
    reported = threading.Event()
    report = Run._report_unstoppable
    monkeypatch.setattr(Run, "_report_unstoppable", lambda self: (report(self), reported.set()))
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import started, stuck
        if st.button("block"):
            started.arrive()
            stuck.arrive()   # waits in a C call (a lock) while the gate is closed
        st.markdown("after")
    """).run()
    with gates.stuck.closed(), caplog.at_level(logging.WARNING):
        run = start_runaway(at, gates)
        gates.stuck.wait_arrival()
        at.session.handle_message({"t": "stop"})
        assert reported.wait(5)
        at.session.flush()
        (error,) = [m for m in at._browser.messages if m["t"] == "error"]
        assert error["kind"] == "stop" and error["run"] == run.number
        assert "could not be stopped" in error["message"] and "stuck.arrive()" in error["message"]
        assert "could not be stopped" in caplog.text
        assert run.status == "running"
    at._wait(5)  # the call returned: the stop on its way landed
    assert run.status == "cancelled"


def test_max_run_seconds_stops_a_long_run_with_a_message_in_the_page(gates, caplog):
    config = Config(runner=RunnerConfig(max_run_seconds=0.2))
    at = AppTest.from_string("""
        import appcore as st
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        if st.session_state.runs == 2:
            while True:
                pass
        st.markdown(f"runs={st.session_state.runs}")
    """, config=config).run()
    with caplog.at_level(logging.WARNING):
        at.run(timeout=5)
    idle = idle_messages(at)[-1]
    assert idle["status"] == "cancelled" and idle["stopped_by"] == "timeout"
    assert "max_run_seconds" in idle["message"] and "max_run_seconds" in caplog.text
    at.run()
    assert at.markdown[0].value == "runs=3"  # a quick run is not stopped


def test_max_run_seconds_is_read_from_the_config_file(tmp_path):
    (tmp_path / ".appcore").mkdir()
    (tmp_path / ".appcore" / "config.toml").write_text("[runner]\nmax_run_seconds = 30\n")
    assert Config.load(tmp_path, env={}).runner.max_run_seconds == 30.0
    assert Config.load(tmp_path, env={"APPCORE_RUNNER_MAX_RUN_SECONDS": "2.5"}).runner.max_run_seconds == 2.5
    assert Config().runner.max_run_seconds is None


def test_a_stop_on_its_way_is_cancelled_before_it_lands():
    """What Run._leave_script relies on: a cleared asynchronous exception never lands."""
    lock = threading.Lock()
    lock.acquire()
    landed: list[str] = []

    def blocked() -> None:
        try:
            lock.acquire()  # a C call: the exception waits for it to return
            sum(range(10_000))
            landed.append("no")
        except CancelRequested:
            landed.append("yes")

    thread = threading.Thread(target=blocked)
    thread.start()
    assert _set_async_exc(thread.ident, CancelRequested) == 1
    assert _set_async_exc(thread.ident, ctypes.py_object()) == 1
    lock.release()
    thread.join(5)
    assert landed == ["no"]
