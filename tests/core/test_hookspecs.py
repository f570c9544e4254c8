"""Every hook in core/hookspecs.py, used as a third-party plugin uses it: a small
plugin class with ``@hookimpl``, handed to ``AppTest``/``App`` (or found through
an entry point, for the CLI), each test checking what the hook's docstring
promises: when it is called, with what, and how results combine.

The last tests keep the set honest: every hookspec is documented, called by the
core, and has a test here (STYLE.md, "Structural tests").
"""
from __future__ import annotations

import ast
import asyncio
import inspect
import json
import re
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from appcore import hookspecs
from appcore.app import App, PluginConflict
from appcore.config import Config
from appcore.plugin import ElementType, Navigation, PageEntry, RerunRequest, add_element, hookimpl
from appcore.server import build_web_app
from appcore.testing import AppTest, FakeBrowser
from appcore.warmup import warm_up
from tests.helpers import install_distribution

ROOT = Path(__file__).resolve().parents[2]
SPECS = sorted(name for name, f in inspect.getmembers(hookspecs, inspect.isfunction)
               if name.startswith("appcore_"))


def write_script(tmp_path: Path, source: str = "", name: str = "app.py") -> Path:
    script = tmp_path / name
    script.write_text(source, encoding="utf-8")
    return script


def quiet_config(base_url_path: str = "") -> Config:
    """A server config for in-process tests: no file watcher."""
    config = Config()
    config.server.run_on_save = False
    config.server.base_url_path = base_url_path
    return config


def page(browser: FakeBrowser, type: str = "markdown") -> list[Any]:
    """What a tab shows of one element type, in page order."""
    return [props.get("body") for path, (kind, props, _wid, _key) in sorted(browser.tree.items(), key=str)
            if kind == type]


def opened_and_idle(app: App, hello: dict[str, Any]) -> tuple[Any, FakeBrowser]:
    """A tab says hello; returns its session once the first run reached the tab."""
    browser = FakeBrowser()
    session = app.open_tab(browser, hello)
    assert session.wait_idle(5), "the first run did not end"
    session.flush()
    return session, browser


async def ws_until_idle(ws: Any, seen: list[dict[str, Any]]) -> None:
    """Read frames (lists of messages) until a run ends."""
    async with asyncio.timeout(5):
        while True:
            frame = json.loads((await ws.receive()).data)
            seen.extend(frame)
            if any(m["t"] == "run" and m["state"] == "idle" for m in frame):
                return


# -- start-up: contributions -------------------------------------------------------------


async def test_appcore_register_elements_gives_an_element_type_whose_module_the_browser_loads(
        aiohttp_client, tmp_path):
    renderer = tmp_path / "badge.js"
    renderer.write_text("export function mount(root, props) { root.textContent = props.text; }")
    calls: list[App] = []

    class Badges:
        @hookimpl
        def appcore_register_elements(self, app):
            calls.append(app)
            return [ElementType("badge", renderer)]

    class Copycat:
        @hookimpl
        def appcore_register_elements(self):
            return [ElementType("badge", None)]

    app = App(write_script(tmp_path), quiet_config(), plugins=[Badges()], autoload_plugins=False)
    assert calls == [app], "called once, with the App being built"
    assert app.element_types["badge"].plugin == "Badges"
    url = app.services.hello["elements"]["badge"]  # what every tab is told in its hello
    assert re.fullmatch(r"/_appcore/plugins/Badges/badge\.[0-9a-f]{10}\.js", url), url
    client = await aiohttp_client(build_web_app(app))
    response = await client.get(url)
    assert response.status == 200 and await response.text() == renderer.read_text()

    with pytest.raises(PluginConflict, match="Element type 'badge' is registered twice: by plugin 'Badges' "
                                             "and by plugin 'Copycat'"):
        App(write_script(tmp_path), plugins=[Badges(), Copycat()], autoload_plugins=False)


