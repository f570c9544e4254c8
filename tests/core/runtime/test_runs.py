"""Runs: rerun, stop, errors, streaming order, script semantics (DESIGN.md §3)."""
from __future__ import annotations

import sys
import threading

from appcore.runtime.run import RerunRequest
from appcore.testing import AppTest


def test_rerun_ends_the_run_and_starts_another():
    at = AppTest.from_string("""
        import appcore as st
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        if st.session_state.runs == 1:
            st.rerun()
            st.markdown("never drawn")
        st.markdown(f"runs={st.session_state.runs}")
    """).run()
    assert at.markdown.values == ["runs=2"]
    assert [r["status"] for r in at.runs] == ["rerun", "complete"]


def test_stop_keeps_what_came_before_and_removes_what_came_after():
    at = AppTest.from_string("""
        import appcore as st
        st.markdown("before")
        if st.session_state.get("stop"):
            st.stop()
        st.markdown("after")
    """).run()
    assert at.markdown.values == ["before", "after"]
    at.session_state["stop"] = True
    at.run()
    assert at.markdown.values == ["before"]
    assert at.runs[-1]["status"] == "stopped"


def test_exception_is_shown_where_it_happened_and_the_session_lives_on():
    at = AppTest.from_string("""
        import appcore as st
        st.markdown("first")
        with st.sidebar:
            if st.session_state.get("fail"):
                1 / 0
        st.markdown("last")
    """).run()
    at.session_state["fail"] = True
    at.run()
    assert at.markdown.values == ["first"]
    (error,) = at.exception
    assert error.path[0] == "sidebar"
    assert error.props["type"] == "ZeroDivisionError"
    assert any("1 / 0" in line for line in error.stack_trace)
    assert not any("appcore" in line and "runtime" in line for line in error.stack_trace)
    at.session_state["fail"] = False
    at.run()
    assert at.markdown.values == ["first", "last"] and len(at.exception) == 0


def test_syntax_error_is_shown_and_the_previous_page_stays(tmp_path):
    script = tmp_path / "app.py"
    script.write_text("import appcore as st\nst.markdown('good')\n")
    at = AppTest(script).run()
    script.write_text("import appcore as st\nst.markdown('bad'\n")
    at.run()
    assert at.markdown.values == ["good"]
    assert at.errors and at.errors[0]["type"] == "SyntaxError"
    assert "line 2" in at.errors[0]["message"]
    script.write_text("import appcore as st\nst.markdown('fixed')\n")
    at.run()
    assert at.markdown.values == ["fixed"] and not at.errors


def test_script_is_compiled_once_per_file_version(tmp_path):
    script = tmp_path / "app.py"
    script.write_text("import appcore as st\nst.markdown('v1')\n")
    at = AppTest(script).run()
    code = at.app.compile_script(str(script))
    at.run().run()
    assert at.app.compile_script(str(script)) is code
    script.write_text("import appcore as st\nst.markdown('version two')\n")
    at.run()
    assert at.app.compile_script(str(script)) is not code and at.markdown.values == ["version two"]


def test_main_semantics_and_script_folder_on_sys_path(tmp_path):
    (tmp_path / "helper_module_xyz.py").write_text("GREETING = 'hi from a module'\n")
    script = tmp_path / "app.py"
    script.write_text(
        "import appcore as st\nimport helper_module_xyz\n"
        f"st.markdown(__name__ + ' ' + str(__file__ == {str(script)!r}) + ' ' + helper_module_xyz.GREETING)\n"
    )
    at = AppTest(script).run()
    assert at.markdown.values == ["__main__ True hi from a module"]


def test_elements_the_run_did_not_draw_are_removed():
    at = AppTest.from_string("""
        import appcore as st
        if st.session_state.get("more"):
            st.markdown("extra")
        st.markdown("always")
    """)
    at.session_state["more"] = True
    at.run()
    assert at.markdown.values == ["extra", "always"]
    at.session_state["more"] = False
    at.run()
    assert at.markdown.values == ["always"]


