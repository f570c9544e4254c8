"""The core's own hook implementations: defaults any plugin can override."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .hookspecs import hookimpl

if TYPE_CHECKING:
    from .runtime.session import Session


@hookimpl(trylast=True)
def appcore_resolve_page(session: Session, url_path: str) -> str:
    return session.app.script_path