def test_each_tab_is_told_what_an_element_module_imports_by_relative_path_so_it_fetches_them_together(
        tmp_path):
    renderer = tmp_path / "badge.js"
    renderer.write_text('import { html } from "appcore";\n'
                        'import {\n  pill,\n  dot as spot,\n} from "./_pill.js";\n'
                        'import "./missing.js";\n'
                        'export function mount(root, props) { root.textContent = "./not-an-import.js"; }\n')
    (tmp_path / "_pill.js").write_text('export * from "./parts/dot.js";\nexport const pill = 1;\n')
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "dot.js").write_text('import "../_pill.js";\nimport "./../../outside.js";\n'
                                              "export const dot = 2;\n")
    (tmp_path.parent / "outside.js").write_text("export {};")
    (tmp_path / "plain.js").write_text("export function mount() {}")

    class Badges:
        @hookimpl
        def appcore_register_elements(self):
            return [ElementType("badge", renderer), ElementType("plain", tmp_path / "plain.js")]

    app = App(write_script(tmp_path), quiet_config(), plugins=[Badges()], autoload_plugins=False)
    # A cycle is followed once; what is missing, outside the module's folder or not an
    # import statement is not named; a module without such imports is left out.
    assert app.services.hello["imports"] == {"badge": ["_pill.js", "parts/dot.js"]}


def stamp(text: str) -> Any:
    return add_element("stamp", {"text": text})  # st.badge is Streamlit's own, bundled


def test_appcore_register_api_adds_st_names_that_draw_in_the_current_container_and_may_read_the_app():
    seen: list[str] = []

    class Api:
        @hookimpl
        def appcore_register_elements(self):
            return [ElementType("stamp", None)]

        @hookimpl
        def appcore_register_api(self, app):
            seen.append(app.config.theme.base)
            return {"stamp": stamp, "answer": 42}

    class Rival:
        @hookimpl
        def appcore_register_api(self):
            return {"answer": 41}

    at = AppTest.from_string("""
        import appcore as st
        st.stamp("top")
        st.sidebar.stamp("side")
        with st.container():
            st.stamp("inside")
        st.session_state.a = st.answer
    """, plugins=[Api()]).run()
    assert not at.exception
    assert seen == ["light"] and at.session_state.a == 42
    assert [(b.path, b.text) for b in at.stamp] == [
        (("main", 0), "top"), (("main", 1, 0), "inside"), (("sidebar", 0), "side")]
    with pytest.raises(PluginConflict, match="st.answer is registered twice: by plugin 'Api' and by plugin 'Rival'"):
        App(at.app.script_path, plugins=[Api(), Rival()], autoload_plugins=False)


async def test_appcore_register_components_serves_each_folder_path_safely_under_its_name(aiohttp_client, tmp_path):
    folder = tmp_path / "gauge"
    folder.mkdir()
    (folder / "index.html").write_text("<p>gauge component</p>")
    (folder / "build_tool.py").write_text("SECRET = 1")

    class Gauge:
        @hookimpl
        def appcore_register_components(self, app):
            return {"gauge": folder}

    class Second:
        @hookimpl
        def appcore_register_components(self):
            return {"gauge": tmp_path}

    app = App(write_script(tmp_path), quiet_config(), plugins=[Gauge()], autoload_plugins=False)
    client = await aiohttp_client(build_web_app(app))
    response = await client.get("/_appcore/components/gauge/index.html")
    assert response.status == 200 and await response.text() == "<p>gauge component</p>"
    for bad in ["/_appcore/components/gauge/build_tool.py", "/_appcore/components/gauge/%2e%2e/app.py",
                "/_appcore/components/nope/index.html", "/_appcore/components/gauge/missing.js"]:
        assert (await client.get(bad)).status == 404, bad

    with pytest.raises(PluginConflict, match="Component 'gauge' is registered twice: by plugin 'Gauge' "
                                             "and by plugin 'Second'"):
        App(app.script_path, plugins=[Gauge(), Second()], autoload_plugins=False)


async def test_appcore_register_client_events_handlers_get_the_session_and_message_on_the_event_loop(
        aiohttp_client, tmp_path):
    calls: list[tuple[Any, dict[str, Any], bool]] = []

    class Shine:
        @hookimpl
        def appcore_register_client_events(self, app):
            def shine(session, message):
                loop = asyncio.get_running_loop()  # raises off the event loop
                calls.append((session, message, loop is server_loop))
                session.state.values["shone"] = message["times"]
                session.request_rerun(RerunRequest())

            return {"shine": shine}

    app = App(write_script(tmp_path, "import appcore as st\nst.markdown(f\"shone {st.session_state.get('shone')}\")"),
              quiet_config(), plugins=[Shine()])
    server_loop = asyncio.get_running_loop()
    client = await aiohttp_client(build_web_app(app))
    ws = await client.ws_connect("/_appcore/stream")
    seen: list[dict[str, Any]] = []
    await ws.send_json({"t": "hello", "path": "/"})
    await ws_until_idle(ws, seen)
    session_id = next(m["id"] for m in seen if m["t"] == "session")
    await ws.send_json({"t": "shine", "times": 2})
    await ws_until_idle(ws, seen)  # the rerun the handler asked for
    await ws.close()

    assert [(session.id, message, on_loop) for session, message, on_loop in calls] == [
        (session_id, {"t": "shine", "times": 2}, True)]
    bodies = [op[3]["body"] for m in seen if m["t"] == "delta" for op in m["ops"] if op[0] == "e"]
    assert bodies == ["shone None", "shone 2"]


