"""What building the App leaves to later: markdown-it is imported by the first markdown, or
while the first tab loads (appcore_server_started), not at start-up."""
from __future__ import annotations

from appcore.testing.processes import modules_after_each


def test_building_the_app_leaves_markdown_it_to_the_first_markdown_rendered(tmp_path) -> None:
    script = tmp_path / "app.py"
    script.write_text("import appcore as st\nst.title('Hello')\n")
    at_start, at_first_markdown = modules_after_each(
        f"from pathlib import Path; from appcore.app import App; from appcore.config import Config; "
        f"app = App(Path({str(script)!r}), Config.load(Path({str(tmp_path)!r})))",
        "from appcore_elements.markdown import render_markdown; assert render_markdown('**x**') == "
        "'<p><strong>x</strong></p>\\n'")
    assert "appcore_elements.markdown" in at_start, "the elements plugin is loaded"
    assert "markdown_it" not in at_start, "imported at start-up"
    assert "markdown_it" in at_first_markdown
