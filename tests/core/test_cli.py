"""The command line: clear failures, and the pytest fixture it installs."""
from __future__ import annotations

import subprocess
import sys


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
