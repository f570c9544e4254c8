"""The command line: clear failures, and the pytest fixture it installs."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request

from appcore.testing.processes import free_port, stop, wait_healthy


def appcore(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "appcore", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=60)


def test_a_missing_app_exits_2_with_one_line(tmp_path):
    result = appcore("run", str(tmp_path / "nope.py"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"appcore: no such file: {tmp_path / 'nope.py'}"]


def test_a_non_python_app_exits_2_with_one_line(tmp_path):
    (tmp_path / "notes.txt").write_text("hi")
    result = appcore("run", str(tmp_path / "notes.txt"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"appcore: {tmp_path / 'notes.txt'} is not a Python file (.py)"]


def test_a_bad_config_file_exits_2_naming_key_and_line(tmp_path):
    (tmp_path / "app.py").write_text("import appcore as st\n")
    (tmp_path / ".appcore").mkdir()
    (tmp_path / ".appcore" / "config.toml").write_text("[server]\nport = 'x'\n")
    result = appcore("run", str(tmp_path / "app.py"))
    assert result.returncode == 2
    assert "line 2: 'server.port' must be a whole number" in result.stderr


def test_version():
    result = appcore("version")
    assert result.returncode == 0 and result.stdout.startswith("appcore ")


def test_the_app_test_fixture(pytester):
    pytester.makefile(".py", app="import appcore as st\nif st.button('go'):\n    st.markdown('went')\n")
    pytester.makepyfile(test_app="""
        def test_it(app_test):
            at = app_test("app.py").run()
            at.button[0].click().run()
            assert at.markdown[0].value == "went"
    """)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_streamlit_style_options_are_read_and_a_bad_one_exits_2(tmp_path):
    (tmp_path / "app.py").write_text("import appcore as st\n")
    result = appcore("run", str(tmp_path / "app.py"), "--server.port=abc")
    assert result.returncode == 2
    assert "--server.port" in result.stderr and "whole number" in result.stderr
    result = appcore("run", str(tmp_path / "app.py"), "--server.port")
    assert (result.returncode, result.stderr.strip()) == (2, "appcore: --server.port needs a value")


def test_run_opens_the_app_in_the_browser_unless_headless(tmp_path):
    """As `streamlit run`: the default browser ($BROWSER here, a script that notes what it was
    asked to open) gets the app's URL once the server listens; --headless opens nothing."""
    (tmp_path / "app.py").write_text("import appcore as st\nst.title('Hi')\n")
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser"
    browser.write_text(f"#!{sys.executable}\nimport pathlib, sys\npathlib.Path({str(opened)!r}).write_text(sys.argv[1])\n")
    browser.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith("APPCORE_")}
    env.update(BROWSER=str(browser), DISPLAY=":0", APPCORE_SERVER_RUN_ON_SAVE="false")
    took = 0.0
    for headless in (False, True):
        port = free_port()
        flags = ["--headless"] if headless else []
        process = subprocess.Popen([sys.executable, "-m", "appcore", "run", "app.py", "--port", str(port), *flags],
                                   cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            assert wait_healthy(f"http://127.0.0.1:{port}/_appcore/health", process)
            # A plugin's file is served once the App is built, which is when a browser is opened.
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_appcore/plugins/elements/button.js",
                                        timeout=10) as response:
                assert response.status == 200
            started = time.monotonic()
            if headless:  # three times as long as the browser took to be opened, or a second
                while not opened.exists() and time.monotonic() < started + max(1.0, 3 * took):
                    time.sleep(0.05)
                assert not opened.exists(), "--headless opened a browser"
            else:
                while not opened.exists() and time.monotonic() < started + 20:
                    time.sleep(0.05)
                took = time.monotonic() - started
                assert opened.read_text() == f"http://localhost:{port}/"
                opened.unlink()
        finally:
            stop(process)


def test_run_stops_at_once_on_ctrl_c_while_its_plugins_are_still_loading(tmp_path):
    """A plugin that hangs while it loads (here the App's build waits 60 s, patched in by a
    sitecustomize) does not keep the server from stopping: it listens, and Ctrl+C ends it."""
    (tmp_path / "app.py").write_text("import appcore as st\n")
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(
        "import time\nimport appcore.app\n"
        "_build = appcore.app.App.__init__\n"
        "def slow(self, *args, **kwargs):\n    time.sleep(60)\n    _build(self, *args, **kwargs)\n"
        "appcore.app.App.__init__ = slow\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("APPCORE_")}
    env["PYTHONPATH"] = os.pathsep.join([str(hooks), *filter(None, [env.get("PYTHONPATH")])])
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "appcore", "run", "app.py", "--port", str(port), "--headless"],
                               cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert wait_healthy(f"http://127.0.0.1:{port}/_appcore/health", process), "it listens while the App builds"
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=15)
    finally:
        stop(process)
    assert process.returncode == 0, err
    assert "Stopping..." in out
