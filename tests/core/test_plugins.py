"""Plugins: loading, conflicts, disabling, and a plugin from outside the core (DESIGN.md §5)."""
from __future__ import annotations

import inspect
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from appcore import hookspecs
from appcore.app import App, PluginConflict
from appcore.plugin import ElementType, hookimpl
from appcore.testing import AppTest

import stars_plugin

ROOT = Path(__file__).resolve().parents[2]


def test_a_plugin_from_outside_the_core_adds_an_element_and_an_api_name():
    at = AppTest.from_string("""
        import appcore as st
        st.stars(3, label="rating ")
        st.markdown(str(st.session_state.get("shone")))
    """, plugins=[stars_plugin]).run()
    assert at.stars[0].props == {"count": 3, "label": "rating "}
    assert at.app.element_types["stars"].module.name == "stars.js"
    assert "/_appcore/plugins/" in at.app.element_urls["stars"]
    at.send({"t": "shine", "times": 2}).run()
    assert at.markdown[0].value == "2"
    # The lists are the plugin module's, shared by every test that loads it: look for this session.
    assert at.session.id in stars_plugin.opened
    assert [status for sid, status in stars_plugin.finished if sid == at.session.id] == ["complete", "complete"]


def test_a_plugin_is_told_when_each_run_starts_and_how_it_finished_on_the_script_thread():
    class Recorder:
        def __init__(self) -> None:
            self.events: list[tuple[str, int, str, str]] = []

        @hookimpl
        def appcore_run_started(self, run):
            self.events.append(("started", run.number, run.status, threading.current_thread().name))

        @hookimpl
        def appcore_run_finished(self, run):
            self.events.append(("finished", run.number, run.status, threading.current_thread().name))

    recorder = Recorder()
    at = AppTest.from_string("""
        import appcore as st
        st.markdown("hi")
        if st.session_state.get("stop"):
            st.stop()
    """, plugins=[recorder]).run()
    at.session_state["stop"] = True
    at.run()
    assert [event[:3] for event in recorder.events] == [
        ("started", 1, "running"), ("finished", 1, "complete"), ("started", 2, "running"), ("finished", 2, "stopped")]
    assert all(event[3].startswith("appcore-run-") for event in recorder.events)


def test_each_app_owns_its_registries():
    with_stars = AppTest.from_string("import appcore as st\nst.stars(1)", plugins=[stars_plugin]).run()
    without = AppTest.from_string("import appcore as st\nst.stars(1)").run()
    assert len(with_stars.stars) == 1
    assert "has no attribute 'stars'" in without.exception[0].message
    assert "stars" not in without.app.api


def test_two_plugins_claiming_one_element_type_is_an_error(tmp_path):
    class Copycat:
        @hookimpl
        def appcore_register_elements(self):
            return [ElementType("stars", None)]

    script = tmp_path / "app.py"
    script.write_text("")
    with pytest.raises(PluginConflict, match="Element type 'stars' is registered twice"):
        App(script, plugins=[stars_plugin, Copycat()])


def test_a_misspelt_hook_is_an_error(tmp_path):
    class Misspelt:
        @hookimpl
        def appcore_register_element(self):
            return []

    script = tmp_path / "app.py"
    script.write_text("")
    with pytest.raises(Exception, match="appcore_register_element"):
        App(script, plugins=[Misspelt()])


def test_every_bundled_plugin_is_an_entry_point_and_loads():
    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"]["appcore"]
    bundled = {p.name for p in (ROOT / "plugins" / "bundled").iterdir() if (p / "__init__.py").exists()}
    assert set(declared.values()) == bundled
    app = App(ROOT / "core" / "hello" / "hello_app.py")
    assert {info.name for info in app.plugin_infos if info.error is None} >= set(declared)


def test_every_element_renderer_exists():
    app = App(ROOT / "core" / "hello" / "hello_app.py")
    for name, element in app.element_types.items():
        assert element.module is not None and element.module.is_file(), name


def test_every_hookspec_is_documented_called_by_the_core_and_implemented_somewhere():
    specs = [name for name, f in inspect.getmembers(hookspecs, inspect.isfunction) if name.startswith("appcore_")]

    def read(*patterns: str) -> str:
        return "\n".join(p.read_text() for pattern in patterns for p in ROOT.glob(pattern) if p.name != "hookspecs.py")

    # Counting mentions passed on the spec and its call alone; look for each role.
    core = read("core/**/*.py")
    implementations = read("core/**/*.py", "plugins/**/*.py", "tests/**/*.py")
    docs = (ROOT / "docs" / "plugins.md").read_text()
    for name in specs:
        assert getattr(hookspecs, name).__doc__, f"{name} has no docstring"
        # Called as hook.<name> / run.hooks.<name>, or by name where the App collects contributions.
        assert re.search(rf"\bhooks?\.{name}\b|\"{name}\"", core), f"the core never calls {name}"
        assert re.search(rf"\bdef {name}\(|\b{name} = hookimpl\(", implementations), f"nothing implements {name}"
        assert name in docs, f"{name} is missing from docs/plugins.md"


def test_plugins_command_lists_plugins_with_distribution_version_and_hooks():
    out = subprocess.run([sys.executable, "-m", "appcore", "plugins"], capture_output=True, text=True, check=True)
    assert "forms" in out.stdout and "appcore 0.1.0" in out.stdout
    assert "appcore_register_api" in out.stdout


def test_plugins_command_marks_a_disabled_plugin():
    out = subprocess.run([sys.executable, "-m", "appcore", "plugins", "--disable-plugin", "dialogs"],
                         capture_output=True, text=True, check=True)
    assert "dialogs" in out.stdout and "[disabled]" in out.stdout


