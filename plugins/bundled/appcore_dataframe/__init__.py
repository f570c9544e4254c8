"""Bundled plugin: Streamlit's tables.

``st.dataframe`` (a virtual-scrolling grid; large frames windowed from the
server, which sorts, searches and exports them), ``st.column_config`` and
``st.table``. Each element is a pair of files: ``<type>.py`` + ``<type>.js``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from appcore.plugin import ElementType, hookimpl

from . import column_config
from ._routes import routes
from .dataframe import dataframe
from .table import table

HERE = Path(__file__).parent

__all__ = ["dataframe", "column_config", "table"]


@hookimpl
def appcore_register_elements() -> list[ElementType]:
    return [ElementType("dataframe", HERE / "dataframe.js", extra={"test_class": f"{__name__}._testing:Dataframe"}),
            ElementType("table", HERE / "table.js", extra={"test_class": f"{__name__}._testing:Table"})]


@hookimpl
def appcore_register_api() -> dict[str, Any]:
    return {"dataframe": dataframe, "column_config": column_config, "table": table}


@hookimpl
def appcore_register_routes(app: Any) -> list[Any]:
    return routes(app)