def test_a_client_event_type_no_plugin_registered_is_refused_and_the_cores_own_types_cannot_be_taken(
        refuses, tmp_path):
    class Shine:
        @hookimpl
        def appcore_register_client_events(self):
            return {"shine": lambda session, message: session.request_rerun(RerunRequest())}

    class Hijack:
        @hookimpl
        def appcore_register_client_events(self):
            return {"widget": lambda session, message: None}

    at = AppTest.from_string("import appcore as st\nst.markdown('hi')", plugins=[Shine()]).run()
    refuses(at, {"t": "glow"}, match="unknown message type 'glow'")
    at.send({"t": "shine"}).run()
    assert len(at.runs) == 2
    with pytest.raises(PluginConflict, match="Client message type 'widget' is the core's own; plugin 'Hijack'"):
        App(write_script(tmp_path), plugins=[Hijack()], autoload_plugins=False)


@pytest.mark.parametrize("prefix", ["", "/sub"])
async def test_appcore_register_routes_mounts_a_plugins_routes_under_the_apps_url_prefix(
        aiohttp_client, tmp_path, prefix):
    class Count:
        @hookimpl
        def appcore_register_routes(self, app):
            async def count(request: web.Request) -> web.Response:
                return web.json_response({"sessions": len(app.sessions)})

            return [web.get("/_count", count)]

    app = App(write_script(tmp_path), quiet_config(prefix), plugins=[Count()], autoload_plugins=False)
    client = await aiohttp_client(build_web_app(app))
    response = await client.get(f"{prefix}/_count")
    assert response.status == 200 and response.content_type == "application/json", (
        f"{prefix}/_count answered {response.status} {response.content_type}")
    assert await response.json() == {"sessions": 0}


def test_appcore_register_commands_adds_a_cli_subcommand_whose_handler_gives_the_exit_code(
        tmp_path, monkeypatch, capsys):
    # Installed as a third-party distribution is: a module and its entry point on sys.path.
    (tmp_path / "appcore_shout.py").write_text(
        "from appcore.plugin import hookimpl\n"
        "\n"
        "class Shout:\n"
        "    @hookimpl\n"
        "    def appcore_register_commands(self, subparsers):\n"
        "        parser = subparsers.add_parser('shout', help='print a word in capitals')\n"
        "        parser.add_argument('word')\n"
        "        parser.add_argument('--code', type=int, default=0)\n"
        "        parser.set_defaults(handler=lambda args: print(args.word.upper()) or args.code)\n"
        "\n"
        "plugin = Shout()\n")
    install_distribution(monkeypatch, tmp_path, "appcore-shout",
                         {"entry_points.txt": "[appcore]\nshout = appcore_shout:plugin\n"})
    from appcore.cli import build_parser, main

    try:
        assert main(["shout", "hello"]) == 0
        assert capsys.readouterr().out == "HELLO\n"
        assert main(["shout", "hello", "--code", "3"]) == 3, "the handler's return value is the exit code"
        assert "print a word in capitals" in build_parser().format_help()
    finally:
        sys.modules.pop("appcore_shout", None)


# -- sessions and runs: notifications ----------------------------------------------------


class Tab:
    """A browser tab that keeps nothing (the tests read the session)."""

    def wake(self, session: Any) -> None:
        pass

    def deliver(self, frame: str) -> None:
        pass