def test_unchanged_elements_are_not_sent_again():
    at = AppTest.from_string("""
        import appcore as st
        st.session_state.setdefault("n", 0)
        if st.button("+"):
            st.session_state.n += 1
        for i in range(1000):
            st.markdown(f"line {i}" if i != 500 else f"count {st.session_state.n}")
    """).run()
    sent_before = len(at._browser.messages)
    at.button[0].click().run()
    ops = [op for m in at._browser.messages[sent_before:] if m["t"] == "delta" for op in m["ops"]]
    assert len(ops) == 1 and ops[0][3]["body"] == "count 1"
    assert at.markdown[500].value == "count 1"


def test_deltas_stream_while_the_script_runs(gates):
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import working
        st.markdown("early")
        working.arrive()
        st.markdown("late")
    """)
    session = at.session
    with gates.working.closed():
        session.request_rerun(RerunRequest())
        gates.working.wait_arrival()  # the run is in flight, between its two elements
        session.flush()
        assert at.markdown.values == ["early"]
    at._wait(5)
    assert at.markdown.values == ["early", "late"]


def test_user_code_cannot_swallow_control_flow():
    at = AppTest.from_string("""
        import appcore as st
        try:
            st.stop()
        except Exception:
            st.markdown("swallowed")
        st.markdown("after")
    """).run()
    assert at.markdown.values == [] and at.runs[-1]["status"] == "stopped"


def test_runs_execute_off_the_calling_thread():
    at = AppTest.from_string("""
        import threading, appcore as st
        st.markdown(threading.current_thread().name)
    """).run()
    (name,) = at.markdown.values
    assert name.startswith("appcore-run-") and name != threading.current_thread().name


def test_a_deleted_script_shows_an_error_and_the_page_stays(tmp_path):
    script = tmp_path / "app.py"
    script.write_text("import appcore as st\nst.markdown('here')\n")
    at = AppTest(script).run()
    script.unlink()
    at.run()
    assert at.markdown.values == ["here"]
    assert "cannot be read" in at.errors[0]["message"]
    script.write_text("import appcore as st\nst.markdown('back')\n")
    at.run()
    assert at.markdown.values == ["back"] and not at.errors


def test_an_uncaught_exception_is_shown_where_it_happened_not_in_an_earlier_with_block():
    at = AppTest.from_string("""
        import appcore as st
        try:
            with st.container():
                st.markdown("box")
                raise KeyError("handled")
        except KeyError:
            pass
        st.markdown("below")
        raise ValueError("real error")
    """).run()
    assert at.exception[0].message == "real error"
    assert at.exception[0].path == ("main", 2)  # at the top level after "below", not inside the box


def test_overlapping_runs_of_two_sessions_give_sys_modules_main_back(gates):
    """Each run makes its script __main__ (as Streamlit does); when runs of two
    sessions overlap, the process's own __main__ must be back once both end."""
    original = sys.modules.get("__main__")
    a = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import a_run
        a_run.arrive()
        st.markdown("a")
    """).run()
    b = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import b_run
        b_run.arrive()
        st.markdown("b")
    """).run()
    try:
        with gates.a_run.closed(), gates.b_run.closed():
            a.session.request_rerun(RerunRequest())
            gates.a_run.wait_arrival()  # a's script is __main__
            b.session.request_rerun(RerunRequest())
            gates.b_run.wait_arrival()  # now b's is
            gates.a_run.open()
            a._wait(5)  # a ends while b still runs
        b._wait(5)
        assert [r["status"] for r in a.runs + b.runs] == ["complete"] * 4
        assert sys.modules.get("__main__") is original
    finally:
        if original is not None:
            sys.modules["__main__"] = original


def test_a_script_exception_is_logged_as_a_warning_with_its_traceback(caplog):
    import logging

    from appcore.testing import AppTest

    with caplog.at_level(logging.WARNING, logger="appcore.run"):
        at = AppTest.from_string("def broken():\n    raise ValueError('no luck')\nbroken()\n").run()
    assert at.exception[0].message == "no luck"
    (record,) = [r for r in caplog.records if r.name == "appcore.run"]
    assert record.levelno == logging.WARNING and "ValueError: no luck" in record.getMessage()
    assert "in broken" in record.getMessage() and "raise ValueError('no luck')" in record.getMessage()
    assert "runtime/run.py" not in record.getMessage(), "only the script's own frames"
