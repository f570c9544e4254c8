"""Argument checks and clean-ups the display elements share (not an element: no API names)."""
from __future__ import annotations

import math
import textwrap
from collections.abc import Collection
from typing import Any

from appcore.plugin import AppcoreAPIError, invalid_value, markdown_html


def clean_text(body: object) -> str:
    """Streamlit's clean_text: str, dedented, stripped."""
    return textwrap.dedent(str(body)).strip()


def help_html(help: str | None) -> str | None:
    """A tooltip's Markdown in safe HTML: Streamlit renders every element's ``help`` as Markdown."""
    return markdown_html(help, inline=False) if help else None


def check_choice(parameter: str, value: Any, valid: Collection[str]) -> str:
    if value not in valid:
        raise invalid_value(parameter, [f"'{v}'" for v in valid], f"Got {value!r}.")
    return value


def check_bool(parameter: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise AppcoreAPIError(f"Invalid `{parameter}` value. Supported values: True, False. Got {value!r}.")
    return value


def json_safe(value: Any) -> Any:
    """A scalar the wire format can carry: NaN and infinities become None
    (the JSON encoder would write bare NaN, which browsers refuse)."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    item = getattr(value, "item", None)
    if callable(item) and type(value).__module__ == "numpy":
        try:
            return json_safe(item())
        except (TypeError, ValueError):
            pass
    try:
        import pandas as pd

        if value is pd.NaT or (pd.api.types.is_scalar(value) and pd.isna(value)):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
