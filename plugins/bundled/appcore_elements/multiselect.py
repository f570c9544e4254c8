"""st.multiselect: the browser sends the list of chosen indices (and, with
``accept_new_options``, the text of new items)."""
from __future__ import annotations

from collections.abc import Callable
from numbers import Integral
from typing import Any, Literal

from appcore.plugin import Args, Bind, Help, Key, Kwargs, LabelVisibility, MultiIndexCodec, OnChange, PersistState, \
    WidthWithoutContent, input_widget, invalid_type, invalid_value

from ._inputs import check_filter_mode

__all__ = ["multiselect"]
ELEMENT_TYPES = {"multiselect": "multiselect"}

_SELECT_ALL_ALWAYS = -1
_DEFAULT_SELECT_ALL = 1000
_SELECT_ALL_MAX = 2**31 - 1


def multiselect(label: str, options: Any, default: Any | None = None, format_func: Callable[[Any], str] = str,
                key: Key = None, help: Help = None, on_change: OnChange = "rerun", args: Args = None,
                kwargs: Kwargs = None, *, max_selections: int | None = None, placeholder: str | None = None,
                disabled: bool = False, label_visibility: LabelVisibility = "visible",
                accept_new_options: bool = False,
                filter_mode: Literal["fuzzy", "contains", "prefix"] | None = "fuzzy",
                select_all: bool | int = _DEFAULT_SELECT_ALL, width: WidthWithoutContent = "stretch",
                wrap: bool | None = None, bind: Bind = None, persist_state: PersistState = None) -> list[Any]:
    """A list of options to pick several of; returns the chosen ones in the order they were picked."""
    codec = MultiIndexCodec(options, default, format_func, _max_selections(max_selections), accept_new_options)
    props = {"placeholder": " " if placeholder == "" else placeholder, "select_all": _encode_select_all(select_all),
             "filter_mode": check_filter_mode(filter_mode, accept_new_options), "wrap": wrap}
    return input_widget("multiselect", locals(), codec, props=props, identity={
        "max_selections": max_selections, "accept_new_options": accept_new_options}, id_parts={
        "options": codec.labels, "default": codec.default_indices, "max_selections": max_selections,
        "accept_new_options": accept_new_options, **props}).value


def _max_selections(max_selections: Any) -> int | None:
    if max_selections is not None and (isinstance(max_selections, bool) or not isinstance(max_selections, Integral)
                                       or max_selections < 1):
        detail = ("To disable `st.multiselect`, use `disabled=True`."
                  if isinstance(max_selections, Integral) and max_selections == 0 else None)
        raise invalid_value("max_selections", ["a positive integer"], detail)
    return max_selections


def _encode_select_all(select_all: Any) -> int:
    if isinstance(select_all, bool):
        return _SELECT_ALL_ALWAYS if select_all else 0
    if isinstance(select_all, int):
        if select_all < 0:
            raise invalid_value("select_all", ["True", "False", "a non-negative integer"],
                                "When using an int, `select_all` must be a non-negative integer.")
        return min(select_all, _SELECT_ALL_MAX)
    raise invalid_type("select_all", type(select_all).__name__, ["bool", "int"])