def test_appcore_server_started_is_called_once_the_script_is_compiled_and_a_failing_plugin_stops_no_other(
        tmp_path, caplog):
    """`appcore run` calls warm_up on a thread of its own once it listens and has built the App."""
    events: list[str] = []

    class Compiling(App):
        def compile_script(self, path: str):  # type: ignore[no-untyped-def]
            events.append(f"compiled {Path(path).name}")
            return super().compile_script(path)

    class Prepares:
        @hookimpl
        def appcore_server_started(self, app):
            events.append(f"started {Path(app.script_path).name}")

    class Breaks:
        @hookimpl
        def appcore_server_started(self):
            raise RuntimeError("no parser today")

    script = write_script(tmp_path, "import json\n")
    app = Compiling(script, quiet_config(), plugins=[Prepares(), Breaks()], autoload_plugins=False)
    with caplog.at_level("ERROR", logger="appcore"):
        warm_up(app)
    assert events == ["compiled app.py", "started app.py"], "once, after the script is compiled"
    assert "plugin 'Breaks': appcore_server_started failed" in caplog.text and "no parser today" in caplog.text
    # A script that does not compile is the run's to report: the plugins still prepare.
    broken = Compiling(write_script(tmp_path, "def (:\n", "broken.py"), quiet_config(), plugins=[Prepares()],
                       autoload_plugins=False)
    warm_up(broken)
    assert events[-2:] == ["compiled broken.py", "started broken.py"]


def test_appcore_session_opened_is_called_once_for_each_new_session_not_for_a_tab_that_comes_back(tmp_path):
    opened: list[tuple[Any, bool]] = []

    class Opened:
        @hookimpl
        def appcore_session_opened(self, session):
            opened.append((session, session.id in app.sessions))

    app = App(write_script(tmp_path), plugins=[Opened()])
    first = Tab()
    session = app.open_tab(first, {"t": "hello"})
    assert opened == [(session, True)]
    app.close_tab(session, first)
    assert app.open_tab(Tab(), {"t": "hello", "session": session.id}) is session
    assert opened == [(session, True)], "a tab that came back resumes its session: not a new one"
    twin = app.open_tab(Tab(), {"t": "hello", "session": session.id})  # a duplicated tab
    assert twin is not session and opened == [(session, True), (twin, True)]
    for s in (session, twin):
        assert s.wait_idle(5)

    at = AppTest.from_string("import appcore as st", plugins=[Opened()])
    app = at.app
    at.run()
    assert opened[-1] == (at.session, True)


def test_appcore_session_closed_is_called_after_expire_when_no_tab_came_back(tmp_path):
    closed: list[tuple[Any, bool, bool]] = []

    class Closed:
        @hookimpl
        def appcore_session_closed(self, session):
            closed.append((session, session.id in app.sessions, session.closed))

    app = App(write_script(tmp_path), plugins=[Closed()])
    tab = Tab()
    session = app.open_tab(tab, {"t": "hello"})
    assert session.wait_idle(5)
    app.close_tab(session, tab)
    back = Tab()
    app.open_tab(back, {"t": "hello", "session": session.id})
    assert session.wait_idle(5)
    app.expire(session)
    assert closed == [], "a tab came back within the grace period"
    app.close_tab(session, back)
    app.expire(session)
    assert closed == [(session, False, True)]
    app.expire(session)
    assert len(closed) == 1, "a session is closed once"


def test_appcore_run_started_is_called_on_the_script_thread_before_callbacks_and_the_script():
    class Started:
        @hookimpl
        def appcore_run_started(self, run):
            log = run.session.state.values.setdefault("log", [])
            log.append(("started", run.number, run.status, threading.current_thread().name))

    at = AppTest.from_string("""
        import threading, appcore as st
        def note(what):
            st.session_state.log.append((what, None, None, threading.current_thread().name))
        st.button("go", on_click=note, args=("callback",))
        note("script")
    """, plugins=[Started()]).run()
    at.button[0].click().run()
    log = at.session_state.log
    assert [entry[:3] for entry in log] == [
        ("started", 1, "running"), ("script", None, None),
        ("started", 2, "running"), ("callback", None, None), ("script", None, None)]
    threads = {entry[3] for entry in log}
    assert len(threads) == 1 and threads.pop().startswith("appcore-run-"), log


RUN_ENDS = {
    "complete": "st.markdown('hi')",
    "stopped": "st.stop()",
    "error": "raise ValueError('boom')",
    "rerun": "if st.session_state.get('again'):\n    st.session_state.again = False\n    st.rerun()",
    "compile_error": "def (",
    "interrupted": "from appcore_test_gates import work\nif st.session_state.get('wait'):\n    work.arrive()\n"
                   "st.markdown('after the gate')",
    "skipped": "st.markdown('hi')",
}


