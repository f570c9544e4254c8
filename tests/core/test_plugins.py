"""Plugins: loading, disabling, introspection, and a plugin from outside the core (DESIGN.md §5).

What each hook promises, conflicts between plugins included, is in test_hookspecs.py."""
from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pytest

from appcore.app import App
from appcore.plugin import contributes, hookimpl
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


def test_each_app_owns_its_registries():
    with_stars = AppTest.from_string("import appcore as st\nst.stars(1)", plugins=[stars_plugin]).run()
    without = AppTest.from_string("import appcore as st\nst.stars(1)").run()
    assert len(with_stars.stars) == 1
    assert "has no attribute 'stars'" in without.exception[0].message
    assert "stars" not in without.app.api


def test_a_plugin_can_contribute_plain_data_and_each_call_gets_its_own_copy():
    greeter = types.ModuleType("greeter")  # a plugin is a module: its hooks are plain functions
    greeter.appcore_register_api = contributes({"greet": lambda name: f"hello {name}"})

    at = AppTest.from_string("""
        import appcore as st
        st.markdown(st.greet("ada"))
    """, plugins=[greeter]).run()
    assert at.markdown[0].value == "hello ada"
    first = greeter.appcore_register_api()
    first["greet"] = None
    assert greeter.appcore_register_api()["greet"]("bo") == "hello bo"


def test_a_misspelt_hook_is_an_error(tmp_path):
    class Misspelt:
        @hookimpl
        def appcore_register_element(self):
            return []

    script = tmp_path / "app.py"
    script.write_text("")
    with pytest.raises(Exception, match="appcore_register_element"):
        App(script, plugins=[Misspelt()])


def test_a_hook_function_without_hookimpl_is_reported_not_silently_ignored(tmp_path, caplog):
    forgetful = types.ModuleType("forgetful")

    def appcore_run_finished(run):  # no @hookimpl: pluggy does not see it
        raise AssertionError("never called")

    forgetful.appcore_run_finished = appcore_run_finished
    script = tmp_path / "app.py"
    script.write_text("")
    with caplog.at_level("WARNING", logger="appcore.plugins"):
        App(script, plugins=[forgetful], autoload_plugins=False)
    assert "plugin 'forgetful': appcore_run_finished is not marked @hookimpl" in caplog.text
    caplog.clear()
    with caplog.at_level("WARNING", logger="appcore.plugins"):
        App(script, autoload_plugins=True)  # every bundled plugin marks its hooks
    assert "not marked @hookimpl" not in caplog.text


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


def test_a_streamlit_name_no_plugin_provides_says_so():
    at = AppTest.from_string("import appcore as st\nst.mermaid_chart('graph TD; a-->b')").run()
    assert "st.mermaid_chart is part of Streamlit's API, but no installed appcore plugin provides it" in \
        at.exception[0].message


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
