"""Bundled plugin: ``st.rerun`` and ``st.stop``, which live in the core runtime."""
from __future__ import annotations

from typing import Any

from appcore.plugin import hookimpl
from appcore.runtime.control import rerun, stop


@hookimpl
def appcore_register_api() -> dict[str, Any]:
    return {"rerun": rerun, "stop": stop}
