"""Edge cases a review of the core found: races, lost values, misplaced errors.

Each failed before its fix; they pin the behaviour a user relies on.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from appcore.runtime.run import RerunRequest
from appcore.runtime.session import BadMessage
from appcore.testing import AppTest, FakeBrowser


# -- clear_on_submit also when the submit handler calls st.rerun() ---------------------


def test_clear_on_submit_clears_even_when_the_submit_handler_calls_rerun():
    at = AppTest.from_string("""
        import appcore as st
        st.session_state.setdefault("items", [])
        with st.form("add", clear_on_submit=True):
            name = st.text_input("name", key="name")
            if st.form_submit_button("Add"):
                st.session_state["items"].append(name)
                st.rerun()
        st.markdown(",".join(st.session_state["items"]))
    """).run()
    at.text_input[0].input("apple")
    at.button[0].click().run()
    assert at.markdown[0].value == "apple"
    assert at.text_input[0].value == ""          # Streamlit clears the field on submit
    assert at.text_input[0].props["value"] == ""  # and the browser shows it cleared


# -- a fragment's run is not cut short by other fragments' requests --------------------


def test_a_fragment_run_is_not_lost_when_another_fragment_reruns():
    at = AppTest.from_string("""
        import time, appcore as st

        @st.fragment
        def slow():
            n = st.number_input("n", value=0, key="n")
            time.sleep(0.4)
            st.markdown(f"slow sees {n}")

        @st.fragment
        def other():
            st.button("tick")
            st.markdown("other")

        slow()
        other()
    """).run()
    session = at.session
    session.handle_message({"t": "widget", "id": at.number_input[0].id, "value": 5})
    time.sleep(0.15)  # the slow fragment's run is in flight
    session.handle_message({"t": "fragment_tick", "id": at.get("fragment")[1].props["id"]})
    at._wait(5)
    assert at.number_input[0].value == 5
    assert at.markdown[0].value == "slow sees 5"


def test_a_slow_run_every_fragment_is_not_cut_short_by_its_own_next_tick():
    """differences.md: ticks that arrive while the fragment runs merge into one run."""
    at = AppTest.from_string("""
        import time, appcore as st

        @st.fragment(run_every=0.2)
        def clock():
            st.markdown("computing")
            time.sleep(0.5)
            st.markdown("result")

        clock()
    """).run()
    fragment_id = at.get("fragment")[0].props["id"]
    for _ in range(8):  # the browser's timer, every 0.2 s, for 1.6 s
        at.session.handle_message({"t": "fragment_tick", "id": fragment_id})
        time.sleep(0.2)
    at._wait(5)
    statuses = [r["status"] for r in at.runs if r["partial"] == fragment_id]
    assert "interrupted" not in statuses, statuses
    assert statuses.count("complete") >= 2, statuses


# -- an exception in a fragment or dialog run is shown inside it -----------------------


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
    fragment_path = at.get("fragment")[0].path
    at.button[0].click().run()
    assert "after the fragment" in [m.value for m in at.markdown]
    assert at.exception[0].path[:len(fragment_path)] == fragment_path


def test_an_exception_in_a_dialog_run_is_shown_inside_the_dialog():
    at = AppTest.from_string("""
        import appcore as st

        @st.dialog("Edit")
        def edit():
            if st.button("save"):
                raise ValueError("cannot save")
            st.markdown("dialog body")

        st.markdown("first")
        if st.button("open"):
            edit()
        st.markdown("last")
    """).run()
    at.button[0].click().run()  # open
    at.get("dialog")[0].get("button")[0].click().run()  # save: raises inside the dialog
    assert [m.value for m in at.markdown if m.path[0] == "main"] == ["first", "last"]
    assert at.exception and at.exception[0].path[0] == "dialog"


# -- the Streamlit idiom that keeps a hidden widget's value ----------------------------


def test_a_key_reassigned_in_the_run_survives_its_widget_not_being_drawn():
    """Streamlit docs: `st.session_state.k = st.session_state.k` interrupts the widget
    clean-up, so a hidden widget's value is kept (multipage apps, tabs toggled by state)."""
    at = AppTest.from_string("""
        import appcore as st
        if "k" in st.session_state:
            st.session_state.k = st.session_state.k
        show = st.checkbox("show", value=True)
        if show:
            st.text_input("name", key="k")
        st.markdown(f"k={st.session_state.get('k')}")
    """).run()
    at.text_input[0].input("typed").run()
    at.checkbox[0].uncheck().run()
    assert at.markdown[0].value == "k=typed"
    at.checkbox[0].check().run()
    assert at.text_input[0].value == "typed"


# -- a tab that reconnects during a run gets the whole page ----------------------------


def test_a_tab_that_reconnects_during_a_click_run_gets_the_whole_page():
    at = AppTest.from_string("""
        import time, appcore as st
        box = st.container()
        if st.button("go"):
            time.sleep(0.4)
        box.markdown("inside the box")
    """).run()
    session = at.session
    session.handle_message({"t": "widget", "id": at.button[0].id, "value": True})
    time.sleep(0.15)  # the click's run sleeps; the tab's socket drops and it reconnects
    browser = FakeBrowser()
    session.detach(at._browser)
    session.attach(browser)
    session.request_rerun(RerunRequest())  # what server._open_session does
    assert session.wait_idle(5)
    session.flush()
    types = sorted(t for t, *_ in browser.tree.values())
    assert types == ["button", "container", "markdown"]


