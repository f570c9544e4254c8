"""st.pagination: numbered page buttons with previous and next arrows; returns the page (from 1).

The browser sends the page chosen, a whole number from 1 to ``num_pages``.
"""
from __future__ import annotations

from typing import Any

from appcore.plugin import AppcoreAPIError, Args, Bind, Key, Kwargs, NumberCodec, OnChange, PersistState, Width, \
    input_widget, invalid_type, out_of_range

__all__ = ["pagination"]
ELEMENT_TYPES = {"pagination": "pagination"}

_INT32_MAX = 2**31 - 1  # Streamlit sends the page count in an int32 and fails past it


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def pagination(num_pages: int, *, default: int = 1, max_visible_pages: int | None = 7, width: Width = "content",
               key: Key = None, on_change: OnChange = "rerun", args: Args = None, kwargs: Kwargs = None,
               disabled: bool = False, bind: Bind = None, persist_state: PersistState = None) -> int:
    """Page buttons; returns the page chosen, from 1 to ``num_pages``."""
    if not _whole(num_pages) or num_pages < 1:
        raise AppcoreAPIError(f"`num_pages` must be an integer of at least 1. Got {num_pages}.")
    if num_pages > _INT32_MAX:
        raise AppcoreAPIError(f"Value out of range: {num_pages}")
    if not _whole(default):
        raise invalid_type("default", type(default).__name__, ["int"])
    if not 1 <= default <= num_pages:
        raise out_of_range("default", default, 1, num_pages)
    if max_visible_pages is not None and (not _whole(max_visible_pages) or max_visible_pages < 0):
        raise AppcoreAPIError(f"`max_visible_pages` must be a non-negative integer or None. Got {max_visible_pages}.")
    # A page kept from an earlier run that is past a new num_pages starts over from the default.
    codec = NumberCodec(default, 1, num_pages, integer=True, nullable=False)
    return input_widget("pagination", locals(), codec, content_width=True,
                        props={"num_pages": num_pages, "default": default, "max_visible_pages": max_visible_pages},
                        id_parts={"num_pages": num_pages, "default": default,
                                  "max_visible_pages": max_visible_pages}).value
