"""{{ cookiecutter.component_name }}: {{ cookiecutter.description }}."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import appcore.components.v1 as components
from appcore.plugin import hookimpl

__all__ = ["{{ cookiecutter.package_name }}"]

# The frontend in frontend/ is served as the component's iframe. While you work on a
# bundled frontend with a dev server, pass url="http://localhost:3001" instead of path.
_component = components.declare_component("{{ cookiecutter.package_name }}", path=Path(__file__).parent / "frontend")


def {{ cookiecutter.package_name }}(label: str, *, key: str | None = None) -> int:
    """A button that counts its clicks; returns the count (0 before the first click)."""
    return _component(label=label, key=key, default=0)


@hookimpl
def appcore_register_api() -> dict[str, Any]:
    return {"{{ cookiecutter.package_name }}": {{ cookiecutter.package_name }}}