@pytest.mark.parametrize("status", sorted(RUN_ENDS))
def test_appcore_run_finished_says_on_the_script_thread_how_each_run_ended(gates, status):
    finished: list[tuple[int, str, str]] = []

    class Finished:
        @hookimpl
        def appcore_run_finished(self, run):
            finished.append((run.number, run.status, threading.current_thread().name))

    at = AppTest.from_string("import appcore as st\n" + RUN_ENDS[status], plugins=[Finished()])
    if status == "rerun":
        at.session_state["again"] = True
    at.run()
    if status == "interrupted":
        at.session_state["wait"] = True
        with gates.work.closed():
            at.session.handle_message({"t": "rerun"})
            gates.work.wait_arrival()
            at.session.handle_message({"t": "rerun"})  # a newer request: the run in flight yields to it
    elif status == "skipped":
        at.session.request_rerun(RerunRequest(partial="gone", auto=True))  # a timer tick for a gone fragment
    at._wait(5)
    expected = {
        "complete": ["complete"], "stopped": ["stopped"], "error": ["error"], "rerun": ["rerun", "complete"],
        "compile_error": ["compile_error"], "interrupted": ["complete", "interrupted", "complete"],
        "skipped": ["complete", "skipped"],
    }[status]
    assert [(number, s) for number, s, _ in finished] == list(enumerate(expected, 1))
    assert [r["status"] for r in at.runs] == expected, "told before the page hears the run ended"
    assert all(thread.startswith("appcore-run-") for *_, thread in finished)


# -- vetoes ------------------------------------------------------------------------------


class Refuser:
    @hookimpl
    def appcore_check_widget(self, run, widget):
        if widget.key == "no":
            return f"{widget.type} 'no' is refused by a plugin."
        return None


class Watcher:
    def __init__(self) -> None:
        self.seen: list[tuple[str | None, str, Any]] = []

    @hookimpl
    def appcore_check_widget(self, run, widget):
        self.seen.append((widget.key, threading.current_thread().name, dict(widget.scope)))
        if widget.key == "secret":
            widget.display = "***"


@pytest.mark.parametrize("order", ["refuser-first", "watcher-first"])
def test_appcore_check_widget_refuses_with_the_message_it_returns_where_the_widget_was_called_and_every_plugin_is_asked(order):
    watcher = Watcher()
    plugins = [Refuser(), watcher] if order == "refuser-first" else [watcher, Refuser()]
    at = AppTest.from_string("""
        import appcore as st
        st.text_input("Secret", "hidden", key="secret")
        with st.form("f"):
            st.text_input("In a form", key="t")
            st.form_submit_button("Send", key="send")
        with st.container():
            st.checkbox("Fine", key="ok")
            st.checkbox("Refused", key="no")
        st.markdown("not reached")
    """, plugins=plugins).run()
    assert [(e.path, e.message) for e in at.exception] == [(("main", 2, 1), "checkbox 'no' is refused by a plugin.")]
    assert not at.markdown, "the script stops at the refused widget"
    assert [key for key, *_ in watcher.seen] == ["secret", "t", "send", "ok", "no"], \
        "every implementation is called, also for the widget another one refuses"
    assert all(thread.startswith("appcore-run-") for _, thread, _ in watcher.seen)
    scopes = {key: scope for key, _, scope in watcher.seen}
    assert scopes["t"].get("form") == "f" and "form" not in scopes["ok"]
    assert at.text_input("secret").props["value"] == "***" and at.text_input("secret").value == "hidden"


# -- decisions ---------------------------------------------------------------------------


def test_appcore_resolve_widget_event_returning_true_stops_the_cores_default_rerun(refuses):
    asked: list[tuple[Any, str | None, Any]] = []

    class Holder:
        @hookimpl
        def appcore_resolve_widget_event(self, session, widget, value):
            asked.append((session, widget.key, value))
            return True if widget.key == "held" else None

    at = AppTest.from_string("""
        import appcore as st
        st.number_input("Held", key="held")
        @st.fragment
        def part():
            st.number_input("Free", key="free")
        part()
    """, plugins=[Holder()]).run()
    runs = at.session.runs_started
    at.number_input("held").set_value(5.0).run()
    assert asked == [(at.session, "held", 5.0)]
    assert at.session.runs_started == runs, "handled: the core started no run"
    assert at.session_state.held == 0.0 and not at.session.held_values, "nor stored the value"

    refuses(at, {"t": "widget", "id": at.number_input("held").id, "value": "five"})
    assert len(asked) == 1, "the hook only sees values already validated"

    at.number_input("free").set_value(3.0).run()
    assert asked[-1] == (at.session, "free", 3.0)
    fragment_id = at.session.widgets[at.number_input("free").id].scope["partial"]
    assert at.runs[-1]["partial"] == fragment_id, "the default reruns the widget's fragment"
    assert at.session_state.free == 3.0


