"""`appcore run` imports the script's installed modules while the first tab loads the page."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from appcore.warmup import installed_imports

SCRIPT = """
import os.path, wave
import streamlit as st
import appcore
from email import message
from . import sibling
from helpers import tidy
import json as utils
import not_installed_anywhere
if True:
    import colorsys
def later():
    import csv
"""


def test_the_modules_named_at_the_top_that_are_installed_and_not_the_apps_own(tmp_path: Path) -> None:
    (tmp_path / "helpers.py").write_text("")
    (tmp_path / "json").mkdir()  # the app's own package, named like an installed module
    assert installed_imports(SCRIPT, tmp_path) == ["os.path", "wave", "email"]


def test_a_script_that_does_not_parse_names_nothing(tmp_path: Path) -> None:
    assert installed_imports("import wave\ndef broken(:", tmp_path) == []


def test_warm_up_compiles_the_script_and_imports_them(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("import wave\nimport appcore as st\nst.title('hi')\n")
    check = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from appcore.app import App
        from appcore.config import Config
        from appcore.warmup import warm_up
        app = App(Path({str(script)!r}), Config.load(Path({str(tmp_path)!r})))
        assert "wave" not in sys.modules
        warm_up(app)
        assert "wave" in sys.modules
        assert app.compile_script({str(script)!r}) is app.compile_script({str(script)!r})
    """)
    subprocess.run([sys.executable, "-c", check], check=True, cwd=tmp_path)
