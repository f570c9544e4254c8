"""What building the App leaves to later, each to its first use: markdown-it to the first
markdown rendered (or the first tab's load, appcore_server_started), importlib.metadata to the
first component that reads its package's manifest."""
from __future__ import annotations

import pytest

from appcore.testing.processes import modules_after_each

LEFT_TO_FIRST_USE = {
    "markdown_it": ("appcore_elements.markdown",
                    "from appcore_elements.markdown import render_markdown; "
                    "assert render_markdown('**x**') == '<p><strong>x</strong></p>\\n'"),
    "importlib.metadata": ("appcore_components.manifest",
                           "from appcore_components.manifest import _manifest; "
                           "assert _manifest('no-such-project-here') is None"),
}


@pytest.mark.parametrize("module", list(LEFT_TO_FIRST_USE))
def test_building_the_app_leaves_a_module_to_its_first_use(tmp_path, module) -> None:
    plugin_module, first_use = LEFT_TO_FIRST_USE[module]
    script = tmp_path / "app.py"
    script.write_text("import appcore as st\nst.title('Hello')\n")
    at_start, at_first_use = modules_after_each(
        f"from pathlib import Path; from appcore.app import App; from appcore.config import Config; "
        f"app = App(Path({str(script)!r}), Config.load(Path({str(tmp_path)!r})))", first_use)
    assert plugin_module in at_start, "its plugin is loaded"
    assert module not in at_start, "imported at start-up"
    assert module in at_first_use