def test_appcore_resolve_pages_declares_the_pages_the_url_paths_open(tmp_path):
    main = write_script(tmp_path, "import appcore as st\nst.markdown('main page')")
    other = write_script(tmp_path, "import appcore as st\nst.markdown('other page')", name="other.py")
    asked: list[Any] = []

    class Pages:
        @hookimpl
        def appcore_resolve_pages(self, app):
            asked.append(app)
            return Navigation((PageEntry("main", "Main", script=str(main), default=True),
                               PageEntry("other", "Other", script=str(other))), source="test")

    class Nothing:  # registered last, so asked first: None leaves the answer to the next plugin
        @hookimpl
        def appcore_resolve_pages(self, app):
            return None

    app = App(main, plugins=[Pages(), Nothing()])
    session, browser = opened_and_idle(app, {"t": "hello", "path": "/other"})
    assert page(browser) == ["other page"] and session.page.current.url_path == "other"
    home, home_browser = opened_and_idle(app, {"t": "hello", "path": "/"})
    assert page(home_browser) == ["main page"], "/ opens the default page"
    assert asked == [app], "asked once, not per session or run"
    assert app.reload_pages() is False and asked == [app, app], "asked again after a file change"


def test_appcore_register_navigation_calls_makes_a_main_script_that_calls_one_run_for_every_url(tmp_path):
    main = write_script(tmp_path, "import appcore as st\nfrom pagekit import declare\ndeclare()\nst.markdown('main')")
    other = write_script(tmp_path, "import appcore as st\nst.markdown('other page')", name="other.py")
    (tmp_path / "pagekit.py").write_text("def declare():\n    pass\n")

    class Static:
        @hookimpl
        def appcore_resolve_pages(self, app):
            return Navigation((PageEntry("other", "Other", script=str(other), default=True),), source="test")

    class Declares:
        @hookimpl
        def appcore_register_navigation_calls(self, app):
            return ["declare"]

    _, static_browser = opened_and_idle(App(main, plugins=[Static()]), {"t": "hello", "path": "/"})
    assert page(static_browser) == ["other page"], "without the name, the static source picks the page"
    app = App(main, plugins=[Static(), Declares()])
    assert {"declare", "navigation"} <= app.navigation_calls, "every plugin's names count"
    _, browser = opened_and_idle(app, {"t": "hello", "path": "/"})
    assert page(browser) == ["main"], "the main script runs: its call declares the pages"


class RecordingStore:
    """A session store plugin (Redis-like) that remembers what it was asked."""

    def __init__(self, saved: dict[str, dict[str, Any]] | None = None) -> None:
        self.apps: list[App] = []
        self.saved_runs: list[tuple[str, dict[str, Any]]] = []
        self.loads: list[str] = []
        self.saved = saved or {}

    @hookimpl
    def appcore_resolve_session_store(self, app):
        self.apps.append(app)
        return self

    def save(self, session_id: str, values: dict[str, Any]) -> list[str]:
        self.saved_runs.append((session_id, dict(values)))
        return []

    def load(self, session_id: str) -> dict[str, Any] | None:
        self.loads.append(session_id)
        return self.saved.get(session_id)


