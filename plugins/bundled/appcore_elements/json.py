"""st.json: a collapsible tree of a JSON document or a Python structure."""
from __future__ import annotations

import json as _json
import logging
import types
from collections import ChainMap, UserDict
from collections.abc import ItemsView, KeysView, ValuesView
from typing import Any

from appcore.plugin import api, AppcoreAPIError, Container, add_element, check_width

__all__ = ["json"]
ELEMENT_TYPES = {"json": "json"}

log = logging.getLogger("appcore.elements")


def is_namedtuple(obj: Any) -> bool:
    return isinstance(obj, tuple) and hasattr(obj, "_asdict") and hasattr(obj, "_fields")


def is_pydantic_model(obj: Any) -> bool:
    return not isinstance(obj, type) and callable(getattr(obj, "model_dump", None)) \
        and hasattr(type(obj), "model_fields")


def _fallback(obj: Any) -> Any:
    return list(obj) if isinstance(obj, (set, frozenset)) else repr(obj)


def to_json_text(body: Any) -> str:
    """Streamlit's conversion: a str is taken as JSON text, anything else is dumped."""
    if is_namedtuple(body):
        body = body._asdict()
    elif is_pydantic_model(body):
        body = body.model_dump(mode="json")
    elif isinstance(body, (ChainMap, types.MappingProxyType, UserDict)):
        body = dict(body)
    elif isinstance(body, (list, tuple, set, frozenset, map, enumerate, ItemsView, KeysView, ValuesView)):
        body = [item.model_dump(mode="json") if is_pydantic_model(item) else item for item in body]
    if isinstance(body, str):
        return body
    try:
        return _json.dumps(body, default=_fallback)
    except TypeError as error:
        message = (f"this data structure was not fully serializable as JSON due to one or more "
                   f"unexpected keys.  (Error was: {error})")
        log.warning("st.json: %s", message)
        api("warning")(f"Warning: {message}")
        return _json.dumps(body, skipkeys=True, default=_fallback)


def json(body: Any, *, expanded: bool | int = True, width: str | int = "stretch") -> Container:
    """A collapsible tree of JSON text or a Python structure; ``expanded`` may be a depth."""
    if isinstance(expanded, bool):
        depth = None
    elif isinstance(expanded, int):
        depth, expanded = expanded, True
    else:
        raise AppcoreAPIError(f"Invalid `expanded` type. Expected one of: bool, int. "
                              f"Provided type: {type(expanded).__name__}.")
    return add_element("json", {"body": to_json_text(body), "expanded": expanded, "max_expand_depth": depth,
                                "width": check_width(width)})
