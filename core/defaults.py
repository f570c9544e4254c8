"""The core's own hook implementations: defaults any plugin can override."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .hookspecs import hookimpl

if TYPE_CHECKING:
    from .runtime.services import AppView


@hookimpl(trylast=True)
def appcore_resolve_markdown() -> None:
    return None  # no markdown plugin: labels are shown as plain text


class MemoryOnly:
    """Sessions live in the process that serves them; nothing is saved elsewhere."""

    keeps_nothing = True  # Session.save builds no snapshot for it

    def save(self, session_id: str, values: dict[str, Any]) -> list[str]:
        return []

    def load(self, session_id: str) -> dict[str, Any] | None:
        return None


@hookimpl(trylast=True)
def appcore_resolve_session_store(app: AppView) -> MemoryOnly:
    return MemoryOnly()