def test_appcore_resolve_session_store_saves_after_each_complete_run_and_loads_an_unknown_returning_id(tmp_path):
    store = RecordingStore(saved={"from-another-process": {"n": 41}})
    at = AppTest.from_string("""
        import appcore as st
        st.session_state.setdefault("n", 0)
        if st.button("+"):
            st.session_state.n += 1
        if st.session_state.get("end") == "stop":
            st.stop()
        if st.session_state.get("end") == "fail":
            raise ValueError("boom")
    """, plugins=[store]).run()
    assert store.apps == [at.app], "resolved once, when the App starts"
    at.button[0].click().run()
    sid = at.session.id
    assert [(s, v["n"]) for s, v in store.saved_runs] == [(sid, 0), (sid, 1)]
    for end in ("stop", "fail"):
        at.session_state["end"] = end
        at.run()
    assert [r["status"] for r in at.runs] == ["complete", "complete", "stopped", "error"]
    assert len(store.saved_runs) == 2, "only complete runs are saved"
    assert store.loads == [], "a tab without a session id loads nothing"

    app = at.app
    known, _ = opened_and_idle(app, {"t": "hello", "session": sid})  # connected elsewhere: a duplicate
    assert store.loads == [], "an id this process knows is not loaded"
    resumed, _ = opened_and_idle(app, {"t": "hello", "session": "from-another-process"})
    assert store.loads == ["from-another-process"]
    assert resumed.id == "from-another-process" and resumed.state.values["n"] == 41
    fresh, _ = opened_and_idle(app, {"t": "hello", "session": "nobody-saved-this"})
    assert store.loads[-1] == "nobody-saved-this" and fresh.id != "nobody-saved-this"
    assert known.id not in (sid, resumed.id, fresh.id)


# -- the set stays honest ----------------------------------------------------------------


def test_every_hookspec_is_documented_called_by_the_core_and_implemented_somewhere():
    def read(*patterns: str) -> str:
        return "\n".join(p.read_text() for pattern in patterns for p in ROOT.glob(pattern) if p.name != "hookspecs.py")

    # Counting mentions passed on the spec and its call alone; look for each role.
    core = read("core/**/*.py")
    implementations = read("core/**/*.py", "plugins/**/*.py", "tests/**/*.py")
    docs = (ROOT / "docs" / "plugins.md").read_text()
    for name in SPECS:
        assert getattr(hookspecs, name).__doc__, f"{name} has no docstring"
        # Called as hook.<name> / run.hooks.<name>, or by name where the App collects contributions.
        assert re.search(rf"\bhooks?\.{name}\b|\"{name}\"", core), f"the core never calls {name}"
        assert re.search(rf"\bdef {name}\(|\b{name} = hookimpl\(", implementations), f"nothing implements {name}"
        assert name in docs, f"{name} is missing from docs/plugins.md"


def test_every_hookspec_has_a_test_here_whose_name_or_body_uses_it():
    source = Path(__file__).read_text()
    tests = [node for node in ast.parse(source).body
             if isinstance(node, ast.AsyncFunctionDef | ast.FunctionDef) and node.name.startswith("test_")]
    untested = [name for name in SPECS
                if not any(name in test.name or name in ast.get_source_segment(source, test) for test in tests)]
    assert len(SPECS) >= 14 and not untested, f"hookspecs with no test in {Path(__file__).name}: {untested}"


class Shouting:
    @hookimpl
    def appcore_resolve_markdown(self, text, inline):
        return f"<b>{text.upper()}</b>" if inline else None


def test_appcore_resolve_markdown_renders_every_widgets_label_and_a_plugin_may_take_it_over():
    script = """
        import appcore as st
        st.text_input("Your **name**")
        st.checkbox("plain label")
    """
    at = AppTest.from_string(script).run()
    text_input, checkbox = at.text_input[0], at.checkbox[0]
    assert text_input.props["label_html"] == "Your <strong>name</strong>"  # the elements plugin's markdown
    assert checkbox.props["label_html"] is None, "plain text needs no rendering"
    assert text_input.label == "Your **name**", "AppTest reads the label as the script gave it, as Streamlit's"
    taken_over = AppTest.from_string(script, plugins=[Shouting()]).run()
    assert taken_over.text_input[0].props["label_html"] == "<b>YOUR **NAME**</b>"


async def test_appcore_resolve_component_serves_a_folder_declared_after_start_up(aiohttp_client, tmp_path):
    folder = tmp_path / "late"
    folder.mkdir()
    (folder / "index.html").write_text("<p>declared at run time</p>")

    class Late:
        @hookimpl
        def appcore_resolve_component(self, name):
            return folder if name == "pkg.late" else None

    app = App(write_script(tmp_path), quiet_config(), plugins=[Late()], autoload_plugins=False)
    client = await aiohttp_client(build_web_app(app))
    response = await client.get("/_appcore/components/pkg.late/index.html")
    assert response.status == 200 and await response.text() == "<p>declared at run time</p>"
    assert (await client.get("/_appcore/components/pkg.other/index.html")).status == 404
