"""Bundled plugin: ``st.rerun`` and ``st.stop``, on the core's control-flow signals."""
from __future__ import annotations

from typing import Any

from appcore.plugin import hookimpl
from .control import rerun, stop


@hookimpl
def appcore_register_api() -> dict[str, Any]:
    return {"rerun": rerun, "stop": stop}
