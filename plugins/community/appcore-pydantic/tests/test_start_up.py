"""Every installed plugin is loaded when a server starts; this one must not make that slower."""
from __future__ import annotations

from appcore.testing.processes import modules_after_each


def test_loading_the_plugin_leaves_pydantic_for_the_first_form() -> None:
    at_load, at_first_form = modules_after_each("import appcore_pydantic", "appcore_pydantic.pydantic_form")
    assert "pydantic" not in at_load, "imported at load"
    assert "pydantic" in at_first_form