def test_dir_lists_plugin_names():
    import appcore

    assert {"button", "form", "fragment", "dialog", "rerun", "stop", "session_state", "sidebar"} <= set(dir(appcore))


async def test_a_plugin_adds_routes(aiohttp_client, tmp_path):
    from appcore.server import build_web_app

    script = tmp_path / "app.py"
    script.write_text("")
    client = await aiohttp_client(build_web_app(App(script, plugins=[stars_plugin])))
    response = await client.get("/_appcore/stars/count")
    assert response.status == 200 and await response.json() == {"sessions": 0}


def test_a_plugin_adds_cli_commands(capsys):
    from appcore.cli import build_parser
    from appcore.plugins import load_plugin_manager

    pm, _ = load_plugin_manager(extra=[stars_plugin], autoload=False)
    args = build_parser(pm).parse_args(["stars", "3"])
    assert args.handler(args) == 0 and capsys.readouterr().out.strip() == "★★★"


def test_closing_a_session_notifies_plugins():
    at = AppTest.from_string("import appcore as st", plugins=[stars_plugin]).run()
    at.app.close_session(at.session)
    assert at.session.id in stars_plugin.closed


def test_a_streamlit_name_no_plugin_provides_says_so():
    at = AppTest.from_string("import appcore as st\n@st.cache_data\ndef f(): pass").run()
    assert "st.cache_data is part of Streamlit's API, but no installed appcore plugin provides it" in \
        at.exception[0].message


async def test_a_plugin_serves_a_component_folder_path_safely(aiohttp_client, tmp_path):
    from appcore.server import build_web_app

    script = tmp_path / "app.py"
    script.write_text("")
    client = await aiohttp_client(build_web_app(App(script, plugins=[stars_plugin])))
    page = await client.get("/_appcore/components/stars/index.html")
    assert page.status == 200 and "stars component" in await page.text()
    for bad in ["/_appcore/components/stars/build_tool.py", "/_appcore/components/stars/%2e%2e/__init__.py",
                "/_appcore/components/nope/index.html", "/_appcore/components/stars/missing.js"]:
        assert (await client.get(bad)).status == 404, bad


def test_conflicts_name_both_plugins_for_every_registry(tmp_path):
    script = tmp_path / "app.py"
    script.write_text("")

    class Second:
        @hookimpl
        def appcore_register_components(self):
            return {"stars": tmp_path}

    class Third:
        @hookimpl
        def appcore_register_client_events(self):
            return {"shine": lambda session, message: None}

    with pytest.raises(PluginConflict, match=r"Component 'stars' is registered twice: by plugin 'stars_plugin' "
                                             r"and by plugin 'Second'"):
        App(script, plugins=[stars_plugin, Second()], autoload_plugins=False)
    with pytest.raises(PluginConflict, match=r"Client message type 'shine' is registered twice: by plugin "
                                             r"'stars_plugin' and by plugin 'Third'"):
        App(script, plugins=[stars_plugin, Third()], autoload_plugins=False)


def test_a_plugin_cannot_take_a_message_type_of_the_core(tmp_path):
    class Hijack:
        @hookimpl
        def appcore_register_client_events(self):
            return {"widget": lambda session, message: None}

    script = tmp_path / "app.py"
    script.write_text("")
    with pytest.raises(PluginConflict, match="Client message type 'widget' is the core's own; plugin 'Hijack'"):
        App(script, plugins=[Hijack()], autoload_plugins=False)


def test_register_hooks_are_handed_the_app_they_build(tmp_path):
    seen = []

    class Reader:
        @hookimpl
        def appcore_register_api(self, app):
            seen.append(app.config.theme.base)
            return {"answer": 42}

    script = tmp_path / "app.py"
    script.write_text("import appcore as st\nst.session_state.a = st.answer")
    at = AppTest(script, plugins=[Reader()]).run()
    assert seen == ["light"] and at.session_state.a == 42


def test_a_disabled_plugin_is_never_imported(tmp_path):
    # A fresh interpreter: importing appcore and building an App without the charts plugin
    # must not import appcore_charts at all.
    script = tmp_path / "app.py"
    script.write_text("")
    code = ("import sys; from appcore.app import App; "
            f"app = App({str(script)!r}, disable_plugins=['charts']); "
            "print('appcore_charts' in sys.modules, 'line_chart' in app.api)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_a_name_of_a_disabled_plugin_says_which_plugin_to_enable():
    at = AppTest.from_string("import appcore as st\nst.line_chart([1, 2])", disable_plugins=["charts"]).run()
    assert at.exception[0].message.startswith("st.line_chart comes from the plugin 'charts', which is disabled")


def test_outside_a_run_a_bundled_name_comes_from_its_own_plugin_only():
    code = ("import sys, appcore; f = appcore.fragment; "
            "print(f.__module__, 'appcore_forms' in sys.modules, 'button' in dir(appcore))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["appcore_fragments.fragment", "False", "True"]


def test_the_facade_and_the_editor_stub_match_the_bundled_plugins():
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "stubs.py"), "--check"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout
    stub = (ROOT / "core" / "__init__.pyi").read_text()
    assert "from appcore_elements.button import button as button" in stub


def test_a_plugin_keeps_typed_data_under_its_own_stash_key():
    from appcore.plugin import StashKey

    clicks = StashKey[int]("clicks")

    class Counter:
        @hookimpl
        def appcore_run_finished(self, run):
            run.session.stash[clicks] = run.session.stash.get(clicks, 0) + 1

    at = AppTest.from_string("import appcore as st", plugins=[Counter()]).run()
    at.run()
    assert at.session.stash[clicks] == 2 and StashKey[int]("clicks") not in at.session.stash
