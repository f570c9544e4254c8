"""Three third-party plugins, written from docs/plugins.md and appcore.plugin alone, as a user gets them.

tests/distributions/ holds three real distributions (``appcore-sparkle``, a leaf element;
``appcore-rating``, a widget with its own codec; ``appcore-holder``, a container that holds
its widgets' values until its button is pressed). The session fixture builds their wheels
and appcore's own from the repository, installs the four into a fresh venv, and every test
here runs python or ``appcore`` in that venv: the plugins load through their entry points
(no ``plugins=[...]``), and appcore is the installed wheel, not the source tree.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_NAME = "appcore_dist_testenv"
if _NAME not in sys.modules:  # one copy per session, shared with tests/browser/test_distributions_browser.py
    _spec = importlib.util.spec_from_file_location(_NAME, Path(__file__).parent / "distributions" / "testenv.py")
    sys.modules[_NAME] = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(sys.modules[_NAME])
testenv = sys.modules[_NAME]
REPO = testenv.REPO


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory):
    return testenv.installed(tmp_path_factory)


def test_appcore_plugins_lists_the_three_with_distribution_and_version(dist) -> None:
    done = dist.run(dist.appcore, "plugins")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    for distribution, (_package, entry_point, version) in testenv.PLUGINS.items():
        mine = [line for line in lines if distribution in line]
        assert mine, f"`appcore plugins` does not name {distribution}:\n{done.stdout}"
        assert any(entry_point in line and version in line for line in mine), \
            f"`appcore plugins` does not show {entry_point} {distribution} {version} together:\n{done.stdout}"
    assert "Traceback" not in done.stderr and "failed" not in done.stdout.lower(), done.stdout + done.stderr


def test_appcore_and_the_plugins_are_imported_from_the_installed_wheels(dist) -> None:
    found = dist.python_json("""
        import json, appcore, appcore_sparkle, appcore_rating, appcore_holder, appcore_forms
        print(json.dumps({m.__name__: m.__file__ for m in
                          (appcore, appcore_sparkle, appcore_rating, appcore_holder, appcore_forms)}))
    """)
    for name, file in found.items():
        assert Path(file).is_relative_to(dist.site_packages), f"{name} came from {file}, not from the venv's wheel"


def test_sparkle_draws_its_text_between_sparkles(dist) -> None:
    seen = dist.python_json("""
        import json
        from appcore.testing import AppTest
        at = AppTest.from_string('''
        import appcore as st
        st.sparkle("Hello")
        st.sparkle("Bye", count=1)
        with st.sidebar:
            st.sparkle("side", count=0)
        ''').run()
        print(json.dumps({
            "exception": [e.message for e in at.exception],
            "main": [e.props for e in at.main.get("sparkle")],
            "sidebar": [e.props for e in at.sidebar.get("sparkle")],
        }))
    """)
    assert seen["exception"] == []
    assert seen["main"] == [{"text": "Hello", "count": 3}, {"text": "Bye", "count": 1}]
    assert seen["sidebar"] == [{"text": "side", "count": 0}]


def test_sparkle_refuses_a_count_that_is_not_an_int(dist) -> None:
    seen = dist.python_json("""
        import json
        from appcore.testing import AppTest
        at = AppTest.from_string('import appcore as st\\nst.sparkle("x", count="3")').run()
        print(json.dumps([e.message for e in at.exception]))
    """)
    assert len(seen) == 1 and "count" in seen[0], seen


def test_rating_returns_the_clicked_star_and_refuses_what_is_not_a_star(dist) -> None:
    seen = dist.python_json("""
        import json
        from appcore.testing import AppTest
        at = AppTest.from_string('''
        import appcore as st
        stars = st.rating("How was it?", max_stars=4, key="stars")
        st.write(f"stars={stars!r}")
        ''').run()
        seen = {"first": [at.get("rating")[0].value, at.markdown[0].body], "props": at.get("rating")[0].props}
        at.get("rating")[0].set_value(3).run()
        seen["clicked"] = [at.get("rating")[0].value, at.markdown[0].body, at.session_state["stars"]]
        widget_id = at.get("rating")[0].id
        refused = {}
        for bad in (5, -1, 2.0, True, "2", None, [1]):
            runs = len(at.runs)
            at.send({"t": "widget", "id": widget_id, "value": bad})
            try:
                at.run()
                refused[repr(bad)] = "accepted"
            except ValueError as error:
                refused[repr(bad)] = str(error)
            refused[repr(bad) + " runs"] = len(at.runs) - runs
        seen["refused"] = refused
        seen["after"] = [at.get("rating")[0].value, at.markdown[0].body]
        at.send({"t": "widget", "id": widget_id, "value": 1}).run()  # the session lives on
        seen["alive"] = [at.get("rating")[0].value, at.markdown[0].body]
        print(json.dumps(seen))
    """)
    assert seen["first"] == [0, "stars=0"]
    assert seen["props"]["max_stars"] == 4 and seen["props"]["label"] == "How was it?"
    assert seen["props"]["width"] == "content" and seen["props"]["label_visibility"] == "visible"
    assert seen["clicked"] == [3, "stars=3", 3]
    for bad in ("5", "-1", "2.0", "True", "'2'", "None", "[1]"):
        assert seen["refused"][bad] != "accepted", f"the rating took {bad} from the browser"
        assert seen["refused"][bad + " runs"] == 0, f"{bad} started a run"
    assert seen["after"] == [3, "stars=3"]
    assert seen["alive"] == [1, "stars=1"]


def test_rating_checks_its_parameters_with_streamlit_messages(dist) -> None:
    seen = dist.python_json("""
        import json
        from appcore.testing import AppTest
        out = {}
        for call in ('st.rating("r", max_stars=3, value=4)', 'st.rating("r", max_stars="5")',
                     'st.rating("r", width="wide")', 'st.rating("r", label_visibility="gone")',
                     'st.rating("r", value=2, help="two", disabled=True, width=200)'):
            at = AppTest.from_string("import appcore as st\\n" + call).run()
            out[call] = [e.message for e in at.exception] or at.get("rating")[0].props
        print(json.dumps(out))
    """)
    errors = list(seen.values())[:4]
    assert all(isinstance(e, list) and len(e) == 1 for e in errors), errors
    assert "value" in errors[0][0] and "max_stars" in errors[1][0]
    assert "width" in errors[2][0] and "label_visibility" in errors[3][0]
    fine = list(seen.values())[4]
    assert fine["value"] == 2 and fine["help"] == "two" and fine["disabled"] is True and fine["width"] == 200


HOLDER_APP = '''
import appcore as st
with st.holder("h"):
    name = st.text_input("Name", value="old")
    stars = st.rating("Stars", key="stars")
    sent = st.holder_button("Send")
st.write(f"name={name} stars={stars} sent={sent}")
'''


def test_holder_holds_values_until_its_button_is_pressed(dist) -> None:
    seen = dist.python_json(f"""
        import json
        from appcore.testing import AppTest
        at = AppTest.from_string({HOLDER_APP!r}).run()
        seen = {{"first": at.markdown[0].body, "holder": at.get("holder")[0].props}}
        at.text_input[0].input("Ann").run()
        at.get("rating")[0].set_value(2).run()
        seen["typed"] = [at.markdown[0].body, at.session_state["stars"]]
        at.run()  # a rerun for another reason: still held, and the page still shows what was typed
        seen["rerun"] = [at.markdown[0].body, at.text_input[0].props["value"], at.get("rating")[0].props["value"]]
        at.get("holder_button")[0].click().run()
        seen["sent"] = [at.markdown[0].body, at.session_state["stars"]]
        at.run()
        seen["after"] = at.markdown[0].body
        print(json.dumps(seen))
    """)
    assert seen["first"] == "name=old stars=0 sent=False"
    assert seen["holder"]["key"] == "h"
    assert seen["typed"] == ["name=old stars=0 sent=False", 0], "the script saw a value before the button"
    assert seen["rerun"] == ["name=old stars=0 sent=False", "Ann", 2]
    assert seen["sent"] == ["name=Ann stars=2 sent=True", 2]
    assert seen["after"] == "name=Ann stars=2 sent=False"


def test_enter_in_a_holder_text_field_presses_its_button(dist) -> None:
    seen = dist.python_json(f"""
        import json
        from appcore.testing import AppTest
        at = AppTest.from_string({HOLDER_APP!r}).run()
        at.text_input[0].input("Bo")
        at.send({{"t": "holder_submit", "holder": "h"}}).run()  # what holder.js sends on appcore:submit
        seen = {{"enter": at.markdown[0].body}}
        runs = len(at.runs)
        at.send({{"t": "holder_submit", "holder": "nope"}}).run()  # no such holder: nothing happens
        seen["unknown"] = [at.markdown[0].body, len(at.runs) - runs]
        try:
            at.send({{"t": "holder_submit", "holder": 3}}).run()
            seen["bad"] = "accepted"
        except ValueError as error:
            seen["bad"] = str(error)
        print(json.dumps(seen))
    """)
    assert seen["enter"] == "name=Bo stars=0 sent=True"
    assert seen["unknown"] == ["name=Bo stars=0 sent=True", 0]
    assert "holder_submit needs a string holder key" in seen["bad"]


def test_holder_refuses_a_plain_button_and_a_stray_holder_button(dist) -> None:
    seen = dist.python_json("""
        import json
        from appcore.testing import AppTest
        inside = AppTest.from_string('import appcore as st\\nwith st.holder("h"):\\n    st.button("b")').run()
        stray = AppTest.from_string('import appcore as st\\nst.holder_button("Send")').run()
        print(json.dumps([[e.message for e in inside.exception], [e.message for e in stray.exception]]))
    """)
    assert len(seen[0]) == 1 and "st.holder_button()" in seen[0][0]
    assert len(seen[1]) == 1 and "inside an st.holder()" in seen[1][0]


def test_the_installed_appcore_wheel_has_every_package_and_asset(dist) -> None:
    installed = dist.site_packages
    built_from = dist.source
    missing = []

    def expect_tree(source: Path, target: Path) -> None:
        for file in source.rglob("*"):
            if file.is_dir() or "__pycache__" in file.parts or file.suffix == ".pyc":
                continue
            if not (target / file.relative_to(source)).is_file():
                missing.append(str(file.relative_to(built_from)))

    expect_tree(built_from / "core", installed / "appcore")
    expect_tree(built_from / "frontend", installed / "appcore" / "frontend")
    bundled = sorted(p for p in (built_from / "plugins" / "bundled").iterdir() if (p / "__init__.py").is_file())
    assert len(bundled) >= 6, bundled
    for plugin in bundled:
        expect_tree(plugin, installed / plugin.name)
    assert not missing, f"the appcore wheel lacks {len(missing)} file(s): {missing[:20]}"
    # The ones a user would miss first, named, whatever the tree above looks like.
    for name in ("__init__.pyi", "_bundled_api.py", "plugin.py", "frontend/runtime.js", "frontend/style.css",
                 "frontend/index.html"):
        assert (installed / "appcore" / name).is_file(), name
    vendored = [p.name for p in (installed / "appcore" / "frontend" / "vendor").iterdir() if p.is_dir()]
    assert {"preact", "htm"} <= set(vendored), vendored
    assert list((installed / "appcore" / "frontend" / "vendor").rglob("*.*js")), "no vendored .js/.mjs"
    renderers = [p for plugin in bundled for p in plugin.glob("*.js")]
    assert len(renderers) >= 30 and all((installed / p.parent.name / p.name).is_file() for p in renderers)
    for _dist, (package, _ep, _v) in testenv.PLUGINS.items():
        assert list((installed / package).glob("*.js")), f"{package}'s renderer is not in its wheel"
