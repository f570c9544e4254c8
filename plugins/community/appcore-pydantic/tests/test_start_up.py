"""Every installed plugin is loaded when a server starts; this one must not make that slower."""
from __future__ import annotations

import subprocess
import sys


def test_loading_the_plugin_leaves_pydantic_for_the_first_form() -> None:
    check = ("import sys, appcore_pydantic\n"
             "assert 'pydantic' not in sys.modules, 'imported at load'\n"
             "appcore_pydantic.pydantic_form\n"
             "assert 'pydantic' in sys.modules\n")
    subprocess.run([sys.executable, "-c", check], check=True)