# -- a dismissed dialog's widgets are refused ------------------------------------------


def test_a_dismissed_dialogs_widgets_are_refused():
    at = AppTest.from_string("""
        import appcore as st
        st.session_state.setdefault("full_runs", 0)
        st.session_state.full_runs += 1

        @st.dialog("Settings")
        def settings():
            st.text_input("name", key="name")

        if st.button("open"):
            settings()
    """).run()
    at.button[0].click().run()
    field = at.get("dialog")[0].get("text_input")[0].id
    at.get("dialog")[0].dismiss().run()
    runs = at.session_state["full_runs"]
    with pytest.raises(BadMessage):  # docs/differences.md: "its widgets are refused afterwards"
        at.session.handle_message({"t": "widget", "id": field, "value": "late"})
    at._wait(5)
    assert at.session_state["full_runs"] == runs


# -- disabled widgets refuse values from the browser -----------------------------------


def test_a_disabled_button_cannot_be_clicked_by_a_crafted_message():
    at = AppTest.from_string("""
        import appcore as st
        st.session_state.setdefault("deleted", False)
        if st.button("Delete everything", disabled=True):
            st.session_state.deleted = True
    """).run()
    with pytest.raises(BadMessage):
        at.session.handle_message({"t": "widget", "id": at.button[0].id, "value": True})
    at._wait(5)
    assert at.session_state["deleted"] is False


# -- an on_change="ignore" value survives a skipped timer tick -------------------------


def test_a_held_value_survives_a_skipped_timer_tick():
    at = AppTest.from_string("""
        import time, appcore as st
        quiet = st.checkbox("quiet", on_change="ignore", key="quiet")
        if st.toggle("show clock", value=True):
            @st.fragment(run_every=60)
            def clock():
                st.markdown("tick")
            clock()
        else:
            time.sleep(0.4)
        st.button("go")
    """).run()
    session = at.session
    fragment_id = at.get("fragment")[0].props["id"]
    session.handle_message({"t": "widget", "id": at.toggle[0].id, "value": False})  # hides the clock
    time.sleep(0.1)  # that run is in flight; the clock's timer fires and the person ticks "quiet"
    session.handle_message({"t": "fragment_tick", "id": fragment_id})
    session.handle_message({"t": "widget", "id": at.checkbox[0].id, "value": True})
    at._wait(5)
    assert at.runs[-1]["status"] == "skipped"
    at.button[0].click().run()
    assert at.session_state["quiet"] is True


# -- overlapping runs of two sessions give sys.modules["__main__"] back ----------------


def test_concurrent_runs_restore_sys_modules_main(tmp_path: Path):
    (tmp_path / "sync_helper.py").write_text(
        "import threading\na_started = threading.Event()\nb_started = threading.Event()\na_done = threading.Event()\n")
    sys.path.insert(0, str(tmp_path))
    try:
        original = sys.modules.get("__main__")
        a = AppTest.from_string("""
            import appcore as st, sync_helper as s
            st.session_state.setdefault("armed", False)
            if st.session_state.armed:
                s.a_started.set(); s.b_started.wait(3)
            st.markdown("a")
        """).run()
        b = AppTest.from_string("""
            import appcore as st, sync_helper as s
            st.session_state.setdefault("armed", False)
            if st.session_state.armed:
                s.a_started.wait(3); s.b_started.set(); s.a_done.wait(3)
            st.markdown("b")
        """).run()
        a.session_state["armed"] = True
        b.session_state["armed"] = True
        a.session.request_rerun(RerunRequest())
        b.session.request_rerun(RerunRequest())
        a.session.wait_idle(5)
        import sync_helper
        sync_helper.a_done.set()
        b.session.wait_idle(5)
        assert sys.modules.get("__main__") is original
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("sync_helper", None)
        if original is not None:
            sys.modules["__main__"] = original


# -- an exception is shown where it happened, not in an earlier with block -------------


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
    assert len(at.exception[0].path) == 2  # at the top level, after "below"; now inside the box


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
    assert [m.value for m in at.markdown] == ["page title", "in fragment"]


# -- a dialog dismissed during its own run reopens whole -------------------------------


def test_a_dialog_dismissed_during_its_own_run_reopens_whole():
    at = AppTest.from_string("""
        import time, appcore as st

        @st.dialog("Slow")
        def slow():
            if st.button("work"):
                time.sleep(0.4)
            st.markdown("dialog text")

        if st.button("open"):
            slow()
    """)
    at._browser = FakeBrowser()
    at.run()
    at.button[0].click().run()
    dialog = at.get("dialog")[0]
    session = at.session
    session.handle_message({"t": "widget", "id": dialog.get("button")[0].id, "value": True})
    time.sleep(0.15)  # the dialog's run is working; the person presses Esc
    at._browser._remove(dialog.path)
    session.handle_message({"t": "dialog_dismissed", "id": dialog.props["id"]})
    at._wait(5)
    at.button[0].click().run()  # open it again
    assert [m.value for m in at.get("dialog")[0].get("markdown")] == ["dialog text"]


