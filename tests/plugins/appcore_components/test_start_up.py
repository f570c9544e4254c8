"""What building the App leaves to later: importlib.metadata is imported by the first component
that reads its package's manifest, not at start-up."""
from __future__ import annotations

from appcore.testing.processes import modules_after_each


def test_building_the_app_leaves_reading_a_components_manifest_to_its_first_use(tmp_path) -> None:
    script = tmp_path / "app.py"
    script.write_text("import appcore as st\n")
    at_start, at_first_lookup = modules_after_each(
        f"from pathlib import Path; from appcore.app import App; from appcore.config import Config; "
        f"app = App(Path({str(script)!r}), Config.load(Path({str(tmp_path)!r})))",
        "from appcore_components.manifest import _manifest; assert _manifest('no-such-project-here') is None")
    assert "appcore_components.manifest" in at_start, "the components plugin is loaded"
    assert "importlib.metadata" not in at_start, "imported at start-up"
    assert "importlib.metadata" in at_first_lookup
