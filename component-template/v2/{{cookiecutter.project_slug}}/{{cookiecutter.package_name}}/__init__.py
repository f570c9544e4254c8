"""{{ cookiecutter.component_name }}: {{ cookiecutter.description }}."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import appcore.components.v2 as components
from appcore.plugin import hookimpl

__all__ = ["{{ cookiecutter.package_name }}"]

FRONTEND = Path(__file__).parent / "frontend"

# No iframe: main.js is an ES module mounted into the page (into a shadow root, so the
# page's styles and style.css do not leak into each other). Edit the files, rerun the app.
_component = components.component(
    "{{ cookiecutter.package_name }}",
    html=(FRONTEND / "index.html").read_text(encoding="utf-8"),
    css=(FRONTEND / "style.css").read_text(encoding="utf-8"),
    js=(FRONTEND / "main.js").read_text(encoding="utf-8"),
)


def {{ cookiecutter.package_name }}(label: str, *, key: str | None = None,
        on_change: Callable[[], None] | None = None) -> int:
    """A button that counts its clicks; returns the count (0 before the first click)."""
    result = _component(key=key, data={"label": label}, default={"count": 0},
                        on_count_change=on_change or (lambda: None))
    return int(result.count or 0)


@hookimpl
def appcore_register_api() -> dict[str, Any]:
    return {"{{ cookiecutter.package_name }}": {{ cookiecutter.package_name }}}