# -- websocket robustness: a bad frame is refused, the socket goes on ------------------


async def _tab(aiohttp_client, tmp_path: Path, **server: Any) -> tuple[Any, Any]:
    import appcore_control
    import appcore_elements

    from appcore.app import App
    from appcore.config import Config
    from appcore.server import build_web_app

    script = tmp_path / "app.py"
    script.write_text("import appcore as st\nst.markdown('hi')\n", encoding="utf-8")
    config = Config()
    config.server.run_on_save = False
    for name, value in server.items():
        setattr(config.server, name, value)
    app = App(script, config, plugins=[appcore_elements, appcore_control], autoload_plugins=False)
    client = await aiohttp_client(build_web_app(app))
    ws = await client.ws_connect("/_appcore/stream")
    await ws.send_json({"t": "hello", "session": None, "path": "/"})
    await _until_idle(ws)
    return client, ws


async def _until_idle(ws: Any) -> None:
    while True:
        msg = await ws.receive(timeout=5)
        assert msg.type.name == "TEXT", (msg.type, msg.data)
        if any(m["t"] == "run" and m["state"] == "idle" for m in json.loads(msg.data)):
            return


async def test_a_deeply_nested_json_frame_is_refused_and_the_socket_goes_on(aiohttp_client, tmp_path: Path):
    _client, ws = await _tab(aiohttp_client, tmp_path)
    await ws.send_str("[" * 100_000)  # 100 kB, far below max_message_mb
    await ws.send_json({"t": "rerun"})
    await _until_idle(ws)
    assert not ws.closed


async def test_a_frame_over_the_limit_is_refused_and_the_socket_goes_on(aiohttp_client, tmp_path: Path):
    _client, ws = await _tab(aiohttp_client, tmp_path, max_message_mb=0.001)  # 1,000 bytes
    await ws.send_str(json.dumps({"t": "rerun", "padding": "x" * 5000}))
    await ws.send_json({"t": "rerun"})
    await _until_idle(ws)
    assert not ws.closed


# -- a failing session store does not leave the run half-finished ----------------------


class _FlakyStore:
    """A store plugin (Redis-like) whose save fails, as on a network blip."""

    saves = True

    def save(self, session_id: str, values: dict[str, Any]) -> list[str]:
        raise ConnectionError("store unreachable")

    def load(self, session_id: str) -> dict[str, Any] | None:
        return None


class _FlakyStorePlugin:
    from appcore.plugin import hookimpl

    @hookimpl
    def appcore_resolve_session_store(self, app: Any) -> Any:
        return _FlakyStore()


def test_a_failing_session_store_does_not_leave_the_tab_running_or_the_button_pressed():
    at = AppTest.from_string("""
        import appcore as st
        st.button("go", key="go")
        st.markdown(f"go={st.session_state.go}")
    """, plugins=[_FlakyStorePlugin()]).run()
    at.button[0].click().run()
    assert at.runs and at.runs[-1]["status"] == "complete"
    assert at.session_state["go"] is False                 


# -- a dialog opened by a fragment is not stacked on each fragment rerun ---------------


def test_a_dialog_opened_by_a_fragment_is_not_stacked_on_each_fragment_rerun():
    at = AppTest.from_string("""
        import appcore as st

        @st.dialog("Alert")
        def alert():
            st.markdown("temperature too high")

        @st.fragment(run_every=60)
        def monitor():
            st.markdown("monitoring")
            if st.session_state.get("hot"):
                alert()

        monitor()
    """).run()
    at.session_state["hot"] = True
    fragment_id = at.get("fragment")[0].props["id"]
    for _ in range(3):
        at.send({"t": "fragment_tick", "id": fragment_id}).run()
    assert len(at.get("dialog")) == 1


# -- after a reload a form shows what its submit will send -----------------------------


def test_after_a_reload_a_form_field_shows_what_its_submit_will_send():
    at = AppTest.from_string("""
        import appcore as st
        with st.form("f"):
            name = st.text_input("name")
            ok = st.form_submit_button("Save")
        st.markdown(f"saved={name if ok else None}")
    """).run()
    at.text_input[0].input("Ada").run()  # typed, not submitted: held by the server
    session = at.session
    fresh = FakeBrowser()  # the person reloads the tab
    session.detach(at._browser)
    at._browser = fresh
    session.attach(fresh)
    session.request_rerun(RerunRequest())
    at._wait(5)
    shown = at.text_input[0].props["value"]
    at.button[0].click().run()
    assert at.markdown[0].value == f"saved={shown}"


# -- magic inside methods --------------------------------------------------------------


def test_magic_writes_a_bare_expression_inside_a_method():
    at = AppTest.from_string("""
        import appcore as st
        class Report:
            def render(self):
                total = 42
                total
        Report().render()
    """).run()
    assert len(at._browser.tree) == 1  # Streamlit shows 42; appcore shows nothing
